/**
 * Reports that hold one row of averages per agent, inbox, team or label instead of one row per conversation: FRT and
 * ART cannot be computed from them (a mean of means is wrong whenever the groups differ in size), so such a file is
 * refused with what to export instead — never read as tickets. Plain data: the headers that identify each report
 * (all present, case aside). Chatwoot's spellings are its `reports.*_csv` strings in config/locales/en.yml; each of
 * these downloads starts with a `Reporting period …` line.
 */
export interface AggregateReport {
  vendor: string;
  report: string;
  headers: readonly string[];
  /** What to export for per-conversation figures. */
  instead: string;
}

const CHATWOOT_INSTEAD = 'export one row per conversation (with its created, first reply and resolved times), or for CSAT the CSAT responses download';

export const AGGREGATE_REPORTS: readonly AggregateReport[] = [
  { vendor: 'Chatwoot', report: 'agents report', headers: ['Agent name', 'Avg first response time', 'Avg resolution time'], instead: CHATWOOT_INSTEAD },
  { vendor: 'Chatwoot', report: 'inboxes report', headers: ['Inbox name', 'Avg first response time', 'Avg resolution time'], instead: CHATWOOT_INSTEAD },
  { vendor: 'Chatwoot', report: 'teams report', headers: ['Team name', 'Avg first response time', 'Avg resolution time'], instead: CHATWOOT_INSTEAD },
  { vendor: 'Chatwoot', report: 'labels report', headers: ['Label', 'Avg first response time', 'Avg resolution time'], instead: CHATWOOT_INSTEAD },
  { vendor: 'Chatwoot', report: 'conversations summary', headers: ['Conversations', 'Avg first response time', 'Avg resolution time'], instead: CHATWOOT_INSTEAD },
];

/** The aggregate report a header row is, or undefined. */
export function aggregateReportOf(headers: readonly string[]): AggregateReport | undefined {
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  return AGGREGATE_REPORTS.find((r) => r.headers.every((h) => present.has(h.toLowerCase())));
}
