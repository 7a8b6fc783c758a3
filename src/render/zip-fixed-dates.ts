/**
 * A zip (an .xlsx) with every entry's modification time set to 1980-01-01 00:00, the first DOS date, in its local
 * header and its central directory entry: exceljs stamps each part with the time of writing, and the same report must
 * be the same bytes on every run (issue #14). Nothing else changes — not the data, not the CRCs.
 */
export function withFixedZipDates(zip: Uint8Array): Uint8Array {
  const out = Buffer.from(zip);
  const end = findEndOfDirectory(out);
  if (end < 0) return out;
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries && at + 46 <= out.length && out.readUInt32LE(at) === DIRECTORY_ENTRY; i++) {
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(DOS_1980_01_01, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (local + 30 <= out.length && out.readUInt32LE(local) === LOCAL_HEADER) {
      out.writeUInt16LE(0, local + 10);
      out.writeUInt16LE(DOS_1980_01_01, local + 12);
    }
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** (1980 − 1980) << 9 | month 1 << 5 | day 1. */
const DOS_1980_01_01 = (1 << 5) | 1;

/** The end-of-central-directory record: 22 bytes plus a comment of up to 65,535, at the end. */
function findEndOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}
