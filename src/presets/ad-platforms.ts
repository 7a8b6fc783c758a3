import type { Preset } from './preset.js';

/**
 * Google Ads report downloads (SPEC §2–3): the "Excel CSV" is UTF-16 LE, tab-separated; the plain CSV UTF-8 with
 * commas. Both start with a title line and a date-range line; `--` is empty; `Total: Account`, `Total: Search
 * campaigns` … rows close the file (skipped as summary rows, wherever the label sits). `Cost` is the amount — never
 * `Cost / conv.` or `Avg. CPC`. A report without a Day/Week/Date column is dated by its range line (plan.ts, datedBy).
 */
export const googleAds: Preset = {
  name: 'google-ads',
  kind: 'spend',
  description: 'Google Ads report download (Excel CSV in UTF-16 or plain CSV)',
  columns: [
    ['Day', 'date'],
    ['Date', 'date'],
    ['Week', 'date'],
    ['Month', 'date'],
    ['Cost', 'amount'],
    ['Campaign', 'channel'],
    ['Currency code', 'currency'],
    ['Currency', 'currency'],
  ],
  evidence: ['Impr.', 'Avg. CPC', 'Cost / conv.', 'Currency code', 'Campaign type', 'Campaign status', 'Conv. rate', 'Interactions'],
  ignoreColumns: ['Cost / conv.', 'Avg. CPC', 'Avg. cost', 'Cost / all conv.', 'Budget', 'Campaign status', 'Campaign type'],
};

/**
 * Meta Ads Manager exports: `Amount spent (USD)` carries the currency in its header; every row covers `Reporting
 * starts` … `Reporting ends` (a day in a daily breakdown, the whole range otherwise); the first row can be the
 * account total with blank dimension cells, which is dropped when its amount is the sum of the others.
 */
export const metaAds: Preset = {
  name: 'meta-ads',
  kind: 'spend',
  description: 'Meta (Facebook/Instagram) Ads Manager export',
  columns: [
    ['Reporting starts', 'date'],
    ['Reporting ends', 'date_end'],
    ['Campaign name', 'channel'],
    ['Ad set name', 'channel'],
    ['Currency', 'currency'],
  ],
  evidence: ['Reporting starts', 'Reporting ends', 'Campaign name', 'Result indicator', 'Cost per results', 'Attribution setting', 'Campaign delivery'],
  // The daily breakdown's Day equals Reporting starts on each row; the account total has none.
  ignoreColumns: ['Day', 'Cost per results', 'Ends', 'Starts'],
};

/** TikTok Ads Manager exports: `By Day` (or `Date`), `Cost`, `-` for not applicable, rates as text percentages. */
export const tiktokAds: Preset = {
  name: 'tiktok-ads',
  kind: 'spend',
  description: 'TikTok Ads Manager export',
  columns: [
    ['By Day', 'date'],
    ['Date', 'date'],
    ['Cost', 'amount'],
    ['Total cost', 'amount'],
    ['Campaign name', 'channel'],
    ['Currency', 'currency'],
  ],
  evidence: ['By Day', 'Clicks (destination)', 'CTR (destination)', 'CPC (destination)', 'Primary status', 'Cost per conversion', 'CPM'],
  ignoreColumns: ['CPC (destination)', 'CPM', 'Cost per conversion', 'Cost per result'],
};
