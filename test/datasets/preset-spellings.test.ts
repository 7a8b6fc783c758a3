import { describe, expect, it } from 'vitest';
import { headerIsSpelling, headerScorer, mapHeaders, unwrapAggregator } from '../../src/datasets/mapping.js';
import { TICKETS } from '../../src/datasets/tickets.js';
import { PRESETS } from '../../src/presets/index.js';

describe('preset spellings with a (<Zone>) placeholder', () => {
  it('match the words followed by any known time zone in brackets, case aside', () => {
    expect(headerIsSpelling('Conversation started at (America/New_York)', 'Conversation started at (<Zone>)')).toBe(true);
    expect(headerIsSpelling('conversation started at (UTC)', 'Conversation started at (<Zone>)')).toBe(true);
    expect(headerIsSpelling('Conversation started at (Asia/Kolkata)', 'Conversation Started At (<Zone>)')).toBe(true);
    // Not a zone, no zone, other words: no match
    expect(headerIsSpelling('Conversation started at (local time)', 'Conversation started at (<Zone>)')).toBe(false);
    expect(headerIsSpelling('Conversation started at', 'Conversation started at (<Zone>)')).toBe(false);
    expect(headerIsSpelling('Conversation started at ()', 'Conversation started at (<Zone>)')).toBe(false);
    expect(headerIsSpelling('Conversation restarted at (UTC)', 'Conversation started at (<Zone>)')).toBe(false);
    // Plain spellings stay exact
    expect(headerIsSpelling('Created At', 'created at')).toBe(true);
    expect(headerIsSpelling('Created At (UTC)', 'created at')).toBe(false);
  });

  it('count as the preset evidence that chooses it', () => {
    const headers = ['Conversation ID', 'Conversation started at (Europe/Paris)', 'Conversation first replied at (Europe/Paris)', 'Channel'];
    const attempt = mapHeaders('c.csv', headers, TICKETS, PRESETS, {});
    expect(attempt.preset?.name).toBe('intercom');
    expect(attempt.columns.get('first_response_at')).toMatchObject({ index: 2, via: 'preset' });
    // One Intercom spelling is no evidence: read by the generic aliases
    expect(mapHeaders('c.csv', headers.slice(0, 2), TICKETS, PRESETS, {}).preset).toBeNull();
  });
});

describe('preset spellings wrapped in an aggregator (Zendesk Explore: AVG(First reply time (min)))', () => {
  it('unwrapAggregator takes the name inside a listed aggregator, any case, nothing else', () => {
    const aggregators = ['SUM', 'AVG', 'MED', 'MIN', 'MAX'];
    expect(unwrapAggregator('AVG(First reply time (min))', aggregators)).toBe('First reply time (min)');
    expect(unwrapAggregator(' med(Full resolution time (hrs)) ', aggregators)).toBe('Full resolution time (hrs)');
    // Counts are no aggregator of the list; a bare name, an empty bracket or a name without "(" are not wrapped
    expect(unwrapAggregator('COUNT(Tickets)', aggregators)).toBeNull();
    expect(unwrapAggregator('D_COUNT(Tickets)', aggregators)).toBeNull();
    expect(unwrapAggregator('First reply time (min)', aggregators)).toBeNull();
    expect(unwrapAggregator('AVG()', aggregators)).toBeNull();
    expect(unwrapAggregator('AVG', aggregators)).toBeNull();
  });

  it('count as the evidence that chooses the preset, and map to the field of the bare spelling', () => {
    // Evidence: "First reply time (min)" (wrapped) + "D_COUNT(Tickets)" = 2; bare-only matching would find 1
    const headers = ['Ticket ID', 'AVG(First reply time (min))', 'D_COUNT(Tickets)'];
    const attempt = mapHeaders('e.csv', headers, TICKETS, PRESETS, {});
    expect(attempt.preset?.name).toBe('zendesk-explore');
    expect(attempt.columns.get('first_response_minutes')).toMatchObject({ index: 1, via: 'preset', unit: 'minutes' });
  });

  it('take the unit from the name inside: MIN(… (hrs)) is hours, not the minutes its "MIN" would say; (days) is days', () => {
    const explore = PRESETS.find((p) => p.name === 'zendesk-explore')!;
    const headers = ['Ticket ID', 'Ticket created - Timestamp', 'MIN(First reply time (hrs))', 'MAX(Full resolution time (days))', 'SUM(First reply time - Business hours (min))'];
    const columns = mapHeaders('e.csv', headers, TICKETS, PRESETS, { preset: explore }).columns;
    expect(columns.get('first_response_minutes')).toMatchObject({ index: 2, unit: 'hours' });
    expect(columns.get('resolution_minutes')).toMatchObject({ index: 3, unit: 'days' });
    expect(columns.get('first_response_business_minutes')).toMatchObject({ index: 4, unit: 'minutes' });
    expect(columns.get('first_response_minutes')?.unitGuessed).toBeUndefined();
  });

  it('a bare spelling wins over a wrapped one; COUNT(…) is never read as a time', () => {
    const explore = PRESETS.find((p) => p.name === 'zendesk-explore')!;
    const both = mapHeaders('e.csv', ['Ticket ID', 'Ticket created - Timestamp', 'AVG(First reply time (min))', 'First reply time (min)'], TICKETS, PRESETS, { preset: explore });
    expect(both.columns.get('first_response_minutes')?.index).toBe(3);
    // COUNT(First reply time (min)) is 1 per answered ticket: read as minutes it would make every FRT 60 s
    const counted = mapHeaders('e.csv', ['Ticket ID', 'Ticket created - Timestamp', 'COUNT(First reply time (min))', 'D_COUNT(Full resolution time (min))'], TICKETS, PRESETS, { preset: explore });
    expect(counted.columns.has('first_response_minutes')).toBe(false);
    expect(counted.columns.has('resolution_minutes')).toBe(false);
  });

  it('count in the header-row score that finds the header after preamble lines', () => {
    const score = headerScorer([TICKETS], PRESETS);
    // Ticket ID (preset and alias) + the two wrapped metrics; COUNT(Tickets) names no column
    expect(score(['Ticket ID', 'AVG(First reply time (min))', 'MED(Full resolution time (hrs))', 'COUNT(Tickets)'])).toBe(3);
  });
});
