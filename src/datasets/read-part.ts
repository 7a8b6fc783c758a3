import type { ReadProgress } from '../read/progress.js';
import { streamCsvRange, type CsvRange, type CsvRangeEnd } from '../read/csv.js';
import type { SheetSource } from '../read/source.js';
import { DEFAULT_LIMITS, fieldTooLarge, tooManyColumns } from '../read/limits.js';
import type { FilePlan } from './plan.js';
import { RowReader, type DatasetPart, type SharedOutput } from './row-reader.js';
import { mark } from '../timing.js';

/**
 * Reads one byte range of a CSV file (all of it, or one half of a parallel read) into a part; `reader` when the caller
 * built it already (to size the shared output from its columns).
 */
export async function readCsvPart(plan: FilePlan, range: CsvRange, output: SharedOutput | null = null, reader = new RowReader(plan), progress?: ReadProgress): Promise<{ part: DatasetPart; end: CsvRangeEnd }> {
  mark('part start');
  if (output !== null) reader.writeInto(output);
  const end = await streamCsvRange({ file: plan.file, path: plan.path, gzip: plan.gzip, encoding: plan.encoding!, delimiter: plan.delimiter! }, range, (record) => reader.csvRecord(record), progress, plan.limits);
  mark('part read');
  return { part: reader.part(), end };
}

/** Reads the data rows of a workbook sheet or markup table (those below the header row) into a part. */
export async function readSheetPart(plan: FilePlan, source: SheetSource): Promise<DatasetPart> {
  const reader = new RowReader(plan);
  // Plans written before the limits (a test's own) read with the defaults.
  const limits = plan.limits ?? DEFAULT_LIMITS;
  const { maxColumns, maxFieldBytes } = limits;
  // A text longer than a quarter of the limit may be over it in UTF-8 bytes (up to 4 per UTF-16 unit): then counted.
  const suspect = maxFieldBytes / 4;
  for await (const row of source.rows()) {
    const cells = row.cells;
    if (cells.length > maxColumns) throw tooManyColumns(plan.file, row.line, cells.length, limits, false, 'sheet');
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (typeof cell === 'string' && cell.length > suspect) {
        const bytes = Buffer.byteLength(cell, 'utf8');
        if (bytes > maxFieldBytes) throw fieldTooLarge(plan.file, row.line, i + 1, bytes, limits, false, 'sheet');
      }
    }
    if (row.line > plan.headerLine) reader.sheetRow(row.line, cells);
  }
  return reader.part();
}

/** The typed arrays of a part, to transfer (not copy) from a worker. */
export function transferablesOf(part: DatasetPart): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [part.numericIds, part.lineOfRow, ...Object.values(part.numbers), ...Object.values(part.texts).map((t) => t.codes)];
  for (const e of Object.values(part.elapsed)) arrays.push(e.seconds, e.source, e.sketch.histogram);
  // Shared buffers (SharedOutput) are seen by both threads already; only private ones are handed over.
  return [...new Set(arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer))];
}
