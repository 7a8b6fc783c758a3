import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { UsageError } from '../errors.js';
import { detectLegacyEncoding } from './legacy-encoding.js';

/** The encodings the readers tell apart on their own (SPEC §3); `--encoding` may name any iconv-lite encoding. */
export interface DetectedEncoding {
  /** iconv-lite name, normalised: `utf-8`, `utf-16le`, `utf-16be`, `windows-1251`, … */
  encoding: string;
  /** Bytes of byte-order mark at the start of the file, skipped by the readers. */
  bomLength: number;
}

/**
 * Detects the encoding from the head of a file: a BOM decides; otherwise valid UTF-8 is UTF-8, and anything else one
 * of the one-byte encodings real exports come in — Windows-1251 (Russian Excel, old Bitrix24 installs; SPEC §3),
 * Windows-1252 or Mac Roman (older SurveyMonkey files) — told apart by legacy-encoding.ts.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0 };
  return { encoding: isUtf8(trimToAsciiBoundary(head)) ? 'utf-8' : detectLegacyEncoding(head), bomLength: 0 };
}

/**
 * UTF-16 text written without a BOM: ASCII characters leave a NUL in every other byte — at odd offsets in little
 * endian, at even ones in big endian. Null when the head does not look like that.
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** The head may end inside a multi-byte character; cut it after its last ASCII byte so validation is fair. */
function trimToAsciiBoundary(head: Uint8Array): Uint8Array {
  let end = head.length;
  while (end > 0 && head[end - 1]! >= 0x80) end--;
  return head.subarray(0, end);
}

/** Normalises a user-given encoding name (cp1251, win-1251, utf8 …) and checks iconv-lite knows it. */
export function normaliseEncodingName(name: string): string {
  const key = name.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  const aliases: Record<string, string> = {
    utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', utf16: 'utf-16le',
    cp1251: 'windows-1251', win1251: 'windows-1251', windows1251: 'windows-1251',
    cp1252: 'windows-1252', windows1252: 'windows-1252', latin1: 'latin1', macroman: 'macintosh',
  };
  const normalised = aliases[key] ?? name.trim().toLowerCase();
  if (!iconv.encodingExists(normalised)) {
    throw new UsageError(`${JSON.stringify(name)} is not an encoding I know; use utf-8, utf-16le, windows-1251 or another iconv-lite name`);
  }
  return normalised;
}

/** True when the encoding keeps ASCII bytes as themselves, one byte each, so the byte tokenizer can run on it. */
export function isAsciiCompatible(encoding: string): boolean {
  return !/^(utf-?16|ucs-?2|utf-?32)/.test(encoding);
}

/** Turns a field's bytes into text in the file's encoding. */
export type FieldDecoder = (bytes: Buffer, start: number, end: number) => string;

export function fieldDecoder(encoding: string): FieldDecoder {
  if (encoding === 'utf-8') return (bytes, start, end) => bytes.toString('utf8', start, end);
  if (encoding === 'latin1') return (bytes, start, end) => bytes.toString('latin1', start, end);
  return (bytes, start, end) => iconv.decode(bytes.subarray(start, end), encoding);
}
