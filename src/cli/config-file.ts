import { METRIC_CATALOG } from '../metrics/catalog.js';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError, UsageError } from '../errors.js';
import { GROUP_FIELDS } from '../report/groups.js';
import { parseTarget } from '../targets/parse-target.js';
import type { Target } from '../targets/profiles.js';
import { parseHours, WEEKDAYS, type Weekday } from '../report/business-hours.js';

/** The config file looked for in the working folder when --config names none (issue #13). */
export const CONFIG_FILE = 'support-metrics.config.json';

/** A target key: `frt`, or `frt[channel=chat]` for one group. */
const TARGET_KEY = /^([a-z_]+)(?:\[(channel|agent|team|priority|category)=([^\]]+)\])?$/;

const Config = z
  .object({
    benchmark: z.string().optional(),
    timezone: z.string().optional(),
    targets: z.record(z.string().regex(TARGET_KEY, 'a metric id, or metric[field=value] such as frt[channel=chat]'), z.string()).optional(),
    scales: z.object({ csat: z.string(), nps: z.string(), ces: z.string() }).partial().strict().optional(),
    by: z.array(z.enum(GROUP_FIELDS)).optional(),
    period: z.enum(['day', 'week', 'month']).optional(),
    repeatWindowDays: z.number().int().min(0).max(365).optional(),
    /** LTV's service cost per customer-month when the data holds none (no spend of type service, no service_cost). */
    serviceCostPerCustomerMonth: z.number().min(0).finite().optional(),
    /** The default of --business-hours (the command line's --business-hours / --no-business-hours win). */
    businessHours: z.boolean().optional(),
    /** The calendar business times are computed with where the export has no business-hours value (SPEC §3). */
    businessCalendar: z
      .object({
        timezone: z.string().optional(),
        week: z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(z.string())])) as Record<Weekday, z.ZodArray<z.ZodString>>).partial().strict(),
        holidays: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Config = z.infer<typeof Config>;

/** What the config file sets: defaults for options the command line did not give, and targets. */
export interface LoadedConfig {
  file: string;
  config: Config;
  targets: Target[];
  /** The business calendar, checked, each day's hours in order; its zone null when the file names none (then --tz's). */
  businessCalendar: { timezone: string | null; week: Partial<Record<Weekday, string[]>>; holidays: string[] } | null;
}

/**
 * Reads `--config FILE`, else `support-metrics.config.json` in the working folder when there is one; null without.
 * Keys starting with `//` or `$` are comments. An invalid file is one line naming its JSON path and what was expected
 * (exit 2).
 */
export function loadConfig(path: string | undefined): LoadedConfig | null {
  const file = path ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : null);
  if (file === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `is not JSON (${(error as Error).message})`;
    throw new InputError({ code: 'INPUT', file, reason, hint: `write one with support-metrics init` });
  }
  const parsed = Config.safeParse(withoutComments(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // zod says "Invalid key in record" of a target key: say what a key looks like.
    const message = issue.code === 'invalid_key' && issue.path[0] === 'targets' ? 'expected a metric id, or metric[field=value] such as frt[channel=chat]' : issue.message;
    throw new InputError({ code: 'INPUT', file, reason: `${jsonPath(issue.path)}: ${message}`, hint: 'fix the config file (support-metrics init writes a commented example)' });
  }
  if (parsed.data.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: parsed.data.timezone });
    } catch {
      throw new InputError({ code: 'INPUT', file, reason: `timezone: ${JSON.stringify(parsed.data.timezone)} is not a time zone`, hint: 'use an IANA name such as Europe/Berlin or UTC' });
    }
  }
  const targets = Object.entries(parsed.data.targets ?? {}).map(([key, text]) => {
    const m = TARGET_KEY.exec(key)!;
    // A misspelt metric would be a target nothing checks: a CI gate that never fails.
    const known = METRIC_CATALOG.find((d) => d.id === m[1]);
    if (known === undefined) {
      throw new InputError({ code: 'INPUT', file, reason: `${jsonPath(['targets', key])}: "${m[1]}" is not a metric`, hint: `use one of ${METRIC_CATALOG.map((d) => d.id).join(', ')}` });
    }
    let threshold: ReturnType<typeof parseTarget>;
    try {
      threshold = parseTarget(text);
    } catch (error) {
      throw new InputError({ code: 'INPUT', file, reason: `${jsonPath(['targets', key])}: ${(error as UsageError).message.replace(/; write it like.*$/, '')}`, hint: 'write a target like "<= 90s" or ">= 30"' });
    }
    // A share is a fraction: "<= 25" for repeat contacts is no share at all, "<= 25%" or "<= 0.25" is.
    if (known.unit === 'fraction' && threshold.value > 1) {
      throw new InputError({ code: 'INPUT', file, reason: `${jsonPath(['targets', key])}: ${JSON.stringify(text)} is not a share (${known.id} runs from 0 to 1)`, hint: 'write it as a percentage ("<= 25%") or a fraction ("<= 0.25")' });
    }
    return { metric: m[1]!, text, source: file, ...threshold, ...(m[2] === undefined ? {} : { scope: { field: m[2], value: m[3]!.trim() } }) };
  });
  return { file, config: parsed.data, targets, businessCalendar: parsed.data.businessCalendar === undefined ? null : checkedCalendar(file, parsed.data.businessCalendar) };
}

/**
 * The business calendar checked beyond its shape: every interval `HH:MM-HH:MM` with its end after its start, a day's
 * intervals apart, some day open, holidays real dates, the zone a zone. A calendar that is wrong would give business
 * times that are confidently wrong: each mistake stops the run (exit 2) with its JSON path.
 */
function checkedCalendar(file: string, calendar: NonNullable<Config['businessCalendar']>): NonNullable<LoadedConfig['businessCalendar']> {
  const fail = (path: PropertyKey[], reason: string, hint = 'write opening hours like "mon": ["09:00-12:00", "13:00-17:00"], holidays like "2026-12-25"') => {
    throw new InputError({ code: 'INPUT', file, reason: `${jsonPath(['businessCalendar', ...path])}: ${reason}`, hint });
  };
  if (calendar.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: calendar.timezone });
    } catch {
      fail(['timezone'], `${JSON.stringify(calendar.timezone)} is not a time zone`, 'use an IANA name such as Europe/Berlin or UTC');
    }
  }
  const week: Partial<Record<Weekday, string[]>> = {};
  for (const day of WEEKDAYS) {
    const written = calendar.week[day];
    if (written === undefined) continue;
    const intervals = written.map((text, k) => {
      const hours = parseHours(text);
      if (hours === null) fail(['week', day, k], `${JSON.stringify(text)} is not opening hours (HH:MM-HH:MM, e.g. "09:00-17:00")`);
      if (hours![1] <= hours![0]) fail(['week', day, k], `${JSON.stringify(text)} does not end after it starts (hours past midnight are two intervals: "22:00-24:00", and "00:00-06:00" on the next day)`);
      return { text, hours: hours! };
    });
    intervals.sort((a, b) => a.hours[0] - b.hours[0]);
    for (let k = 1; k < intervals.length; k++) {
      if (intervals[k]!.hours[0] < intervals[k - 1]!.hours[1]) fail(['week', day], `${JSON.stringify(intervals[k]!.text)} overlaps ${JSON.stringify(intervals[k - 1]!.text)}`);
    }
    week[day] = intervals.map((i) => i.text.trim());
  }
  if (!WEEKDAYS.some((day) => (week[day] ?? []).length > 0)) fail(['week'], 'no opening hours on any day (every business time would be 0)');
  const holidays = (calendar.holidays ?? []).map((date, k) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
    const real = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === date.trim();
    if (!real) fail(['holidays', k], `${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
    return date.trim();
  });
  return { timezone: calendar.timezone ?? null, week, holidays };
}

/** The object without comment keys (`//…`, `$…`), at every level. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('//') && !k.startsWith('$')).map(([k, v]) => [k, withoutComments(v)]));
}

/** `targets["frt[channel=chat]"]`, `by[1]`, `timezone`. */
function jsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][\w]*$/.test(String(p)) ? `${i === 0 ? '' : '.'}${String(p)}` : `[${JSON.stringify(String(p))}]`)).join('');
}

/** The commented starter config `support-metrics init` writes. */
export const STARTER_CONFIG = `{
  "// support-metrics config": "read from the working folder (or --config FILE); every command-line option overrides it",
  "benchmark": "saas",
  "// benchmark": "saas, business-services, ecommerce or technology (support-metrics metrics lists their targets)",
  "timezone": "UTC",
  "// timezone": "IANA zone of times written without an offset, and of windows and periods",
  "targets": {
    "// targets": "add to or override the profile's: a metric id, or metric[field=value] for one group",
    "frt[channel=chat]": "<= 90s",
    "nps": ">= 30"
  },
  "scales": {
    "// scales": "survey scales when the answers do not say: MIN-MAX[:higher-better|:lower-better]",
    "csat": "1-5"
  },
  "// by": "group every report by these fields: channel, agent, team, priority, category",
  "by": [],
  "// period": "day, week or month; leave it out for none",
  "// businessHours": "true: FRT and ART in business time by default (--business-hours / --no-business-hours say for one run)",
  "businessHours": false,
  "businessCalendar": {
    "// businessCalendar": "business times where the export has no business-hours value: opening hours per weekday (mon … sun; a day left out is off), holidays (YYYY-MM-DD), and a timezone when not the one above",
    "week": { "mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"], "thu": ["09:00-17:00"], "fri": ["09:00-17:00"] },
    "holidays": ["2026-12-25", "2026-12-26"]
  },
  "// repeatWindowDays": "a customer's ticket within this many days after their previous one is a repeat contact",
  "repeatWindowDays": 7,
  "// serviceCostPerCustomerMonth": "LTV's service cost per customer-month (a number), used only when no spend row of type service and no finance sheet's service_cost gives one"
}
`;
