import type { Preset } from './preset.js';

/**
 * Zendesk Explore report exported as CSV (a table of the Support › Tickets dataset; what plans without the full ticket
 * export give). Attribute and metric names from Zendesk's "Metrics and attributes for Zendesk Support"
 * (support.zendesk.com/hc/en-us/articles/4408827693594). Every field is quoted and an empty one is a single space
 * `" "` (read as empty everywhere); measures come as `1.00000000000000000000`; `Ticket created - Timestamp` is
 * `2026-11-02T09:15:00`, the account's time without a zone (pass --tz). Times are often only brackets (`First reply
 * time brackets` = ` 8-24 hrs`, ` No replies`): FRT and ART then report the distribution by bracket, never a mean.
 * A ticket comes once per value of a multi-valued attribute (`Ticket tags`): rows with one id and the same times are
 * one ticket, merged and counted (`mergeRepeatedRows`); with other times they stay duplicates.
 * A metric column is often headed with its aggregator — `AVG(First reply time (min))`, `MED(Full resolution time
 * (hrs))`, `COUNT(Tickets)` —, names from Zendesk's "Choosing metric aggregators" (support.zendesk.com/hc/en-us/articles/
 * 4408846897178): COUNT, D_COUNT, SUM, AVG, MED, MIN, MAX. Each row being one ticket, a SUM/AVG/MED/MIN/MAX is that
 * ticket's value (`aggregatorWrapped`); COUNT and D_COUNT count tickets, never a time. The same article names
 * `Full resolution time (days)`; the other `(days)` spellings follow Explore's `(min)`/`(hrs)` pattern (inferred).
 */
export const zendeskExplore: Preset = {
  name: 'zendesk-explore',
  kind: 'tickets',
  description: 'Zendesk Explore report exported as CSV (Support: Tickets dataset)',
  columns: [
    ['Ticket ID', 'id'],
    ['Ticket created - Timestamp', 'created_at'],
    // A report with the day only: durations between days are whole days, which the planner warns about.
    ['Ticket created - Date', 'created_at'],
    ['Ticket solved - Timestamp', 'resolved_at'],
    ['Ticket solved - Date', 'resolved_at'],
    ['First reply time (min)', 'first_response_minutes'],
    ['First reply time (hrs)', 'first_response_minutes'],
    ['First reply time (sec)', 'first_response_minutes'],
    ['First reply time (days)', 'first_response_minutes'],
    ['Full resolution time (min)', 'resolution_minutes'],
    ['Full resolution time - min', 'resolution_minutes'],
    ['Full resolution time (hrs)', 'resolution_minutes'],
    ['Full resolution time (days)', 'resolution_minutes'],
    ['First resolution time (min)', 'first_resolution_minutes'],
    ['First resolution time (hrs)', 'first_resolution_minutes'],
    ['First resolution time (days)', 'first_resolution_minutes'],
    ['First reply time - Business hours (min)', 'first_response_business_minutes'],
    ['First reply time - Business hours (hrs)', 'first_response_business_minutes'],
    ['First reply time - Business hours (days)', 'first_response_business_minutes'],
    ['Full resolution time - Business hours (min)', 'resolution_business_minutes'],
    ['Full resolution time - Business hours (hrs)', 'resolution_business_minutes'],
    ['Full resolution time - Business hours (days)', 'resolution_business_minutes'],
    ['First reply time brackets', 'first_response_bracket'],
    ['Full resolution time brackets', 'resolution_bracket'],
    ['Ticket channel', 'channel'],
    ['Ticket group', 'team'],
    ['Assignee name', 'agent'],
    ['Ticket priority', 'priority'],
    ['Ticket type', 'category'],
    ['Requester ID', 'customer_id'],
    ['Ticket status', 'status'],
    ['Ticket satisfaction rating', 'csat'],
    ['Reopens', 'reopens'],
    ['Agent replies', 'replies'],
  ],
  evidence: [
    'Ticket created - Timestamp', 'Ticket created - Date', 'Ticket solved - Timestamp', 'Ticket solved - Date', 'First reply time brackets',
    'Full resolution time brackets', 'First resolution time brackets', 'First reply time (min)', 'First reply time (hrs)', 'Full resolution time (min)',
    'Full resolution time (hrs)', 'Ticket channel', 'Ticket group', 'Assignee name', 'Requester ID', 'Ticket tags', 'Ticket satisfaction rating',
    'Ticket status', 'Full resolution time (days)', 'COUNT(Tickets)', 'D_COUNT(Tickets)',
  ],
  // `(days)` is no unit the generic header reading knows (a generic "days" may be business days): named here.
  units: {
    'Full resolution time (days)': 'days',
    'First reply time (days)': 'days',
    'First resolution time (days)': 'days',
    'First reply time - Business hours (days)': 'days',
    'Full resolution time - Business hours (days)': 'days',
  },
  // COUNT and D_COUNT are left out: a count of tickets is no time (`COUNT(First reply time (min))` = 1 per answered ticket).
  aggregatorWrapped: ['SUM', 'AVG', 'MED', 'MIN', 'MAX'],
  // `First resolution time brackets` is the first solve, not the resolution ART means; `Ticket updated - Timestamp`
  // and the other dates are no ticket times of ours.
  ignoreColumns: ['First resolution time brackets', 'Ticket updated - Timestamp', 'Ticket assigned - Timestamp', 'Ticket first assigned - Timestamp', 'Ticket due - Timestamp'],
  mergeRepeatedRows: true,
};
