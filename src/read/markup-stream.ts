import { CellTooLarge } from './limits.js';
import iconv from 'iconv-lite';
import { Parser, type Handler } from 'htmlparser2';
import { InputError } from '../errors.js';
import { asInputError, isFileSystemError, openByteStream, type InputFile } from './input.js';

/**
 * The loop shared by the two markup formats people save as ".xls" (the Bitrix24 HTML table, XML Spreadsheet 2003):
 * the input's bytes, decompressed and decoded chunk by chunk, are fed to one streaming htmlparser2 Parser; whatever
 * the format's handler completed during a chunk (rows, sheet names) is yielded before the next chunk is read. So
 * memory holds one chunk and the rows it finished, never the whole file.
 */

/** How a markup format is parsed and named in messages. */
export interface MarkupFormat {
  /** For "file: is not a readable <readableAs> (…)". */
  readableAs: string;
  /** What to do when it is not readable. */
  hint: string;
  /** XML Spreadsheet 2003 is XML (case-sensitive names, `<Cell/>`); the Bitrix24 table is forgiving HTML. */
  xmlMode: boolean;
}

/** What a format's handler reports to the loop. */
export interface MarkupSink<T> {
  /** Something completed (a row, a sheet name): yielded once the current chunk is parsed. */
  emit(item: T): void;
  /** Everything wanted has been read (the table or sheet closed): the rest of the file is not read. */
  stop(): void;
}

/**
 * Limits that keep a malformed file from filling memory: 16,384 columns (Excel's own, XFD); a cell's characters are
 * `--max-field-size` (read/limits.ts), passed by each reader.
 */
export const MAX_COLUMNS = 16_384;
/** A tag, comment or attribute value still open after this many characters: the file is not markup we can read. */
const MAX_UNPARSED_CHARS = 8 << 20;

/**
 * Parses `input` as `format`, decoding with `encoding` (an iconv-lite name; a BOM is skipped), and yields what the
 * handler built by `buildHandler` emits. A handler may throw an Error to reject the file: the loop turns it (and any
 * stream or decoder error) into one InputError line, `file: is not a readable <format> (<message>); <hint>`.
 * Stopping early (the consumer breaks out, or the handler calls `stop`) closes the file.
 */
export async function* streamMarkup<T>(
  input: InputFile,
  encoding: string,
  format: MarkupFormat,
  buildHandler: (sink: MarkupSink<T>) => Partial<Handler>,
): AsyncGenerator<T> {
  const completed: T[] = [];
  let stopped = false;
  const sink: MarkupSink<T> = {
    emit: (item) => completed.push(item),
    stop: () => {
      stopped = true;
      parser.pause(); // no more events from the rest of this chunk
    },
  };
  const parser = new Parser(buildHandler(sink), { xmlMode: format.xmlMode, decodeEntities: true });
  const decoder = iconv.getDecoder(encoding); // strips a UTF-8/UTF-16 BOM
  const stream = openByteStream(input);
  const chunks = stream[Symbol.asyncIterator]();
  let charsFed = 0;

  const feed = (text: string | undefined) => {
    if (!text) return;
    parser.write(text);
    charsFed += text.length;
    // parser.endIndex is where the last event ended; far behind means an unclosed `<`, comment or quote swallowing it all.
    if (!stopped && charsFed - parser.endIndex > MAX_UNPARSED_CHARS) {
      throw new Error(`a tag, comment or attribute runs on for more than ${MAX_UNPARSED_CHARS} characters`);
    }
  };

  /** Reads and parses one chunk; false once the file has ended (the parser is then ended too). */
  const parseNextChunk = async (): Promise<boolean> => {
    try {
      const next = await chunks.next();
      if (next.done) {
        feed(decoder.end());
        parser.end(); // closes what is still open: an interrupted export keeps its last row
        return false;
      }
      feed(decoder.write(next.value as Buffer));
      return true;
    } catch (error) {
      throw unreadable(input, format, error);
    }
  };

  try {
    let more = true;
    while (more && !stopped) {
      more = await parseNextChunk();
      // Yielded outside the try/catch above, so an error thrown into the consumer's loop is not re-labelled.
      for (const item of completed.splice(0)) yield item;
    }
  } finally {
    stream.destroy();
  }
}

function unreadable(input: InputFile, format: MarkupFormat, error: unknown): Error {
  if (error instanceof InputError) return error;
  if (error instanceof CellTooLarge) return error.toInputError(input.label);
  // A file-system error (the file vanished, permissions) says so; anything else is the content's fault.
  if (isFileSystemError(error)) return asInputError(input.label, error);
  const message = error instanceof Error ? error.message : String(error);
  return new InputError({
    file: input.label,
    code: 'UNREADABLE',
    reason: `is not a readable ${format.readableAs} (${message.replace(/\s+/g, ' ').trim()})`,
    hint: format.hint,
  });
}

/** The local part of an element or attribute name: `ss:Row` → `Row`, `html:Font` → `Font`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
