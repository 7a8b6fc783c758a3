import type { Preset } from './preset.js';

/**
 * Chatwoot CSAT responses download (Reports → CSAT → Download; app/views/api/v1/accounts/csat_survey_responses/
 * download.csv.erb and the `reports.csat.headers` strings of config/locales/en.yml). `Agent Name` is written as
 * `Name (email)`, `Recorded date` as Rails writes a time (`2026-11-02 10:00:00 UTC`). The `Reporting period … to …`
 * line sits after the rows in current versions (before the header in older ones, where the header finder skips it):
 * after the rows it is skipped and counted, never rejected. Chatwoot's other report downloads are averages per
 * agent/inbox/team/label and are refused (aggregate-reports.ts).
 */
export const chatwoot: Preset = {
  name: 'chatwoot',
  kind: 'surveys',
  description: 'Chatwoot CSAT responses download',
  columns: [
    ['Recorded date', 'responded_at'],
    ['Rating', 'csat'],
    ['Agent Name', 'agent'],
    ['Contact Email Address', 'customer_id'],
    ['Feedback Comment', 'comment'],
    ['Feedback', 'comment'],
  ],
  evidence: ['Contact Email Address', 'Contact Phone Number', 'Link to the conversation', 'Feedback Comment', 'Recorded date'],
  footerLines: ['Reporting period'],
};
