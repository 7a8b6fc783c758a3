import type { Preset } from './preset.js';

/**
 * Zendesk Support ticket CSV export (Reporting → Export, or Views → Export CSV). Timestamps look like
 * `2026-11-02 14:05:09 +0100`, or have no offset (the account's time zone: pass --tz). Custom fields appear as
 * `Name [list]`; `-` means empty. Durations are whole minutes; `Full resolution time in minutes` is filled only for
 * solved tickets, and `First reply time in minutes` only for answered ones (SPEC §2).
 */
export const zendesk: Preset = {
  name: 'zendesk',
  kind: 'tickets',
  description: 'Zendesk Support ticket CSV export',
  columns: [
    ['Id', 'id'],
    ['Created at', 'created_at'],
    ['Solved at', 'resolved_at'],
    ['First reply time in minutes', 'first_response_minutes'],
    ['First reply time in minutes within business hours', 'first_response_business_minutes'],
    ['First resolution time in minutes', 'first_resolution_minutes'],
    ['Full resolution time in minutes', 'resolution_minutes'],
    ['Full resolution time in minutes within business hours', 'resolution_business_minutes'],
    ['Satisfaction Score', 'csat'],
    ['Via', 'channel'],
    ['Assignee', 'agent'],
    ['Group', 'team'],
    ['Priority', 'priority'],
    ['Ticket type', 'category'],
    ['Requester id', 'customer_id'],
    ['Status', 'status'],
    ['Reopens', 'reopens'],
    ['Replies', 'replies'],
  ],
  unsetTimestamp1900: true,
  evidence: [
    'Requester id', 'Requester external id', 'Satisfaction Score', 'First reply time in minutes', 'First reply time in minutes within business hours',
    'First resolution time in minutes', 'Full resolution time in minutes', 'Full resolution time in minutes within business hours',
    'Agent wait time in minutes', 'Requester wait time in minutes', 'On hold time in minutes', 'Group stations', 'Assignee stations',
    'Initially assigned at', 'Solved at',
  ],
  // `Resolution time` is a rounded figure whose header names no unit (hours in the exports we have seen): the generic
  // alias would read it as minutes. Without `Full resolution time in minutes`, Solved at − Created at is exact.
  ignoreColumns: ['Resolution time'],
};
