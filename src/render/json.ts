import type { Report } from '../report/model.js';

/** The SPEC §8 contract: the report model as is, two-space indented, keys in model order; byte-identical per input. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
