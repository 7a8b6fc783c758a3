import type { SurveyScale } from '../survey/scale.js';
import { InputError } from '../errors.js';
import { NOT_DATA_SETS, PRESETS, type Preset } from '../presets/index.js';
import { aggregateReportOf } from '../presets/aggregate-reports.js';
import { readCsvLayout, streamCsvRecords, type CsvLayout } from '../read/csv.js';
import { fieldText } from '../read/csv-tokenizer.js';
import { detectContentFormat, readInputHead, type InputFile } from '../read/input.js';
import { DEFAULT_LIMITS, tooManyColumns, type ReadLimits } from '../read/limits.js';
import { decimalEvidence, type DecimalSeparator } from '../read/number.js';
import { openSheetSource } from '../read/open-sheet.js';
import { readSheetLayout } from '../read/sheet-layout.js';
import type { SheetCell, SheetFormat, SheetSource } from '../read/source.js';
import { detectTimestampFormat, slashOrderOf, type TimestampFormat } from '../read/timestamp.js';
import { zoneInHeader, type Zone } from '../read/zone.js';
import type { ValuePlan } from './column-readers.js';
import { chooseKind } from './detect-kind.js';
import { dateRangeLine } from '../read/date-range-line.js';
import type { DatasetKind, KindName } from './kind.js';
import { headerScorer, type MappedVia, type MappingAttempt } from './mapping.js';


/** How the engine reads files: options normalised once at the edge (the CLI), then trusted. */
export interface ReadOptions {
  /** Zone of timestamps written without an offset. */
  zone: Zone;
  /** Whether the user named the zone (`--tz`): times without an offset read in a zone nobody named are a guess. */
  zoneGiven?: boolean | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  /** The sheet of a workbook to read (else `file.xlsx#Sheet`, else the first). */
  sheet?: string | undefined;
  preset?: Preset | undefined;
  /** field → header. */
  map?: Readonly<Record<string, string>> | undefined;
  /** Forces every timestamp column's format. */
  dateFormat?: TimestampFormat | undefined;
  /** Forces the decimal separator of number columns. */
  decimal?: DecimalSeparator | undefined;
  /**
   * The optional fields to parse, beside the required ones, the key and the time field: what the requested metrics
   * and groupings need ('all' for `validate`), by name (`currency`) or for one kind only (`spend.channel`). Other
   * mapped columns are skipped, not decoded.
   */
  fields: 'all' | readonly string[];
  /** `--currency CODE`: keep the amounts in this currency when the inputs hold several (the others are skipped). */
  currency?: string | undefined;
  /** Survey scales given with --scale (the others are detected from the answers). */
  scales?: Partial<Record<'csat' | 'nps' | 'ces', SurveyScale>> | undefined;
  /** Where the readers of a CSV file count their bytes and records, for a progress bar (the CLI's, on a terminal). */
  progress?: ProgressSink | undefined;
  /** The largest field and the widest row read (`--max-field-size`, `--max-columns`); DEFAULT_LIMITS otherwise. */
  limits?: ReadLimits | undefined;
}

/** The progress bar's side of ReadProgress: the shared counters, told of each file before it is read. */
export interface ProgressSink {
  counters: Float64Array;
  startFile(label: string, bytes: number): void;
  tick(): void;
}

/** One mapped column and how it is read. */
export interface ColumnPlan extends ValuePlan {
  field: string;
  header: string;
  via: MappedVia;
  /** Whether this run parses it (see ReadOptions.fields). */
  read: boolean;
  /** A slash-date order the data never settled (month-first assumed). */
  guessedMonthFirst?: boolean;
  /** The zone the header names for this column (`Start (UTC)`), used instead of --tz. */
  zone?: string;
  /**
   * Where the zone of this column's times comes from: the header, offsets written in the values, --tz, or nowhere
   * (read in the default zone: a guess, warned about).
   */
  zoneFrom?: 'header' | 'values' | 'tz' | 'assumed';
  /** A time column whose values are dates without a time of day. */
  datesOnly?: boolean;
  /** Where a number column's decimal separator comes from, when some value of it holds a separator (DecimalFrom). */
  decimalFrom?: DecimalFrom;
}

/**
 * Where a number column's decimal separator comes from: a value of the column that proves it (`1.234,56`, `99,5`),
 * `--decimal`, the same field of other files of the data set whose values prove it (settleDecimalAcrossFiles), or
 * nothing — values like `1,250` only, read with the file's default and warned about. Plain data, as the plan is.
 */
export type DecimalFrom =
  | { by: 'values'; value: string }
  | { by: 'option' }
  | { by: 'files'; files: string[]; value: string }
  | { by: 'assumed'; value: string };

/**
 * Everything decided about one file before its rows are read — format, layout, kind, mapping, each column's parser
 * settings. Plain data, so a worker thread reading part of the file builds exactly the same readers.
 */
export interface FilePlan {
  file: string;
  path: string;
  gzip: boolean;
  inputIndex: number;
  kind: KindName;
  format: 'csv' | SheetFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  bomLength: number;
  /**
   * Every mapped column is checked on every row (`validate`); otherwise a fall-back timestamp is read only where its
   * export duration is empty, as the report uses it.
   */
  checkAll: boolean;
  /** Physical line (CSV) or sheet row of the header. */
  headerLine: number;
  /** Number of header cells: the field count a CSV record boundary is recognised by. */
  width: number;
  /** The header row as read (repeated names told apart). */
  headers: string[];
  /** The largest field and the widest row the readers take (read/limits.ts). */
  limits: ReadLimits;
  preset: string | null;
  zone: string;
  columns: ColumnPlan[];
  /**
   * A spend report without a day column is dated by its date-range line (Google Ads): every row covers [since, until),
   * both epoch ms (until exclusive). Null otherwise.
   */
  datedBy: { line: string; since: number; until: number } | null;
  skipRules: { index: number; values: string[]; reason: string }[];
  /** The preset's footer-line beginnings (Preset.footerLines): rows starting so are skipped like summary rows. */
  footerLines?: string[];
  /**
   * Rows with one key and the same times are one record repeated per value of a multi-valued attribute (the preset's
   * mergeRepeatedRows: Zendesk Explore): merged and counted, not rejected as duplicates.
   */
  mergeRepeats: boolean;
}

/** What planning found beside the plan: notes for the user. */
export interface PlannedFile {
  plan: FilePlan;
  notes: string[];
  /** Guesses the data did not prove (for the report's warnings). */
  warnings: string[];
  /** The opened sheet of a workbook or markup table (read once more for the data); null for CSV. */
  source: SheetSource | null;
  /**
   * Slash-date columns whose order no value of the file proves, read month-first, and the warning (in `warnings`)
   * that says so: another file of the data set may prove it (settleSlashOrderAcrossFiles).
   */
  slashGuess: { columns: ColumnPlan[]; warning: string } | null;
  /**
   * Number columns whose decimal separator no value of the file proves (only values like `1,250`), each with the
   * warning (in `warnings`) that says so: the same field of another file of the data set may prove it
   * (settleDecimalAcrossFiles).
   */
  decimalGuesses: { column: ColumnPlan; value: string; warning: string }[];
}

/** Reads the head of a file and decides its plan; `kinds` are the candidates (one when given with `--tickets` …). */
export async function planFile(input: InputFile, inputIndex: number, kinds: readonly DatasetKind[], options: ReadOptions): Promise<PlannedFile> {
  const file = input.label;
  const content = detectContentFormat(await readInputHead(input, 8192));
  if (content === 'xls-binary') throw new InputError({ code: 'UNSUPPORTED_FORMAT', file, reason: 'is a binary Excel 97–2003 workbook, which I cannot read', hint: 'open it in Excel and save it as .xlsx or CSV' });
  if (content === 'binary') throw new InputError({ code: 'UNSUPPORTED_FORMAT', file, reason: 'is not a text export or a workbook (it holds binary data)', hint: 'export the data as CSV or .xlsx' });
  if (content === 'zip') throw new InputError({ code: 'UNSUPPORTED_FORMAT', file, reason: 'is a zip archive, not an .xlsx workbook', hint: 'unpack it and name the CSV or .xlsx file inside' });
  const scoreHeader = headerScorer(kinds, PRESETS, Object.values(options.map ?? {}));
  const limits = options.limits ?? DEFAULT_LIMITS;

  let table: Table;
  let source: SheetSource | null = null;
  if (content === 'csv') {
    const layout = await readCsvLayout(input, { encoding: options.encoding, delimiter: options.delimiter, scoreHeader });
    table = csvTable(layout, limits);
  } else {
    source = await openSheetSource(content, input, { sheet: options.sheet, encoding: options.encoding, maxCellChars: limits.maxFieldBytes });
    table = sheetTable(source, await readSheetLayout(file, source, scoreHeader));
  }
  if (table.headers.length > limits.maxColumns) throw tooManyColumns(file, table.headerLine, table.headers.length, limits, false, content === 'csv' ? 'csv' : 'sheet');

  // A report dated only by its range line (no day column) still is spend: its rows cover that range.
  const range = kinds.some((k) => k.kind === 'spend') ? dateRangeLine(table.preamble, options.zone) : null;
  // A report of averages per agent/inbox/team is no data set: refused, never read as tickets (unless --map insists).
  const aggregate = options.map === undefined || Object.keys(options.map).length === 0 ? aggregateReportOf(table.headers) : undefined;
  if (aggregate !== undefined) {
    throw new InputError({
      code: 'AGGREGATE_REPORT',
      file,
      reason: `is a ${aggregate.vendor} ${aggregate.report}: one row of averages per group (${aggregate.headers.slice(1).map((h) => JSON.stringify(h)).join(', ')}), not one row per conversation, and averages of groups cannot give FRT, ART or CSAT`,
      hint: aggregate.instead,
    });
  }
  if (kinds.length > 1 && options.preset === undefined) refuseNotADataSet(file, table.headers);
  const mappingOptions = { preset: options.preset, map: options.map, provided: range === null ? [] : ['spend.date'], samples: (index: number) => table.samples(index) };
  let mapping = chooseKind(file, table.headers, kinds, PRESETS, mappingOptions);
  const byValues = mapping.preset === null && options.preset === undefined ? presetByValues(mapping, table) : null;
  if (byValues !== null) {
    mapping = chooseKind(file, table.headers, [mapping.kind], PRESETS, { ...mappingOptions, preset: byValues.preset });
    mapping.guesses.push(byValues.guess);
  }
  const datedBy = mapping.kind.kind !== 'spend' || mapping.columns.has('date') || range === null ? null : range;
  if (datedBy !== null && 'allTime' in datedBy) {
    throw new InputError({ code: 'INPUT', file, reason: `has no day column and covers "${datedBy.line}": its spend cannot be placed in months`, hint: 'download the report with the Day segment, or for a fixed date range' });
  }
  const kind = mapping.kind;
  const notes = mapping.notes.map((n) => `${file}: ${n}`);
  const warnings = mapping.guesses.map((g) => `${file}: ${g}`);
  const groupFields = new Set((kind.requiredOneOf ?? []).flat());
  const wanted = (field: string) =>
    options.fields === 'all' || options.fields.includes(field) || options.fields.includes(`${kind.kind}.${field}`) || field === kind.key || field === kind.time || groupFields.has(field) || kind.fields.find((f) => f.field === field)!.required;
  const columns: ColumnPlan[] = [];
  // The time field is planned first: its timestamp format is the hint for the file's other date columns.
  const unzoned: string[] = [];
  const dateOnly: string[] = [];
  const undecidedSlash: ColumnPlan[] = [];
  const decimalGuesses: PlannedFile['decimalGuesses'] = [];
  const ordered = [...mapping.columns.values()].sort((a, b) => Number(b.field === kind.time) - Number(a.field === kind.time));
  let hint: TimestampFormat | undefined;
  for (const column of ordered) {
    const spec = kind.fields.find((f) => f.field === column.field)!;
    // A duration naming no unit beside the timestamps of the same event: the timestamps are exact, the unit only a
    // guess — Help Scout's `Resolution Time` (seconds) and HubSpot's `Time to close` (ms) read as minutes gave ART
    // 60× and 60,000× too large beside their own `Resolved At` / `Close date`. Left out unless --map named it, and
    // before anything of it is planned (its decimal separator, which may scan the whole column).
    const timestampsInstead = spec.type === 'duration' && column.unitGuessed === true && column.via === 'alias' ? timestampsOfEvent(kind, mapping.columns, column.field) : null;
    if (timestampsInstead !== null) {
      warnings.push(`${file}: column ${JSON.stringify(column.header)} names no unit, so it is not read: the ${timestampsInstead.event} times come from ${JSON.stringify(timestampsInstead.to)} − ${JSON.stringify(timestampsInstead.from)} — to read it instead, rename its header to say its unit (… in seconds, … (hours))`);
      continue;
    }
    const plan: ColumnPlan = { field: column.field, header: column.header, via: column.via, index: column.index, type: spec.type, read: wanted(column.field) };
    if (spec.type === 'instant' || spec.type === 'date') {
      const { format, undecided } = await planTimestampFormat(table, column.index, options, hint);
      plan.format = format;
      if (undecided) undecidedSlash.push(plan);
      if (column.field === kind.time) hint = format;
      const zone = zoneInHeader(column.header);
      if (zone !== null) plan.zone = zone;
      const samples = table.samples(column.index).map((v) => v.trim()).filter((v) => v !== '');
      const offsets = format === 'unix-s' || format === 'unix-ms' || (samples.length > 0 && samples.some(hasOffset));
      plan.zoneFrom = zone !== null ? 'header' : offsets ? 'values' : options.zoneGiven === true ? 'tz' : 'assumed';
      if (plan.read) {
        if (plan.zoneFrom === 'assumed') unzoned.push(column.header);
        if (spec.type === 'instant' && samples.length > 0 && samples.every(isDateOnly)) {
          dateOnly.push(column.header);
          plan.datesOnly = true;
        }
      }
    }
    if (spec.type === 'duration' || spec.type === 'number' || spec.type === 'money') {
      const decimal = options.decimal === undefined ? await planDecimal(table, column.index) : { separator: options.decimal, from: { by: 'option' } as const };
      plan.decimal = decimal.separator;
      if (decimal.from !== null) plan.decimalFrom = decimal.from;
      if (decimal.from?.by === 'assumed') {
        const warning = `${undecidedDecimal(file, column.header, decimal.from.value)}; read with "${decimal.separator}" as the decimal${table.delimiter === ';' ? ' (as in the ;-separated files of locales with a decimal comma)' : ''}; pass --decimal to say`;
        warnings.push(warning);
        decimalGuesses.push({ column: plan, value: decimal.from.value, warning });
      }
    }
    if (spec.type === 'duration') {
      plan.unit = column.unit ?? 'minutes';
      if (column.zeroMeansNone === true) plan.zeroMeansNone = true;
      if (column.unitGuessed === true && column.via !== 'preset') {
        warnings.push(`${file}: column ${JSON.stringify(column.header)} names no unit; its numbers are read as minutes — rename the header (… in hours) or check the export`);
      }
    }
    if ((spec.type === 'instant' || spec.type === 'date') && mapping.preset?.unsetTimestamp1900 === true) plan.unset1900 = true;
    if (spec.normalise !== undefined) plan.normalise = spec.normalise;
    if (column.answerLabels !== undefined) plan.answerLabels = column.answerLabels;
    if (column.alsoIndexes !== undefined) plan.alsoIndexes = column.alsoIndexes;
    columns.push(plan);
  }
  columns.sort((a, b) => a.index - b.index);
  const slashWarnings = settleSlashOrder(file, columns, undecidedSlash);
  warnings.push(...slashWarnings);
  const guessedSlash = columns.filter((c) => c.guessedMonthFirst === true);
  const slashGuess = guessedSlash.length === 0 ? null : { columns: guessedSlash, warning: slashWarnings[0]! };
  const named = (headers: string[]) => headers.map((h) => JSON.stringify(h)).join(', ');
  if (unzoned.length > 0) {
    warnings.push(`${file}: the times in ${named(unzoned)} carry no zone and none was given; read as ${options.zone.name} — pass --tz with the zone the export was made in${mapping.preset?.zoneWhere === undefined ? '' : ` (${mapping.preset.zoneWhere})`}`);
  }
  // Only durations between timestamps (tickets' FRT and ART) suffer from whole days; a subscription's start date is fine.
  if (dateOnly.length > 0 && (kind.elapsed ?? []).length > 0) {
    warnings.push(`${file}: ${named(dateOnly)} ${dateOnly.length === 1 ? 'holds' : 'hold'} dates without times: durations between them are whole days (0 s or 86,400 s …), not response or resolution times`);
  }
  return {
    plan: {
      file,
      path: input.path,
      gzip: input.gzip,
      inputIndex,
      kind: kind.kind,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheet: table.sheet,
      bomLength: table.bomLength,
      checkAll: options.fields === 'all',
      headerLine: table.headerLine,
      width: table.headers.length,
      headers: table.headers,
      limits,
      preset: mapping.preset?.name ?? null,
      zone: options.zone.name,
      columns,
      datedBy: datedBy as { line: string; since: number; until: number } | null,
      skipRules: mapping.skipRules.map((rule) => ({ index: rule.index, values: [...rule.values], reason: rule.reason })),
      ...(mapping.preset?.footerLines === undefined ? {} : { footerLines: [...mapping.preset.footerLines] }),
      mergeRepeats: mapping.preset?.mergeRepeatedRows === true,
    },
    notes,
    warnings,
    source,
    slashGuess,
    decimalGuesses,
  };
}

/**
 * A known export that is none of the kinds (two of its distinctive spellings, as presets are chosen): an InputError
 * saying what it is and what to do, instead of a kind its generic aliases happen to fit. Only when the kind is
 * detected: `--subscriptions FILE` reads it as asked.
 */
function refuseNotADataSet(file: string, headers: readonly string[]): void {
  const lower = new Set(headers.map((h) => h.toLowerCase()));
  for (const known of NOT_DATA_SETS) {
    const found = known.evidence.filter((h) => lower.has(h.toLowerCase()));
    if (found.length >= 2) throw new InputError({ code: 'UNKNOWN_KIND', file, reason: `${known.reason} (headers ${found.map((h) => JSON.stringify(h)).join(', ')})`, hint: known.hint });
  }
}

/**
 * A preset whose `valueEvidence` the file's first rows show (every filled value of the column among the export's own
 * codes), for a file no header chose a preset for; null when none fits.
 */
function presetByValues(mapping: MappingAttempt, table: Table): { preset: Preset; guess: string } | null {
  for (const preset of PRESETS) {
    const evidence = preset.valueEvidence;
    if (preset.kind !== mapping.kind.kind || evidence === undefined) continue;
    const column = mapping.columns.get(evidence.field);
    if (column === undefined) continue;
    const values = table.samples(column.index).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length < evidence.min || !values.every((v) => evidence.values.includes(v))) continue;
    const seen = [...new Set(values)].slice(0, 6).map((v) => JSON.stringify(v)).join(', ');
    return { preset, guess: `read with the ${preset.name} preset: its ${JSON.stringify(column.header)} holds only that export's codes (${seen}); pass --preset if it is another export` };
  }
  return null;
}

/** The head of a file as the planner needs it, whatever its format. */
interface Table {
  format: 'csv' | SheetFormat;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  bomLength: number;
  headers: string[];
  headerLine: number;
  preamble: string[];
  /** The text cells of a column in the sample (workbook numbers and dates need no format). */
  samples(index: number): string[];
  /** Visits the text of a column's cells over the whole file until `visit` returns true. */
  scan(index: number, visit: (text: string) => boolean): Promise<void>;
}

function csvTable(layout: CsvLayout, limits: ReadLimits): Table {
  return {
    format: 'csv',
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    sheet: null,
    bomLength: layout.bomLength,
    headers: layout.headers,
    headerLine: layout.headerLine,
    preamble: layout.preamble,
    samples: (index) => layout.sample.map((cells) => cells[index] ?? ''),
    async scan(index, visit) {
      let done = false;
      await streamCsvRecords(
        layout,
        (record) => {
          if (!done && index < record.fieldCount) done = visit(fieldText(record, index, layout.decode));
        },
        limits,
      );
    },
  };
}

function sheetTable(source: SheetSource, layout: { headers: string[]; headerLine: number; preamble: string[]; sample: SheetCell[][] }): Table {
  return {
    format: source.format,
    encoding: source.encoding,
    delimiter: null,
    sheet: source.sheet,
    bomLength: 0,
    headers: layout.headers,
    headerLine: layout.headerLine,
    preamble: layout.preamble,
    samples: (index) => layout.sample.map((cells) => cells[index]).filter((c): c is string => typeof c === 'string'),
    async scan(index, visit) {
      for await (const row of source.rows()) {
        const cell = row.cells[index];
        if (row.line > layout.headerLine && typeof cell === 'string' && visit(cell)) break;
      }
    },
  };
}

/**
 * One export writes all its dates one way: a slash column whose own values never show a day above 12 takes the order
 * another column of the file proves (`13/02/2026` in Resolved at settles Created at too). When none proves it, every
 * such column is read month-first and a warning says so; when two columns prove different orders, a warning says that.
 */
function settleSlashOrder(file: string, columns: readonly ColumnPlan[], undecided: readonly ColumnPlan[]): string[] {
  const isSlash = (c: ColumnPlan) => c.format === 'dmy-slash' || c.format === 'mdy-slash';
  const proven = new Set(columns.filter((c) => isSlash(c) && !undecided.includes(c)).map((c) => c.format));
  const named = (list: readonly ColumnPlan[]) => list.map((c) => JSON.stringify(c.header)).join(', ');
  if (proven.size === 1) {
    for (const column of undecided) column.format = [...proven][0]!;
    return [];
  }
  if (proven.size > 1) {
    const dayFirst = columns.filter((c) => c.format === 'dmy-slash' && !undecided.includes(c));
    const monthFirst = columns.filter((c) => c.format === 'mdy-slash' && !undecided.includes(c));
    return [`${file}: the slash dates of ${named(dayFirst)} are day-first but those of ${named(monthFirst)} month-first; each is read as its own values show — check the export`];
  }
  const guessed = undecided.filter(isSlash);
  if (guessed.length === 0) return [];
  for (const column of guessed) {
    column.format = 'mdy-slash';
    column.guessedMonthFirst = true;
  }
  return [`${file}: the slash dates of ${named(guessed)} never show a day above 12; read as month-first (MM/DD/YYYY); pass --date-format DD/MM/YYYY if they are day-first`];
}

/**
 * Several files of one data set from one export (same kind and preset) write their dates one way too: a file whose
 * slash dates never show a day above 12 takes the order the other files prove — else a file holding the 1st to the
 * 12th of a month read month-first, beside one holding the rest read day-first, put January 5th in May, and two files
 * gave another report than the same rows in one (issue #16). Said as a note; when no other file proves one order, the
 * file's month-first warning stays.
 */
export function settleSlashOrderAcrossFiles(files: readonly PlannedFile[]): void {
  const isSlash = (c: ColumnPlan) => c.format === 'dmy-slash' || c.format === 'mdy-slash';
  for (const file of files) {
    const guess = file.slashGuess;
    if (guess === null) continue;
    const alike = filesAlike(files, file);
    const proven = new Set(alike.flatMap((f) => f.plan.columns.filter((c) => isSlash(c) && c.guessedMonthFirst !== true).map((c) => c.format!)));
    if (proven.size !== 1) continue;
    const format = [...proven][0]!;
    for (const column of guess.columns) {
      column.format = format;
      delete column.guessedMonthFirst;
    }
    const by = alike.filter((f) => f.plan.columns.some((c) => c.format === format && c.guessedMonthFirst !== true)).map((f) => f.plan.file);
    settled(file, guess.warning, `${file.plan.file}: the slash dates of ${guess.columns.map((c) => JSON.stringify(c.header)).join(', ')} never show a day above 12; read ${format === 'dmy-slash' ? 'day-first (DD/MM/YYYY)' : 'month-first (MM/DD/YYYY)'} as ${by.join(', ')} of the same data set prove${by.length === 1 ? 's' : ''}`);
    file.slashGuess = null;
  }
}

/** The headers of the timestamps that measure the event `durationField` is the duration of, when the file has its end. */
function timestampsOfEvent(kind: DatasetKind, columns: ReadonlyMap<string, { header: string }>, durationField: string): { event: string; from: string; to: string } | null {
  const event = kind.elapsed?.find((e) => e.duration === durationField);
  const to = event === undefined ? undefined : columns.get(event.to);
  if (to === undefined) return null;
  return { event: event!.name.replace('_', ' '), from: columns.get(event!.from)?.header ?? event!.from, to: to.header };
}

/** The other files of `file`'s data set from the same export (same kind and preset): those that may settle its guesses. */
function filesAlike(files: readonly PlannedFile[], file: PlannedFile): PlannedFile[] {
  return files.filter((f) => f !== file && f.plan.kind === file.plan.kind && f.plan.preset === file.plan.preset);
}

/** A guess another file proved: its warning taken back, and a note in its place saying which file proved what. */
function settled(file: PlannedFile, warning: string, note: string): void {
  file.warnings.splice(file.warnings.indexOf(warning), 1);
  file.notes.push(note);
}

/** The start of what is said about a number column whose values never show which separator is the decimal. */
function undecidedDecimal(file: string, header: string, value: string): string {
  return `${file}: column ${JSON.stringify(header)} has values like ${JSON.stringify(value)} and none that shows whether "${value.replace(/\d/g, '').trim()}" is a decimal or a thousands separator`;
}

/**
 * Several files of one data set from one export (same kind and preset) write a field's numbers one way too: a file
 * whose column holds only values like `1,250` — a thousands separator or a decimal one — takes the separator that the
 * same field of the other files proves (`1,234.56`, `99,5`), instead of its own default (a comma in ;-separated files,
 * else a dot): a spend file of `1,250` read as 1.25 beside one proving "," groups thousands made CAC confidently wrong.
 * Said as a note; when no other file proves one (or two prove different ones), the file's warning stays. A column that
 * proves its own separator keeps it, whatever the other files say. Plan data only: no file is read again.
 */
export function settleDecimalAcrossFiles(files: readonly PlannedFile[]): void {
  for (const file of files) {
    const alike = filesAlike(files, file);
    file.decimalGuesses = file.decimalGuesses.filter(({ column, value, warning }) => {
      // Only a column's own values prove: one settled by a third file repeats that file's proof.
      const proofs = alike.flatMap((f) => f.plan.columns.flatMap((c) => (c.field === column.field && c.decimalFrom?.by === 'values' ? [{ file: f.plan.file, separator: c.decimal!, value: c.decimalFrom.value }] : [])));
      const separators = new Set(proofs.map((p) => p.separator));
      if (separators.size !== 1) return true;
      const separator = [...separators][0]!;
      const by = [...new Set(proofs.map((p) => p.file))];
      const proof = proofs[0]!.value;
      column.decimal = separator;
      column.decimalFrom = { by: 'files', files: by, value: proof };
      settled(file, warning, `${undecidedDecimal(file.plan.file, column.header, value)}; read with "${separator}" as the decimal as ${by.join(', ')} of the same data set prove${by.length === 1 ? 's' : ''} (${JSON.stringify(proof)})`);
      return false;
    });
  }
}

/** An offset or zone written in the value: `Z`, `+0100`, `-05:00`, `UTC`, `GMT`. */
function hasOffset(value: string): boolean {
  return /(?:[zZ]|[+-]\d{2}:?\d{2}|\s(?:UTC|GMT))$/.test(value) && /\d[:.]\d\d/.test(value);
}

/** A date with no time of day: `2026-11-02`, `02.11.2026`, `11/02/2026`. */
function isDateOnly(value: string): boolean {
  return /^(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$/.test(value);
}

/**
 * A number column's decimal separator: the first sample value that decides; when the sample holds only values like
 * `1,234` that could be either, the whole column is scanned for one that decides (as slash dates are). Undecided: a
 * comma in `;`-separated files (written where the decimal is a comma), else a dot, `assumed` with a value like that.
 * `from` is null when no value holds a separator at all (a dot then changes nothing).
 */
async function planDecimal(table: Table, index: number): Promise<{ separator: DecimalSeparator; from: DecimalFrom | null }> {
  let ambiguous: string | null = null;
  for (const value of table.samples(index)) {
    const evidence = decimalEvidence(value);
    if (evidence === ',' || evidence === '.') return { separator: evidence, from: { by: 'values', value: value.trim() } };
    if (evidence === 'ambiguous') ambiguous ??= value.trim();
  }
  if (ambiguous === null) return { separator: '.', from: null };
  let decided = null as { separator: DecimalSeparator; value: string } | null;
  await table.scan(index, (text) => {
    const evidence = decimalEvidence(text);
    if (evidence === ',' || evidence === '.') decided = { separator: evidence, value: text.trim() };
    return decided !== null;
  });
  if (decided !== null) return { separator: decided.separator, from: { by: 'values', value: decided.value } };
  return { separator: table.delimiter === ';' ? ',' : '.', from: { by: 'assumed', value: ambiguous } };
}

/**
 * A timestamp column's format: `--date-format`, else the format that reads the sample. Slash dates are resolved per
 * column: when the sample never shows a part above 12, the whole column is scanned once for one (SPEC §3). `hint`
 * (the time field's format) is taken when this column's sample is empty or its slash order stays undecided.
 */
async function planTimestampFormat(table: Table, index: number, options: ReadOptions, hint: TimestampFormat | undefined): Promise<{ format: TimestampFormat; undecided: boolean }> {
  if (options.dateFormat !== undefined) return { format: options.dateFormat, undecided: false };
  const detected = detectTimestampFormat(table.samples(index), options.zone, hint);
  const slashHint = hint === 'dmy-slash' || hint === 'mdy-slash';
  if (detected === null) return { format: hint ?? 'iso', undecided: slashHint };
  if (!detected.ambiguousSlash) return { format: detected.format, undecided: false };
  let settled: TimestampFormat | null = null;
  await table.scan(index, (text) => (settled = slashOrderOf(text)) !== null);
  if (settled !== null) return { format: settled, undecided: false };
  return { format: slashHint ? hint : detected.format, undecided: true };
}
