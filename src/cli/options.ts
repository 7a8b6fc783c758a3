import { DEFAULT_LIMITS, type ReadLimits } from '../read/limits.js';
import { loadConfig, type Config, type LoadedConfig } from './config-file.js';
import type { BusinessHoursSetting } from '../report/business-hours.js';
import type { Target } from '../targets/profiles.js';
import { namedWindow } from './window-option.js';
import { GROUP_FIELDS, type GroupField } from '../report/groups.js';
import type { SurveyKind } from '../survey/answers.js';
import { DEFAULT_SCALES, type SurveyScale } from '../survey/scale.js';
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputSpec } from '../datasets/read-dataset.js';
import type { KindName } from '../datasets/kind.js';
import { UsageError } from '../errors.js';
import { inputsInCommandOrder } from './input-order.js';
import { presetNamed, PRESETS, type Preset } from '../presets/index.js';
import { normaliseEncodingName } from '../read/encoding.js';
import type { DecimalSeparator } from '../read/number.js';
import { detectTimestampFormat, timestampParser, type TimestampFormat } from '../read/timestamp.js';
import { Zone } from '../read/zone.js';
import { PROFILES } from '../targets/profiles.js';

/** Read options shared by `report` and `validate`, as commander hands them over. */
export interface RawReadOptions {
  tickets?: string[];
  surveys?: string[];
  spend?: string[];
  subscriptions?: string[];
  finance?: string[];
  sheet?: string;
  preset?: string;
  map?: string[];
  tz: string;
  encoding?: string;
  delimiter?: string;
  dateFormat?: string;
  decimal?: string;
  scale?: string[];
  currency?: string;
  maxFieldSize?: string;
  maxColumns?: string;
  debug?: boolean;
}

export interface RawReportOptions extends RawReadOptions {
  by?: string;
  period?: string;
  window?: string;
  asOf?: string;
  compare?: string;
  repeatWindow?: string;
  config?: string;
  since?: string;
  until?: string;
  benchmark: string;
  format?: string;
  out?: string;
  failOnMiss?: boolean;
  strict?: boolean;
  rejects?: string;
  details?: string;
  stamp?: boolean;
  quiet?: boolean;
  /** --business-hours (true) or --no-business-hours (false); undefined when neither was given. */
  businessHours?: boolean;
}

export type OutputFormat = 'table' | 'json' | 'md' | 'html' | 'csv' | 'junit' | 'xlsx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'md', 'html', 'csv', 'junit', 'xlsx'];

/** The format an --out file's extension names (`.xml` is JUnit, what CI dashboards read). */
const FORMAT_OF_EXTENSION: Record<string, OutputFormat> = { json: 'json', md: 'md', markdown: 'md', csv: 'csv', xml: 'junit', txt: 'table', xlsx: 'xlsx', html: 'html', htm: 'html' };

/** Read options normalised once at the edge, then trusted (STYLE: csv-parse's normalize_options). */
export interface ReadCliOptions {
  /** Every input with its kind when given by option; positional files have their kind detected. */
  inputs: InputSpec[];
  sheet: string | undefined;
  preset: Preset | undefined;
  map: Record<string, string>;
  zone: Zone;
  /** Whether --tz was given (times without an offset read in a zone nobody named are a warning). */
  zoneGiven: boolean;
  encoding: string | undefined;
  delimiter: string | undefined;
  dateFormat: TimestampFormat | undefined;
  decimal: DecimalSeparator | undefined;
  /** Survey scales given with --scale; the others are detected from the answers. */
  scales: Partial<Record<SurveyKind, SurveyScale>>;
  /** --currency: the one currency kept when amounts come in several. */
  currency: string | undefined;
  /** --max-field-size, --max-columns (read/limits.ts). */
  limits: ReadLimits;
  /** What normalising decided that the user should hear (an input named twice, read once); printed unless --quiet. */
  notes: string[];
}

/** The options that name a file's kind, in the order their files are read. */
const KIND_OPTIONS: readonly KindName[] = ['tickets', 'surveys', 'spend', 'subscriptions', 'finance'];

/**
 * `argv` is the command line after the command name's parse (for the inputs' order); without it, positional files
 * come first, then each kind option's files.
 */
export function normaliseReadOptions(files: string[], raw: RawReadOptions, command: string, argv?: readonly string[]): ReadCliOptions {
  let inputs: InputSpec[] = files.map((name) => ({ name }));
  for (const kind of KIND_OPTIONS) for (const name of raw[kind] ?? []) inputs.push({ name, kind });
  if (argv !== undefined) {
    const ordered = inputsInCommandOrder(argv, files);
    // Trust the walk only when it found exactly what commander did.
    if (ordered.length === inputs.length) inputs = ordered;
  }
  if (inputs.length === 0) throw new UsageError(`no input file; name an export: support-metrics ${command} tickets.csv (or --tickets, --surveys, --spend, --subscriptions, --finance FILE)`);
  if (inputs.filter((i) => i.name === '-').length > 1) throw new UsageError('stdin (-) can be read only once; name the other inputs as files');
  const notes: string[] = [];
  inputs = withoutRepeatedFiles(inputs, notes);
  let preset: Preset | undefined;
  if (raw.preset !== undefined) {
    preset = presetNamed(raw.preset);
    if (preset === undefined) throw new UsageError(`--preset ${JSON.stringify(raw.preset)} is not a preset; presets: ${PRESETS.map((p) => p.name).join(', ')}`);
  }
  return {
    inputs,
    sheet: raw.sheet,
    preset,
    map: parseMap(raw.map ?? []),
    zone: withOption('--tz', () => new Zone(raw.tz)),
    zoneGiven: argv === undefined ? raw.tz !== 'UTC' : argv.some((a) => a === '--tz' || a.startsWith('--tz=')),
    encoding: raw.encoding === undefined ? undefined : withOption('--encoding', () => normaliseEncodingName(raw.encoding!)),
    delimiter: raw.delimiter === undefined ? undefined : parseDelimiter(raw.delimiter),
    dateFormat: raw.dateFormat === undefined ? undefined : parseDateFormat(raw.dateFormat),
    decimal: raw.decimal === undefined ? undefined : parseDecimal(raw.decimal),
    scales: parseScales(raw.scale ?? []),
    currency: raw.currency === undefined ? undefined : parseCurrency(raw.currency),
    limits: {
      maxFieldBytes: raw.maxFieldSize === undefined ? DEFAULT_LIMITS.maxFieldBytes : parseLimit('--max-field-size', raw.maxFieldSize, 'BYTES'),
      maxColumns: raw.maxColumns === undefined ? DEFAULT_LIMITS.maxColumns : parseLimit('--max-columns', raw.maxColumns, 'N'),
    },
    notes,
  };
}

/** `--max-field-size 20000000`, `--max-columns 20000`: a whole number of at least 1 (underscores allowed: 20_000). */
function parseLimit(option: string, text: string, what: string): number {
  const value = Number(text.trim().replaceAll('_', ''));
  if (!/^\s*\d[\d_]*\s*$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new UsageError(`${option} ${JSON.stringify(text)} must be a whole number of at least 1; write ${option} ${what}`);
  return value;
}

/**
 * One file named twice (`x.csv x.csv`, `./x.csv x.csv`, `x.csv --tickets x.csv`, a symlink and its target) is read
 * once, where it is first named: read twice, every row of the second copy would be rejected as a repeat of itself
 * (SPEC §4 keeps the first of two rows with one ticket id). Files are compared by their real path (and sheet);
 * stdin and pipes are never merged, and a name that does not exist is left for the reader to report.
 */
function withoutRepeatedFiles(inputs: InputSpec[], notes: string[]): InputSpec[] {
  const kept: InputSpec[] = [];
  const byIdentity = new Map<string, { input: InputSpec; names: string[] }>();
  for (const input of inputs) {
    const identity = fileIdentity(input.name);
    const first = identity === null ? undefined : byIdentity.get(identity);
    if (first === undefined) {
      const copy = { ...input };
      kept.push(copy);
      if (identity !== null) byIdentity.set(identity, { input: copy, names: [input.name] });
      continue;
    }
    if (input.kind !== undefined && first.input.kind !== undefined && input.kind !== first.input.kind) {
      throw new UsageError(`${first.input.name} is given as --${first.input.kind} and as --${input.kind}${input.name === first.input.name ? '' : ` (${input.name})`}; a file holds one kind of data: name it once`);
    }
    // `x.csv --tickets x.csv`: the kind the user named wins over detection.
    first.input.kind ??= input.kind;
    first.names.push(input.name);
  }
  for (const { input, names } of byIdentity.values()) {
    if (names.length < 2) continue;
    const others = names.slice(1).filter((name) => name !== input.name);
    const also = others.length === 0 ? '' : ` (also as ${[...new Set(others)].map((n) => JSON.stringify(n)).join(', ')})`;
    notes.push(`${input.name} is named ${names.length === 2 ? 'twice' : `${names.length} times`}${also}; it is read once`);
  }
  return kept;
}

/** The real path of a named regular file (with its `#Sheet`, if any), or null for stdin, a pipe or a missing file. */
function fileIdentity(name: string): string | null {
  if (name === '-') return null;
  const hash = name.lastIndexOf('#');
  // As read/input.ts resolves it: `path#Sheet` names a sheet only when `path#Sheet` is not itself a file.
  for (const [path, sheet] of [[name, ''], ...(hash > 0 ? [[name.slice(0, hash), name.slice(hash)]] : [])] as const) {
    try {
      if (!statSync(path).isFile()) return null;
      return realpathSync(resolve(path)) + sheet;
    } catch {
      // not there: try the name without its `#Sheet`, else leave it to the reader's error
    }
  }
  return null;
}

/** Runs a value check of read/ (which speaks of values) and names the option in its message. */
function withOption<T>(option: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${option} ${error.message}`);
    throw error;
  }
}

/** Report options normalised once at the edge. */
export interface ReportOptions extends ReadCliOptions {
  /** --by: the fields every metric is also computed per value of (groups). */
  by: GroupField[];
  /** --period: every metric also per period. */
  period: 'day' | 'week' | 'month' | undefined;
  /** --compare previous. */
  compare: 'previous' | undefined;
  /** --repeat-window: days within which a customer's next ticket is a repeat contact. */
  repeatWindowDays: number;
  /** The config file's targets (support-metrics.config.json or --config). */
  targets: Target[];
  since: number | null;
  until: number | null;
  benchmark: string;
  format: OutputFormat;
  /** The report's file; undefined = stdout (no --out, or `--out -`). */
  out: string | undefined;
  failOnMiss: boolean;
  strict: boolean;
  /** Where the rejected rows go as CSV: a file, `'-'` = stdout (then the report has a file), or undefined = nowhere. */
  rejects: string | undefined;
  /** --details: the rows behind the numbers, one per ticket (CSV or XLSX by extension). */
  details: string | undefined;
  /** --stamp: the time of the run in the report (then two runs differ). */
  stamp: boolean;
  quiet: boolean;
  /** --business-hours: FRT and ART in business time, with the config's calendar (null: none, export columns only); null when off. */
  businessHours: BusinessHoursSetting | null;
  /** The config's service cost per customer-month, for LTV when the data holds none; null when not set. */
  serviceCostPerCustomerMonth: number | null;
}

/** The options with the config file's values where the command line gave none; `--tz` from the config counts as named. */
function withConfigDefaults(raw: RawReportOptions, argv: readonly string[] | undefined, config: Config): { raw: RawReportOptions; argv: readonly string[] | undefined } {
  const said = (option: string) => argv?.some((a) => a === option || a.startsWith(`${option}=`)) ?? false;
  const merged: RawReportOptions = { ...raw };
  let args = argv;
  if (config.timezone !== undefined && !said('--tz')) {
    merged.tz = config.timezone;
    args = [...(argv ?? []), `--tz=${config.timezone}`];
  }
  if (config.benchmark !== undefined && !said('--benchmark')) merged.benchmark = config.benchmark;
  if (config.by !== undefined && config.by.length > 0 && !said('--by')) merged.by = config.by.join(',');
  if (config.period !== undefined && !said('--period')) merged.period = config.period;
  if (config.repeatWindowDays !== undefined && !said('--repeat-window')) merged.repeatWindow = String(config.repeatWindowDays);
  if (config.businessHours !== undefined && !said('--business-hours') && !said('--no-business-hours')) merged.businessHours = config.businessHours;
  const scalesGiven = new Set((raw.scale ?? []).map((s) => s.split('=')[0]!.trim().toLowerCase()));
  const scales = Object.entries(config.scales ?? {}).filter(([survey]) => !scalesGiven.has(survey)).map(([survey, scale]) => `${survey}=${scale}`);
  if (scales.length > 0) merged.scale = [...(raw.scale ?? []), ...scales];
  return { raw: merged, argv: args };
}

/** `--by channel,agent`: known group fields, each once. */
function parseBy(text: string | undefined): GroupField[] {
  if (text === undefined) return [];
  const fields = text.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  for (const field of fields) {
    if (!(GROUP_FIELDS as readonly string[]).includes(field)) throw new UsageError(`--by ${JSON.stringify(field)} is not a field to group by; use ${GROUP_FIELDS.join(', ')}`);
  }
  return [...new Set(fields)] as GroupField[];
}

/** `--details rows.csv` or `rows.xlsx`: the file, its format from the extension. */
function parseDetails(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (!/\.(csv|xlsx)$/i.test(path)) throw new UsageError(`--details ${JSON.stringify(path)}: write the rows to a .csv or .xlsx file`);
  return path;
}

/** An option's value among its choices, case aside (`--period Week`); undefined when not given. */
function oneOf<T extends string>(option: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const chosen = choices.find((c) => c === value.trim().toLowerCase());
  if (chosen === undefined) throw new UsageError(`${option} ${JSON.stringify(value)} is not one of ${choices.join(', ')}`);
  return chosen;
}

/** `--repeat-window 7`: whole days, 0 (the same instant only) to 365. */
function parseRepeatWindow(text: string | undefined): number {
  if (text === undefined) return 7;
  const days = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || days > 365) throw new UsageError(`--repeat-window ${JSON.stringify(text)} is not a number of days; give whole days from 0 to 365, e.g. --repeat-window 14`);
  return days;
}

/** `--out -` and `--rejects -`: stdout, as in other command-line tools (SPEC §7), never a file named `-`. */
export const STDOUT = '-';

export function normaliseReportOptions(files: string[], given: RawReportOptions, givenArgv?: readonly string[]): ReportOptions {
  // The config file gives defaults for what the command line did not say (the command line always wins).
  const loaded = loadConfig(given.config);
  const { raw, argv } = loaded === null ? { raw: given, argv: givenArgv } : withConfigDefaults(given, givenArgv, loaded.config);
  const read = normaliseReadOptions(files, raw, 'report', argv);
  const zone = read.zone;
  if (raw.window !== undefined && (raw.since !== undefined || raw.until !== undefined)) throw new UsageError('--window and --since/--until both name the window; give one of them');
  if (raw.asOf !== undefined && raw.window === undefined) throw new UsageError('--as-of only anchors a relative --window (last-week, last-month)');
  // The one reading of the clock, at the edge: relative windows count from today in --tz unless --as-of says.
  const asOf = raw.asOf === undefined ? Date.now() : parseWindowBound('--as-of', raw.asOf, zone, read.dateFormat);
  const named = raw.window === undefined ? null : namedWindow(raw.window, zone, asOf);
  const since = named !== null ? named.since : raw.since === undefined ? null : parseWindowBound('--since', raw.since, zone, read.dateFormat);
  const until = named !== null ? named.until : raw.until === undefined ? null : parseWindowBound('--until', raw.until, zone, read.dateFormat);
  if (since !== null && until !== null && until <= since) throw new UsageError(`--until ${raw.until} is not after --since ${raw.since}; the window is [since, until)`);
  if (raw.compare !== undefined && (since === null || until === null)) throw new UsageError('--compare previous needs a window to compare: --window, or --since and --until');
  const out = raw.out === STDOUT ? undefined : raw.out;
  if (raw.rejects === STDOUT && out === undefined) {
    throw new UsageError('--rejects - and the report cannot both go to stdout; write the report to a file with --out FILE, or the rejected rows with --rejects FILE');
  }
  // Two outputs naming one file, by any names, are refused with the other output checks (write-output.ts), before reading.
  if (PROFILES[raw.benchmark] === undefined) throw new UsageError(`--benchmark ${JSON.stringify(raw.benchmark)} is not a profile; profiles: ${Object.keys(PROFILES).join(', ')}`);
  return {
    ...read,
    by: parseBy(raw.by),
    period: oneOf('--period', raw.period, ['day', 'week', 'month'] as const),
    compare: oneOf('--compare', raw.compare, ['previous'] as const),
    repeatWindowDays: parseRepeatWindow(raw.repeatWindow),
    targets: loaded?.targets ?? [],
    since,
    until,
    benchmark: raw.benchmark,
    format: parseFormat(raw.format, out),
    out,
    failOnMiss: raw.failOnMiss === true,
    strict: raw.strict === true,
    rejects: raw.rejects,
    details: parseDetails(raw.details),
    stamp: raw.stamp === true,
    quiet: raw.quiet === true,
    businessHours: businessHoursOf(raw.businessHours === true, loaded, zone),
    serviceCostPerCustomerMonth: loaded?.config.serviceCostPerCustomerMonth ?? null,
  };
}

/** --business-hours with the config's calendar, its zone --tz's (or the config's timezone) when it names none; null when off. */
function businessHoursOf(on: boolean, loaded: LoadedConfig | null, zone: Zone): BusinessHoursSetting | null {
  if (!on) return null;
  const calendar = loaded?.businessCalendar ?? null;
  return { calendar: calendar === null ? null : { timezone: calendar.timezone ?? zone.name, week: calendar.week, holidays: calendar.holidays } };
}

/**
 * `--since 2026-11-01`, `--since "2026-11-01 09:00"`, `--since 01.11.2026`: wall time in --tz unless an offset is
 * given. A `--date-format` is tried first, so `--since 03/04/2026` reads as the data does.
 */
function parseWindowBound(option: string, text: string, zone: Zone, dateFormat: TimestampFormat | undefined): number {
  const bytes = Buffer.from(text.trim(), 'utf8');
  let value = dateFormat === undefined ? Number.NaN : timestampParser(dateFormat, zone)(bytes, 0, bytes.length);
  if (!Number.isFinite(value)) {
    const detected = detectTimestampFormat([text], zone);
    value = detected === null ? Number.NaN : timestampParser(detected.format, zone)(bytes, 0, bytes.length);
  }
  if (!Number.isFinite(value)) throw new UsageError(`${option} ${JSON.stringify(text)} is not a date; write it as YYYY-MM-DD or YYYY-MM-DDTHH:mm`);
  return value;
}

function parseMap(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) throw new UsageError(`--map ${JSON.stringify(pair)} must look like field=Header, e.g. --map created_at="Opened on"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

/** --format (any case: `JSON` is json; `markdown` is md), else the --out file's extension, else the table. */
function parseFormat(format: string | undefined, out: string | undefined): OutputFormat {
  if (format === undefined) {
    const extension = out?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
    if (extension === undefined) return 'table';
    const named = FORMAT_OF_EXTENSION[extension];
    if (named === undefined) throw new UsageError(`--out ${JSON.stringify(out)}: no format is known for ".${extension}"; use .json, .md, .html, .csv, .xml (JUnit), .xlsx or .txt, or name one with --format`);
    return named;
  }
  const chosen = format.trim().toLowerCase() === 'markdown' ? 'md' : format.trim().toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(chosen)) throw new UsageError(`--format ${JSON.stringify(format)} is not available; formats: ${OUTPUT_FORMATS.join(', ')}`);
  if (chosen === 'xlsx' && out === undefined) throw new UsageError('--format xlsx writes a workbook, not text: give the file with --out report.xlsx');
  return chosen as OutputFormat;
}

function parseDelimiter(text: string): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const delimiter = named[text.toLowerCase()] ?? text;
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f) throw new UsageError(`--delimiter ${JSON.stringify(text)} must be one ASCII character, such as , ; | or tab`);
  return delimiter;
}

const DATE_FORMATS: Record<string, TimestampFormat> = {
  iso: 'iso', 'yyyy-mm-dd': 'iso',
  'dd.mm.yyyy': 'dmy-dotted',
  'mm/dd/yyyy': 'mdy-slash', 'm/d/y': 'mdy-slash', 'mdy': 'mdy-slash',
  'dd/mm/yyyy': 'dmy-slash', 'd/m/y': 'dmy-slash', 'dmy': 'dmy-slash',
  'dd/mmm/yy': 'dmy-month-abbr', 'dd/mmm/yyyy': 'dmy-month-abbr',
  unix: 'unix-s', 'unix-s': 'unix-s', 'unix-ms': 'unix-ms',
};

function parseDateFormat(text: string): TimestampFormat {
  const format = DATE_FORMATS[text.trim().toLowerCase()];
  if (format === undefined) throw new UsageError(`--date-format ${JSON.stringify(text)} is not known; use ISO, DD.MM.YYYY, MM/DD/YYYY, DD/MM/YYYY, DD/MMM/YY, unix-s or unix-ms`);
  return format;
}

function parseDecimal(text: string): DecimalSeparator {
  if (text === '.' || text === ',') return text;
  throw new UsageError(`--decimal ${JSON.stringify(text)} must be . or ,`);
}

/** `--currency USD` (any case): an ISO 4217 code. */
function parseCurrency(text: string): string {
  if (!/^\s*[A-Za-z]{3}\s*$/.test(text)) throw new UsageError(`--currency ${JSON.stringify(text)} is not a currency code; write it like USD or EUR`);
  return text.trim().toUpperCase();
}

/** `--scale csat=1-7`, `--scale ces=1-7:higher-better` (repeatable): a survey's scale and, when said, its good end. */
function parseScales(texts: readonly string[]): Partial<Record<SurveyKind, SurveyScale>> {
  const scales: Partial<Record<SurveyKind, SurveyScale>> = {};
  for (const text of texts) {
    const m = /^\s*(csat|nps|ces)\s*=\s*(\d+)\s*-\s*(\d+)\s*(?::\s*(higher|lower)-better\s*)?$/i.exec(text);
    const survey = m?.[1]?.toLowerCase() as SurveyKind | undefined;
    if (m === null || survey === undefined || Number(m[2]) >= Number(m[3])) {
      throw new UsageError(`--scale ${JSON.stringify(text)} is not a scale; write it like csat=1-7 or ces=1-7:higher-better (min below max)`);
    }
    const direction = m[4]?.toLowerCase();
    // NPS is defined on 0–10 answers (promoters 9–10, detractors 0–6): on any other scale those cuts mean nothing.
    if (survey === 'nps' && (Number(m[2]) !== 0 || Number(m[3]) !== 10 || direction === 'lower')) {
      throw new UsageError(`--scale ${JSON.stringify(text)}: NPS is defined on 0–10 answers only (promoters 9–10, detractors 0–6); leave --scale nps out`);
    }
    scales[survey] = { min: Number(m[2]), max: Number(m[3]), higherIsBetter: direction === undefined ? DEFAULT_SCALES[survey].higherIsBetter : direction === 'higher' };
  }
  return scales;
}
