import type { Dataset } from './dataset.js';
import type { TextColumn } from './text-codes.js';

/** The ticket fields a survey response takes from the ticket it answers, for grouping (issue #11; `--by`, #13). */
export const INHERITED_FIELDS = ['channel', 'agent', 'team', 'priority', 'category'] as const;

export interface TicketJoin {
  /** The survey data set with the inherited fields filled from the tickets where the response names none. */
  surveys: Dataset;
  /** Responses that name a ticket, and how many of those name one the ticket data set has. */
  withTicketId: number;
  matched: number;
  /** The inherited fields the tickets had (read in this run). */
  fields: string[];
}

/**
 * Joins survey responses to tickets on `ticket_id` = the ticket's id (`#1234` and ` 1234 ` as `1234`): each response
 * keeps its own channel, agent … and takes the ticket's where it has none. Null when the surveys name no ticket or
 * the tickets carry no ids. One pass over the tickets, looking up only the ids the responses name.
 */
export function joinSurveysToTickets(surveys: Dataset, tickets: Dataset): TicketJoin | null {
  const named = surveys.texts.ticket_id;
  const keys = tickets.keys;
  if (named === undefined || keys === undefined) return null;
  // Per distinct ticket id the responses name (a code of their column): the ticket row, -1 while not found.
  const rowOfCode = new Int32Array(named.values.length).fill(-1);
  const codeOfNumber = new Map<number, number>();
  const codeOfText = new Map<string, number>();
  for (let code = 1; code < named.values.length; code++) {
    const id = named.values[code]!.trim().replace(/^#/, '');
    if (/^(?:0|[1-9]\d{0,14})$/.test(id)) codeOfNumber.set(Number(id), code);
    else codeOfText.set(id, code);
  }
  for (let row = 0; row < tickets.rows; row++) {
    const id = keys.numeric[row]!;
    const code = Number.isNaN(id) ? codeOfText.get(keys.text.get(row) ?? '') : codeOfNumber.get(id);
    if (code !== undefined && rowOfCode[code] === -1) rowOfCode[code] = row;
  }
  const ticketRowOf = new Int32Array(surveys.rows);
  let withTicketId = 0;
  let matched = 0;
  for (let row = 0; row < surveys.rows; row++) {
    const code = named.codes[row]!;
    ticketRowOf[row] = code === 0 ? -1 : rowOfCode[code]!;
    if (code !== 0) withTicketId++;
    if (ticketRowOf[row]! >= 0) matched++;
  }
  const fields = INHERITED_FIELDS.filter((field) => tickets.texts[field] !== undefined);
  const texts = { ...surveys.texts };
  for (const field of fields) texts[field] = inherit(surveys.texts[field], tickets.texts[field]!, ticketRowOf);
  return { surveys: { ...surveys, texts }, withTicketId, matched, fields };
}

/** The response's own value where it has one, else its ticket's, re-coded into one column. */
function inherit(own: TextColumn | undefined, ticket: TextColumn, ticketRowOf: Int32Array): TextColumn {
  const values = own === undefined ? [''] : [...own.values];
  const codeOf = new Map(values.map((v, code) => [v, code]));
  const recode = new Int32Array(ticket.values.length).fill(-1);
  const codes = new Uint32Array(ticketRowOf.length);
  for (let row = 0; row < codes.length; row++) {
    const mine = own === undefined ? 0 : own.codes[row]!;
    const ticketRow = ticketRowOf[row]!;
    if (mine !== 0 || ticketRow < 0) {
      codes[row] = mine;
      continue;
    }
    const theirs = ticket.codes[ticketRow]!;
    if (recode[theirs] === -1) {
      const value = ticket.values[theirs]!;
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.length;
        values.push(value);
        codeOf.set(value, code);
      }
      recode[theirs] = code;
    }
    codes[row] = recode[theirs]!;
  }
  return { codes, values };
}
