/**
 * The key a header is matched by in the generic aliases: lower case, without text in brackets (units, time zones,
 * `[list]`) and without spaces, `_`, `-`, `.` — so `Created At`, `created_at` and `Created-at` are one.
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s_\-.:,]+/g, '')
    .replace(/^\ufeff/, '');
}
