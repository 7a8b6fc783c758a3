import type { Preset } from './preset.js';

/**
 * SurveyMonkey's response export ("All individual responses", CSV or XLSX; SPEC §2, issue #11): respondent columns,
 * then one column per question — or, in the expanded layout, one per answer option — under a second header row
 * (`Response`, `Open-Ended Response`, the options). Older files say `RespondentID`, `EndDate`. The questions are
 * found by their wording (datasets/surveys.ts) or named with --map.
 */
export const surveymonkey: Preset = {
  name: 'surveymonkey',
  kind: 'surveys',
  description: 'SurveyMonkey response export (CSV or XLSX, condensed or expanded; Mac Roman / Windows-1252 in older files)',
  columns: [
    ['End Date', 'responded_at'],
    ['EndDate', 'responded_at'],
    ['Date Modified', 'responded_at'],
  ],
  evidence: ['Respondent ID', 'RespondentID', 'Collector ID', 'CollectorID', 'IP Address', 'Custom Data 1', 'Custom Data'],
  // Respondent columns that the generic aliases would otherwise take (the collector is no customer, the start no answer).
  ignoreColumns: ['Respondent ID', 'RespondentID', 'Collector ID', 'CollectorID', 'Start Date', 'StartDate', 'IP Address'],
};
