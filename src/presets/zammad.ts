import type { Preset } from './preset.js';

/**
 * Zammad reporting export (Reports → download; lib/excel_sheet/ticket.rb in the Zammad source): an XLSX workbook —
 * served as `tickets-<profile>-<metric>.xls` — with a title in A1 (`Default Profile (Created Tickets)`), an empty row,
 * the header on row 3, one row per ticket, then an empty row and a footer `Timezone: Europe/Berlin` (skipped and
 * counted). Times are written as wall-clock times in that zone without an offset: pass --tz with it.
 * `First Response In Min` and `Close In Min` are *business* minutes of the ticket's SLA calendar (Zammad's escalation
 * code: `pending_minutes(created_at, first_response, biz, 'business_minutes')`), empty when no SLA applies: read as the
 * business-hours twins, never as calendar FRT/ART, which come from `First Response At` / `Closed At` − `Created At`.
 * `#` is the ticket number; `Owner` `-` (Zammad's system user) is no agent.
 */
export const zammad: Preset = {
  name: 'zammad',
  kind: 'tickets',
  description: 'Zammad reporting export (XLSX)',
  columns: [
    ['#', 'id'],
    ['Created At', 'created_at'],
    ['First Response At', 'first_response_at'],
    ['Closed At', 'resolved_at'],
    ['First Response In Min', 'first_response_business_minutes'],
    ['Close In Min', 'resolution_business_minutes'],
    ['Owner', 'agent'],
    ['Group', 'team'],
    ['Priority', 'priority'],
    ['Create Channel', 'channel'],
    ['Customer', 'customer_id'],
    ['State', 'status'],
  ],
  evidence: [
    'First Response In Min', 'Close In Min', 'Create Channel', 'First Response Escalation At', 'Close Escalation At', 'Update Escalation At',
    'First Response Diff In Min', 'Close Diff In Min', 'Last Contact Customer At', 'Last Contact Agent At', 'Time Units Total',
  ],
  // The footer's label is translated into the exporting user's locale (Translation.translate(locale, 'Timezone')).
  footerLines: ['Timezone:', 'Zeitzone:'],
  zoneWhere: 'Zammad names it in the sheet\'s last line, "Timezone: …"',
};
