/**
 * Control characters and bidi marks from the data, shown as `\uXXXX` instead of acting. A C0 or C1 control (an ESC
 * that recolours or clears a terminal, a NUL) or a bidi override or isolate (U+202E reverses the text after it, so
 * `\u202Eexe.pdf` reads as `fdp.exe`) in an agent's name would otherwise change what the reader sees around it. The
 * screen and text formats (table, Markdown, CSV, HTML, JUnit) show them visibly; JSON keeps the exact string, escaped
 * by JSON itself. `lineBreaks: 'keep'` leaves tab, LF and CR as they are, for formats that quote or escape them.
 */
export function showControls(text: string, lineBreaks: 'keep' | 'show'): string {
  const pattern = lineBreaks === 'keep' ? CONTROLS_BUT_LINE_BREAKS : CONTROLS;
  return text.replace(pattern, codePoint);
}

// Also the noncharacters U+FFFE/U+FFFF and a surrogate without its pair (a workbook's `_xD800_` makes one): XML
// (JUnit, HTML) cannot hold them and UTF-8 cannot encode a lone surrogate, so they were dropped or became U+FFFD.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function codePoint(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
