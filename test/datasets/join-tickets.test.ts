import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/datasets/dataset.js';
import { joinSurveysToTickets } from '../../src/datasets/join-tickets.js';

/** A data set of `rows` rows with the given text columns (codes into values) and, for tickets, keys. */
function dataset(kind: Dataset['kind'], texts: Dataset['texts'], keys?: Dataset['keys']): Dataset {
  const rows = Object.values(texts)[0]?.codes.length ?? keys?.numeric.length ?? 0;
  return { kind, rows, numbers: {}, elapsed: {}, texts, mapped: {}, unmapped: [], lineOfRow: new Uint32Array(rows), inputOfRow: new Uint32Array(rows), ...(keys === undefined ? {} : { keys }) };
}

const text = (values: string[], codes: number[]) => ({ values: ['', ...values], codes: Uint16Array.from(codes) });

describe('survey responses joined to their tickets on ticket_id', () => {
  // Tickets 1001 (Mail, Max), 1002 (Chat, Lea), PROJ-7 (Chat, no agent), 1004 (Phone, Max)
  const tickets = dataset(
    'tickets',
    { channel: text(['email', 'chat', 'phone'], [1, 2, 2, 3]), agent: text(['Max Weber', 'Lea Vogel'], [1, 2, 0, 1]) },
    { numeric: Float64Array.from([1001, 1002, Number.NaN, 1004]), text: new Map([[2, 'PROJ-7']]) },
  );

  it('takes channel and agent from the ticket where the response has none, keeps its own otherwise', () => {
    // Responses name: 1002, #1001, (none), PROJ-7, 9999 (no such ticket), 1004 with its own channel "chat"
    const surveys = dataset('surveys', {
      ticket_id: text(['1002', '#1001', 'PROJ-7', '9999', ' 1004 '], [1, 2, 0, 3, 4, 5]),
      channel: text(['chat'], [0, 0, 0, 0, 0, 1]),
    });
    const join = joinSurveysToTickets(surveys, tickets)!;
    // 5 name a ticket; 1002, 1001, PROJ-7, 1004 are among the tickets → 4 matched
    expect(join).toMatchObject({ withTicketId: 5, matched: 4, fields: ['channel', 'agent'] });
    const decode = (field: string) => Array.from(join.surveys.texts[field]!.codes, (c) => join.surveys.texts[field]!.values[c]);
    expect(decode('channel')).toEqual(['chat', 'email', '', 'chat', '', 'chat']);
    expect(decode('agent')).toEqual(['Lea Vogel', 'Max Weber', '', '', '', 'Max Weber']);
    // Other columns untouched.
    expect(join.surveys.texts.ticket_id).toBe(surveys.texts.ticket_id);
  });

  it('is null when the responses name no ticket or the tickets carry no ids', () => {
    expect(joinSurveysToTickets(dataset('surveys', { csat: text(['5'], [1]) }), tickets)).toBeNull();
    const withoutKeys = dataset('tickets', { channel: text(['chat'], [1]) });
    expect(joinSurveysToTickets(dataset('surveys', { ticket_id: text(['1'], [1]) }), withoutKeys)).toBeNull();
  });
});
