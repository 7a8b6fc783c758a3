import { describe, expect, it } from 'vitest';
import { headerIsSpelling, mapHeaders } from '../../src/datasets/mapping.js';
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
