// Writes an N-row ticket sheet as .xlsx (exceljs's streaming writer, so memory stays flat): a title row above the
// header, date cells for the times, numbers for ids and minutes, shared strings for the text columns — laid out like
// a help-desk "Excel" export. Deterministic for a given N and seed.
// Usage: node bench/generate-xlsx.js OUT N
import ExcelJS from 'exceljs';
import { randomTicketTimes, rng } from './generate-zendesk.js';

const HEADERS = ['Id', 'Requester', 'Assignee', 'Group', 'Subject', 'Status', 'Priority', 'Via', 'Created at', 'Solved at', 'First reply time in minutes', 'Full resolution time in minutes'];
const AGENTS = ['Max Weber', 'Lea Vogel', 'Иванова Анна', 'Tom Hardy', ''];
const VIA = ['Mail', 'Web form', 'Chat', 'API', 'Phone'];
const SUBJECTS = ['Invoice shows wrong VAT', 'Cannot log in after password reset', 'Refund request', 'API returns 502'];

export async function generateXlsx(out, rows, { seed = 7 } = {}) {
  const random = rng(seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Tickets');
  sheet.addRow(['Ticket report — generated for the benchmark']).commit();
  sheet.addRow(HEADERS).commit();
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const { created, frtMin, solved, artMin, fillDuration } = randomTicketTimes(random, start);
    const row = sheet.addRow([
      100000 + i, `Customer ${i % 5000}`, AGENTS[i % AGENTS.length], i % 3 ? 'Support' : 'Tier 2', SUBJECTS[i % SUBJECTS.length],
      solved ? 'Solved' : 'Open', 'Normal', VIA[i % VIA.length], new Date(created), solved ? new Date(created + artMin * 60000) : null,
      frtMin, solved && fillDuration ? artMin : null,
    ]);
    row.getCell(9).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.getCell(10).numFmt = 'yyyy-mm-dd hh:mm:ss';
    row.commit();
  }
  await workbook.commit();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, n] = process.argv.slice(2);
  await generateXlsx(out, Number(n));
}
