import type { Preset } from './preset.js';

/**
 * Intercom conversations dataset, exported from Reports (SPEC §2). Every time column names the workspace's zone in its
 * header — `Conversation started at (America/New_York)` — and its times (`2026-11-02 09:15:00`) are wall-clock times
 * there, whatever --tz says; `(<Zone>)` in a spelling below matches any zone. Durations are whole seconds
 * (`First response time (seconds)`, `Time to close (seconds)`), empty when the conversation was never replied to or
 * closed. `Conversation started at` (the customer's first message) is the creation time Intercom's own metrics use;
 * `Conversation created at` only stands in when a file lacks it. The "within office hours" twins are business hours
 * and are not calendar FRT/ART.
 */
export const intercom: Preset = {
  name: 'intercom',
  kind: 'tickets',
  description: 'Intercom conversations export (Reports → dataset CSV)',
  columns: [
    ['Conversation ID', 'id'],
    ['Conversation started at (<Zone>)', 'created_at'],
    ['Conversation created at (<Zone>)', 'created_at'],
    ['Conversation first replied at (<Zone>)', 'first_response_at'],
    ['Conversation last closed at (<Zone>)', 'resolved_at'],
    ['First response time (seconds)', 'first_response_minutes'],
    ['Time to close (seconds)', 'resolution_minutes'],
    ['Teammate currently assigned', 'agent'],
    ['Team currently assigned', 'team'],
    ['Channel', 'channel'],
    ['Conversation priority', 'priority'],
    ['Conversation tag', 'category'],
    ['Current conversation state', 'status'],
    ['User email', 'customer_id'],
    ['Last teammate rating', 'csat'],
  ],
  evidence: [
    'Conversation started at (<Zone>)', 'Conversation first replied at (<Zone>)', 'Conversation last closed at (<Zone>)',
    'Teammate currently assigned', 'Team currently assigned', 'Last teammate rating', 'Current conversation state', 'Time to close (seconds)',
  ],
};

/**
 * Intercom's conversation-ratings (CSAT) export beside it (SPEC §2): `Conversation ID` names the rated conversation
 * (so a rating takes its teammate, team and channel from the conversations file), `Updated at (<Zone>)` is when it
 * was rated, in the zone its header names; `Conversation rating` is 1–5.
 */
export const intercomCsat: Preset = {
  name: 'intercom-csat',
  kind: 'surveys',
  description: 'Intercom conversation ratings (CSAT) export',
  columns: [
    ['Conversation ID', 'ticket_id'],
    ['Updated at (<Zone>)', 'responded_at'],
    ['Conversation rating', 'csat'],
    ['Conversation rating remark', 'comment'],
    ['Rating remark', 'comment'],
    ['Teammate', 'agent'],
    ['Last teammate rated', 'agent'],
  ],
  evidence: ['Conversation rating', 'Conversation rating remark', 'Rating remark', 'Agent rated type', 'Last teammate rated', 'Updated at (<Zone>)'],
};
