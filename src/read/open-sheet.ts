import type { InputFile } from './input.js';
import type { SheetFormat, SheetSource } from './source.js';

/**
 * Opens a workbook or markup table as a SheetSource. The readers (and htmlparser2 behind them) are loaded only when
 * such a file comes, so a CSV run does not pay for their start-up.
 */
export async function openSheetSource(format: SheetFormat, input: InputFile, options: { sheet?: string | undefined; encoding?: string | undefined; maxCellChars?: number | undefined }): Promise<SheetSource> {
  const limit = options.maxCellChars === undefined ? {} : { maxCellChars: options.maxCellChars };
  switch (format) {
    case 'xlsx':
      return (await import('./xlsx.js')).openXlsxSource(input, { sheet: options.sheet ?? null, ...limit });
    case 'html':
      return (await import('./html-table.js')).openHtmlTableSource(input, { ...(options.encoding === undefined ? {} : { encoding: options.encoding }), ...limit });
    case 'xml2003':
      return (await import('./xml-spreadsheet.js')).openXmlSpreadsheetSource(input, { sheet: options.sheet ?? null, ...(options.encoding === undefined ? {} : { encoding: options.encoding }), ...limit });
  }
}
