// The yardstick for the tool's .xlsx reading (issue #10: "within 10 % of exceljs's own streaming read"): exceljs's
// streaming reader over every row of every sheet, touching every cell value, in a process of its own like the others.
// Settings for its fastest *correct* read: shared strings cached (otherwise a text cell is only an index) and styles
// cached (otherwise a date cell is a bare serial number — the tool reads the date formats too); hyperlinks and entry
// events, which the tool does not read either, ignored.
// Usage: node bench/exceljs-read.js FILE → prints {"rows","cells","dates","numbers","strings","empty"} as JSON.
import ExcelJS from 'exceljs';

const [file] = process.argv.slice(2);
const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
const counts = { rows: 0, cells: 0, dates: 0, numbers: 0, strings: 0, empty: 0 };
const touch = (cell) => {
  const value = cell.value;
  counts.cells++;
  if (value instanceof Date) counts.dates++;
  else if (typeof value === 'number') counts.numbers++;
  else if (typeof value === 'string') counts.strings++;
  else if (value === null || value === undefined) counts.empty++;
};
for await (const worksheet of workbook) {
  for await (const row of worksheet) {
    counts.rows++;
    row.eachCell(touch);
  }
}
process.stdout.write(JSON.stringify(counts) + '\n');
