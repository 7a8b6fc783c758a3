// Writes an N-row Zendesk-layout ticket export (CRLF, every field quoted, some multi-line subjects, `-` in a custom
// field, timestamps with +hhmm offsets) to a file, streamed. Deterministic for a given N and seed.
// Usage: node bench/generate-zendesk.js OUT N [--encoding windows-1251 --delimiter ';' --layout bitrix24]
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';

const ZENDESK_HEADERS = ['Id', 'Requester', 'Requester id', 'Assignee', 'Group', 'Subject', 'Status', 'Priority', 'Via', 'Created at', 'Updated at', 'Solved at', 'Satisfaction Score', 'Reopens', 'Replies', 'First reply time in minutes', 'First reply time in minutes within business hours', 'Full resolution time in minutes', 'Full resolution time in minutes within business hours', 'Product [list]'];
const BITRIX_HEADERS = ['№', 'Канал', 'Дата создания', 'Сотрудник', 'Клиент', 'Статус', 'Дата ответа оператора', 'Ожидание ответа оператора', 'Дата закрытия', 'Оценка клиента', 'Спам'];

const SUBJECTS = ['Invoice shows wrong VAT', 'Cannot log in\r\nafter password reset', 'Export to "CSV" fails, again', 'Refund request', 'API returns 502', 'How to add a user?', 'Не приходит письмо', 'Data missing after import\r\nsince Monday\r\nplease help'];
const AGENTS = ['Max Weber', 'Lea Vogel', 'Иванова Анна', 'Tom Hardy', ''];
const VIA = ['Mail', 'Web form', 'Chat', 'API', 'Phone'];
const RU_CHANNELS = ['Онлайн-чат', 'Telegram', 'ВКонтакте', 'WhatsApp'];

/** A small xorshift generator: the same file for the same N, no Math.random. */
export function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function zendeskTime(ms, offsetMin) {
  const d = new Date(ms + offsetMin * 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const o = Math.abs(offsetMin);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(o / 60))}${pad(o % 60)}`;
}
function dottedTime(ms) {
  const d = new Date(ms + 3 * 3600000); // Moscow wall time
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** Satisfaction Score as Zendesk writes it: Good, Bad, or a survey offered or not (no answer). One draw per row. */
const zendeskRating = (r) => (r < 0.22 ? 'Good' : r < 0.27 ? 'Bad' : r < 0.37 ? 'Offered' : 'Unoffered');
/** Оценка клиента: 5 like, 1 dislike, 0 not rated. */
const bitrixRating = (r) => (r < 0.4 ? 5 : r < 0.5 ? 1 : 0);
const q = (v) => `"${String(v).replaceAll('"', '""')}"`;

/** One ticket's times: created within 300 days of `start`, 93 % answered, 80 % solved, minutes filled for 90 %. */
export function randomTicketTimes(random, start) {
  const created = start + Math.floor(random() * 300 * 86400) * 1000;
  const answered = random() < 0.93;
  const frtMin = answered ? Math.floor(random() * random() * 600) : null;
  const solved = random() < 0.8;
  const artMin = solved ? (frtMin ?? 0) + Math.floor(random() * random() * 5000) : null;
  const fillDuration = random() < 0.9; // some solved rows lack the minutes: the timestamp fall-back
  return { created, frtMin, solved, artMin, fillDuration };
}

export async function generate(out, rows, { layout = 'zendesk', encoding = 'utf-8', delimiter = ',', seed = 42 } = {}) {
  const random = rng(seed);
  const stream = createWriteStream(out);
  const write = (text) => {
    const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
    return stream.write(bytes) ? Promise.resolve() : new Promise((r) => stream.once('drain', r));
  };
  const headers = layout === 'zendesk' ? ZENDESK_HEADERS : BITRIX_HEADERS;
  const start = Date.UTC(2026, 0, 1);
  let batch = [headers.map(q).join(delimiter)];
  for (let i = 0; i < rows; i++) {
    const { created, frtMin, solved, artMin, fillDuration } = randomTicketTimes(random, start);
    const agent = AGENTS[Math.floor(random() * AGENTS.length)];
    let cells;
    if (layout === 'zendesk') {
      const offset = random() < 0.5 ? 60 : 0;
      cells = [
        100000 + i, `Customer ${i % 5000}`, 370000000 + (i % 5000), agent, i % 3 ? 'Support' : 'Tier 2',
        SUBJECTS[i % SUBJECTS.length], solved ? 'Solved' : 'Open', 'Normal', VIA[i % VIA.length],
        zendeskTime(created, offset), zendeskTime(created + 3600000, offset), solved ? zendeskTime(created + artMin * 60000, offset) : '',
        // Every ninth solved ticket reopened once or twice (no random draw: the other columns stay as they were).
        zendeskRating(random()), solved && i % 9 === 0 ? 1 + (i % 2) : 0, Math.floor(random() * 6),
        frtMin ?? '', frtMin ?? '', solved && fillDuration ? artMin : '', solved && fillDuration ? artMin : '', i % 4 ? 'Billing' : '-',
      ];
      batch.push(cells.map(q).join(delimiter));
    } else {
      const frtSec = frtMin === null ? null : frtMin * 60 + Math.floor(random() * 60);
      cells = [
        100000 + i, RU_CHANNELS[i % RU_CHANNELS.length], dottedTime(created), agent, `Клиент ${i % 5000}`, solved ? 'Закрыт' : 'В работе',
        frtSec === null ? '' : dottedTime(created + frtSec * 1000), frtSec === null ? 0 : fillDuration ? frtSec : '',
        solved ? dottedTime(created + artMin * 60000) : '', bitrixRating(random()), 'Нет',
      ];
      batch.push(cells.map((c) => (/[";\r\n]/.test(String(c)) ? q(c) : String(c))).join(delimiter));
    }
    if (batch.length >= 5000) {
      await write(batch.join('\r\n') + '\r\n');
      batch = [];
    }
  }
  if (batch.length) await write(batch.join('\r\n') + '\r\n');
  await new Promise((resolve, reject) => stream.end((e) => (e ? reject(e) : resolve())));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, n, ...rest] = process.argv.slice(2);
  // `--help` is no file name (it once became one).
  if (out === undefined || out.startsWith('-') || !(Number(n) > 0)) {
    console.error('usage: node bench/generate-zendesk.js OUT.csv ROWS [--layout zendesk|bitrix24] [--encoding utf-8|windows-1251] [--delimiter C] [--seed N]');
    process.exit(2);
  }
  const opts = {};
  for (let i = 0; i < rest.length; i += 2) opts[rest[i].replace(/^--/, '')] = rest[i + 1];
  await generate(out, Number(n), opts);
}
