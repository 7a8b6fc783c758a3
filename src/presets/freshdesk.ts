import type { Preset } from './preset.js';

/**
 * Freshdesk ticket export (Tickets → Export, CSV or the "xls" that is XML Spreadsheet 2003; SPEC §2–§3). Its
 * `First response time (in hrs)` and `Resolution time (in hrs)` are *business* hours as `HH:MM:SS` (hours above 24;
 * `00:00:00` or empty for none): read as the business-hours twins, never as calendar FRT/ART — those come from the
 * timestamps, `Initial response time` − `Created time` and `Resolved time` − `Created time`, row by row. A repeated
 * header becomes `Resolution time (in hrs)_1` (read.csv) and is left out. `Source` is the channel.
 */
export const freshdesk: Preset = {
  name: 'freshdesk',
  kind: 'tickets',
  description: 'Freshdesk ticket export (CSV or XML "xls")',
  columns: [
    ['Ticket ID', 'id'],
    ['Created time', 'created_at'],
    ['Initial response time', 'first_response_at'],
    ['Resolved time', 'resolved_at'],
    ['First response time (in hrs)', 'first_response_business_minutes'],
    ['Resolution time (in hrs)', 'resolution_business_minutes'],
    ['Source', 'channel'],
    ['Agent', 'agent'],
    ['Group', 'team'],
    ['Priority', 'priority'],
    ['Type', 'category'],
    ['Contact ID', 'customer_id'],
    ['Status', 'status'],
    ['Survey results', 'csat'],
  ],
  evidence: ['Initial response time', 'First response time (in hrs)', 'Resolution time (in hrs)', 'Agent interactions', 'Customer interactions', 'Resolution status', 'First response status', 'Due by Time', 'Time tracked', 'Survey results', 'Contact ID', 'Created time', 'Resolved time'],
};
