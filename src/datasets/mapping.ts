import { InputError, UsageError } from '../errors.js';
import type { Preset } from '../presets/index.js';
import type { ValueShape } from '../presets/preset.js';
import { durationUnitFromHeader, type DurationUnit } from '../read/duration.js';
import type { DatasetKind, FieldSpec } from './kind.js';
import { normaliseHeader } from './normalise-header.js';
import { plainHeader } from '../read/plain-header.js';
import { zoneInHeader } from '../read/zone.js';
import { isBetter, suggestHeader, type Suggestion } from './suggest-header.js';

export { normaliseHeader };

/** How a column was found, for `validate` and the report's inputs. */
export type MappedVia = 'map' | 'preset' | 'alias';

export interface MappedColumn {
  field: string;
  /** 0-based index in the header row; the error column is index + 1. */
  index: number;
  header: string;
  via: MappedVia;
  unit?: DurationUnit;
  /** The header names no unit and no preset gives one: minutes assumed. */
  unitGuessed?: boolean;
  zeroMeansNone?: boolean;
  /** A rating column's codes and what they mean (from the preset). */
  answerLabels?: Readonly<Record<string, string>>;
  /** Further columns of one question, one per answer option (SurveyMonkey's expanded layout): the filled one is the answer. */
  alsoIndexes?: number[];
}

export interface SkipRule {
  index: number;
  values: readonly string[];
  reason: string;
}

export interface Mapping {
  preset: Preset | null;
  columns: Map<string, MappedColumn>;
  skipRules: SkipRule[];
  notes: string[];
  /** Guesses the headers did not prove (a preset look-alike read generically): the report's warnings. */
  guesses: string[];
}

/** A mapping attempt for one kind: the columns found and the required fields that are not. */
export interface MappingAttempt extends Mapping {
  kind: DatasetKind;
  /** Required fields without a column (for a required-one-of group: the fields of the nearest group). */
  missing: string[];
  /** `--map` headers this file does not have, by field. */
  mapMisses: ReadonlyMap<string, string>;
}

/** The placeholder a preset spelling ends with when the export writes a time zone there: `Conversation started at (<Zone>)`. */
const ZONE_PLACEHOLDER = ' (<zone>)';

/**
 * Whether a header is a preset's spelling, case aside. A spelling ending in ` (<Zone>)` matches the same words followed
 * by any time zone in brackets (Intercom names the workspace's zone in each time column's header: `(America/New_York)`,
 * `(UTC)`), so the preset fits whatever zone the export was made in.
 */
export function headerIsSpelling(header: string, spelling: string): boolean {
  const h = header.toLowerCase();
  const s = spelling.toLowerCase();
  if (!s.endsWith(ZONE_PLACEHOLDER)) return h === s;
  const stem = s.slice(0, -'<zone>)'.length); // `conversation started at (`
  return h.length > stem.length + 1 && h.startsWith(stem) && h.endsWith(')') && zoneInHeader(header.slice(stem.length - 1)) !== null;
}

/** Whether the preset says never to read `header` (Jira's SLA time-left columns): never offered as a --map either. */
export function presetIgnores(preset: Preset | undefined, header: string): boolean {
  return preset?.ignoreColumns?.some((spelling) => headerIsSpelling(header, spelling)) ?? false;
}

function findHeader(headers: readonly string[], spelling: string): number {
  return headers.findIndex((h) => headerIsSpelling(h, spelling));
}

/**
 * The header inside an aggregator — `AVG(First reply time (min))` → `First reply time (min)` — when the header is one
 * of `aggregators` (any case) around a bracketed name, else null (Zendesk Explore heads a metric with its aggregator).
 */
export function unwrapAggregator(header: string, aggregators: readonly string[]): string | null {
  const h = header.trim();
  const open = h.indexOf('(');
  if (open <= 0 || !h.endsWith(')')) return null;
  const name = h.slice(0, open).trim().toUpperCase();
  if (!aggregators.some((a) => a.toUpperCase() === name)) return null;
  const inner = h.slice(open + 1, -1).trim();
  return inner === '' ? null : inner;
}

/** Whether a header is a preset spelling wrapped in one of the preset's aggregators (`MED(<spelling>)`). */
function isWrappedSpelling(header: string, spelling: string, aggregators: readonly string[]): boolean {
  const inner = unwrapAggregator(header, aggregators);
  return inner !== null && headerIsSpelling(inner, spelling);
}

/** The preset's distinctive spellings the header row holds, bare or wrapped in one of its aggregators. */
export function presetEvidence(preset: Preset, headers: readonly string[]): string[] {
  const aggregators = preset.aggregatorWrapped ?? [];
  return preset.evidence.filter((spelling) => headers.some((h) => headerIsSpelling(h, spelling) || isWrappedSpelling(h, spelling, aggregators)));
}

/**
 * How many cells of a candidate header row name a known column (a preset spelling, a generic alias of any of the
 * kinds, or a header named in `--map`): used to find the header row after preamble lines.
 */
export function headerScorer(kinds: readonly DatasetKind[], presets: readonly Preset[], mapped: readonly string[] = []): (cells: readonly string[]) => number {
  const aliases = new Set(kinds.flatMap((k) => k.fields.flatMap((f) => f.aliases)));
  const all = [...presets.flatMap((p) => p.columns.map(([h]) => h)), ...mapped];
  const spellings = new Set(all.map((h) => h.toLowerCase()));
  const zoned = all.filter((h) => h.toLowerCase().endsWith(ZONE_PLACEHOLDER));
  const aggregators = [...new Set(presets.flatMap((p) => p.aggregatorWrapped ?? []))];
  const isBare = (cell: string) => spellings.has(cell.toLowerCase()) || (cell.endsWith(')') && zoned.some((z) => headerIsSpelling(cell, z)));
  const isSpelling = (cell: string) => {
    if (isBare(cell)) return true;
    const inner = aggregators.length === 0 ? null : unwrapAggregator(cell, aggregators);
    return inner !== null && isBare(inner);
  };
  return (cells) => cells.filter((c) => isSpelling(c.trim()) || aliases.has(normaliseHeader(c))).length;
}

export interface MappingOptions {
  /** `--preset NAME`. */
  preset?: Preset | undefined;
  /** `--map field=Header`, field → header; fields of other kinds are ignored. */
  map?: Readonly<Record<string, string>> | undefined;
  /** Fields the file gives otherwise than by a column (`spend.date`: a report's date-range line): not missing. */
  provided?: readonly string[] | undefined;
  /** A column's sample values (the head of the file), for a preset's `columnsByValue`; without it those are not taken. */
  samples?: ((index: number) => readonly string[]) | undefined;
}

/** Whether a value has a shape a preset's `columnsByValue` names. Called on the sample only, never per row. */
const VALUE_SHAPES: Readonly<Record<ValueShape, (value: string) => boolean>> = {
  urls: (value) => /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\/\S*$/iu.test(value),
};

/**
 * The first of a preset's by-value candidates whose filled sample values are none of the shape it excludes (an empty
 * sample proves nothing: not taken). The others are said in `notes`, so `validate` shows why a column was left out.
 */
function columnByValue(headers: readonly string[], rule: NonNullable<Preset['columnsByValue']>[number], used: ReadonlySet<number>, samples: (index: number) => readonly string[], notes: string[]): number {
  const shaped = VALUE_SHAPES[rule.notOf];
  for (const spelling of rule.headers) {
    const index = findHeader(headers, spelling);
    if (index < 0 || used.has(index)) continue;
    const filled = samples(index).map((v) => v.trim()).filter((v) => v !== '' && v !== '-');
    if (filled.length === 0) continue;
    const example = filled.find(shaped);
    if (example === undefined) return index;
    notes.push(`column ${JSON.stringify(headers[index])} holds ${rule.notOf} (${JSON.stringify(example)}), not ${rule.field}: left out`);
  }
  return -1;
}

/**
 * Maps a header row to one kind's canonical fields: `--map` first, then the preset (forced, or the best match of the
 * kind with at least three of its spellings present), then the generic aliases for what is left. Never throws for a
 * missing field: `missing` lists them (requireMapping turns that into the error).
 */
export function mapHeaders(file: string, headers: readonly string[], kind: DatasetKind, presets: readonly Preset[], options: MappingOptions): MappingAttempt {
  const fields = kind.fields;
  const columns = new Map<string, MappedColumn>();
  const used = new Set<number>();
  const notes: string[] = [];
  const guesses: string[] = [];
  const mapMisses = new Map<string, string>();
  // `spelling`: the preset's name for the column, which its units and labels are keyed by — and which, unlike
  // `MIN(First reply time (hrs))`, names the unit alone (that header's "MIN" is no minutes).
  const add = (spec: FieldSpec, index: number, via: MappedVia, preset?: Preset, spelling?: string) => {
    if (columns.has(spec.field) || used.has(index)) return;
    const header = headers[index]!;
    const named = spelling ?? header;
    const column: MappedColumn = { field: spec.field, index, header, via };
    if (spec.type === 'duration') {
      const unit = preset?.units?.[named] ?? preset?.units?.[header] ?? durationUnitFromHeader(named);
      column.unit = unit ?? 'minutes';
      if (unit === null) column.unitGuessed = true;
      if (preset?.zeroMeansNone?.includes(named) === true || preset?.zeroMeansNone?.includes(header) === true) column.zeroMeansNone = true;
    }
    const labels = preset?.answerLabels?.[named] ?? preset?.answerLabels?.[header];
    if (spec.type === 'score' && labels !== undefined) column.answerLabels = labels;
    columns.set(spec.field, column);
    used.add(index);
  };

  for (const [field, header] of Object.entries(options.map ?? {})) {
    const spec = fields.find((f) => f.field === field);
    if (spec === undefined) continue;
    const index = findMappedHeader(headers, field, header, notes);
    // Several files, one --map: a file without that header maps the field as usual, and says so.
    if (index < 0) {
      notes.push(`has no header ${JSON.stringify(header)} for --map ${field}; ${field} is mapped as usual in this file`);
      mapMisses.set(field, header);
    } else add(spec, index, 'map');
  }

  let preset: Preset | null = options.preset?.kind === kind.kind ? options.preset : null;
  if (preset === null && options.preset === undefined) {
    // Chosen on evidence: two or more spellings distinctive of the vendor, not words every export shares (issue #9).
    let bestEvidence = 1;
    for (const candidate of presets) {
      if (candidate.kind !== kind.kind) continue;
      const evidence = presetEvidence(candidate, headers).length;
      if (evidence > bestEvidence) {
        preset = candidate;
        bestEvidence = evidence;
      }
    }
  }
  const skipRules: SkipRule[] = [];
  if (preset !== null) {
    for (const [spelling, field] of preset.columns) {
      const index = findHeader(headers, spelling);
      const spec = fields.find((f) => f.field === field);
      if (index >= 0 && spec !== undefined) add(spec, index, 'preset', preset, spelling);
    }
    if (preset.aggregatorWrapped !== undefined) mapWrapped(preset, preset.aggregatorWrapped);
    for (const rule of preset.columnsByValue ?? []) {
      const spec = fields.find((f) => f.field === rule.field);
      if (spec === undefined || columns.has(rule.field) || options.samples === undefined) continue;
      const index = columnByValue(headers, rule, used, options.samples, notes);
      if (index >= 0) add(spec, index, 'preset', preset);
    }
    for (const spelling of preset.ignoreColumns ?? []) {
      const index = findHeader(headers, spelling);
      if (index >= 0) used.add(index);
    }
    for (const rule of preset.skipRows ?? []) {
      const index = findHeader(headers, rule.header);
      if (index >= 0) skipRules.push({ index, values: rule.values, reason: rule.reason });
    }
  }

  /**
   * Metric headers with their aggregator (`AVG(First reply time (min))`), for fields no bare spelling took: read as the
   * bare spelling. `COUNT(…)`, `D_COUNT(…)` are no aggregator of the list: never read as a time.
   */
  function mapWrapped(preset: Preset, aggregators: readonly string[]): void {
    for (const [spelling, field] of preset.columns) {
      const spec = fields.find((f) => f.field === field);
      if (spec === undefined || columns.has(field)) continue;
      const index = headers.findIndex((h, i) => !used.has(i) && isWrappedSpelling(h, spelling, aggregators));
      if (index >= 0) add(spec, index, 'preset', preset, spelling);
    }
  }

  const normalised = headers.map(normaliseHeader);
  for (const spec of fields) {
    for (const alias of spec.aliases) {
      const index = normalised.findIndex((h, i) => h === alias && !used.has(i));
      if (index >= 0) {
        add(spec, index, 'alias');
        break;
      }
    }
  }
  // Survey tools head a column with the question itself: the usual wordings, when exactly one header has one.
  for (const spec of fields) {
    if (spec.questions === undefined || columns.has(spec.field)) continue;
    const asking = headers.flatMap((h, i) => (!used.has(i) && spec.questions!.some((q) => q.test(h)) ? [i] : []));
    const spanned = asking.length > 1 ? spanningQuestion(asking.map((i) => headers[i]!)) : null;
    if (asking.length === 1) {
      add(spec, asking[0]!, 'alias');
      notes.push(`${spec.field} read from the question ${JSON.stringify(headers[asking[0]!])}; pass --map ${spec.field}=HEADER if another column holds it`);
    } else if (spanned !== null) {
      add(spec, asking[0]!, 'alias');
      columns.get(spec.field)!.alsoIndexes = asking.slice(1);
      for (const i of asking) used.add(i);
      notes.push(`${spec.field} read from the question ${JSON.stringify(spanned)}, one column per answer option (${asking.length}); pass --map ${spec.field}=HEADER if another column holds it`);
    } else if (asking.length > 1) {
      notes.push(`${asking.length} headers look like the ${spec.field} question (${asking.map((i) => JSON.stringify(headers[i])).join(', ')}): pass --map ${spec.field}=HEADER to say which`);
    }
  }
  const missing = missingFields(kind, columns).filter((f) => !(options.provided ?? []).includes(`${kind.kind}.${f}`));
  return { kind, preset, columns, skipRules, notes, guesses, missing, mapMisses };
}

/** Required fields without a column; for a required-one-of group, those of the group closest to complete. */
function missingFields(kind: DatasetKind, columns: ReadonlyMap<string, MappedColumn>): string[] {
  const missing = kind.fields.filter((f) => f.required && !columns.has(f.field)).map((f) => f.field);
  if (kind.requiredOneOf !== undefined) {
    const lacking = kind.requiredOneOf.map((group) => group.filter((f) => !columns.has(f)));
    if (!lacking.some((l) => l.length === 0)) {
      const nearest = lacking.reduce((best, l) => (l.length < best.length ? l : best));
      missing.push(nearest.length === 1 && lacking.length > 1 ? lacking.map((l) => l.join('+')).join(' or ') : nearest.join('+'));
    }
  }
  return missing;
}

/**
 * The question several `Question - Option` headers share (SurveyMonkey's expanded layout, second-header.ts), or null
 * when they are different questions.
 */
function spanningQuestion(headers: readonly string[]): string | null {
  const first = headers[0]!;
  for (let cut = first.indexOf(' - '); cut > 0; cut = first.indexOf(' - ', cut + 1)) {
    const question = first.slice(0, cut + 3);
    if (headers.every((h) => h.startsWith(question) && h.length > question.length)) return question.slice(0, -3);
  }
  return null;
}

/** The header `--map field=Header` names in `headers` (as the mapping finds it), or -1: for explaining a --map that took no column. */
export function mappedHeaderIndex(headers: readonly string[], header: string): number {
  return findMappedHeader(headers, '', header, []);
}

/**
 * The header `--map field=Header` names: exact (any case), then normalised, then — for Typeform-style question
 * headers — a unique case-insensitive substring, with a note saying which header it picked (SPEC §3). -1 when none.
 */
function findMappedHeader(headers: readonly string[], field: string, header: string, notes: string[]): number {
  let index = findHeader(headers, header);
  if (index < 0) index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
  if (index < 0) {
    const wanted = plainHeader(header).toLowerCase();
    const matches = headers.map((h, i) => [h, i] as const).filter(([h]) => plainHeader(h).toLowerCase().includes(wanted));
    if (matches.length === 1) {
      index = matches[0]![1];
      notes.push(`--map ${field}=${JSON.stringify(header)} picked the header ${JSON.stringify(matches[0]![0])}`);
    }
  }
  return index;
}

/**
 * The mapping, or an InputError naming every missing field at once, the headers found, and per field the header
 * that most likely means it (shared words and synonyms) with the `--map` to type.
 */
export function requireMapping(file: string, headers: readonly string[], attempt: MappingAttempt): Mapping {
  if (attempt.missing.length === 0) return attempt;
  throw new InputError({ code: 'MISSING_COLUMN', file, reason: `${missingSentence(attempt)}; headers found: ${listHeaders(headers)}`, hint: suggestionHint(headers, attempt) });
}

/** `has no column for the required field created_at` / `…fields created_at, id`. */
export function missingSentence(attempt: MappingAttempt): string {
  const fields = attempt.missing;
  const misses = [...attempt.mapMisses].filter(([field]) => fields.some((m) => m.split(/\+| or /).includes(field)));
  const unmatched = misses.map(([field, header]) => ` (--map ${field}=${JSON.stringify(header)} matches no header)`).join('');
  return `has no column for the required field${fields.length === 1 ? '' : 's'} ${fields.join(', ')}${unmatched}`;
}

/** `did you mean "Create date"? pass --map created_at="Create date"`, per missing field that has a likely header. */
export function suggestionHint(headers: readonly string[], attempt: MappingAttempt): string {
  const used = new Set([...attempt.columns.values()].map((c) => c.index));
  const maps: string[] = [];
  const guesses: string[] = [];
  for (const missing of attempt.missing) {
    // `survey+score or csat or nps or ces`: the field of the group that some header most likely means.
    let best: { field: string; suggestion: Suggestion } | undefined;
    for (const field of missing.split(/\+| or /)) {
      const spec = attempt.kind.fields.find((f) => f.field === field);
      const suggestion = spec === undefined ? undefined : suggestHeader(spec, headers, used);
      if (suggestion !== undefined && (best === undefined || isBetter(suggestion, best.suggestion))) best = { field, suggestion };
    }
    if (best === undefined) continue;
    used.add(headers.indexOf(best.suggestion.header));
    guesses.push(JSON.stringify(best.suggestion.header));
    maps.push(`--map ${best.field}=${JSON.stringify(best.suggestion.header)}`);
    // Other one-field alternatives a header clearly names (a survey file with both a CSAT and an NPS question).
    for (const field of missing.split(' or ').filter((f) => !f.includes('+') && f !== best.field)) {
      const spec = attempt.kind.fields.find((f) => f.field === field);
      const suggestion = spec === undefined ? undefined : suggestHeader(spec, headers, used);
      if (suggestion === undefined || suggestion.share < 0.5) continue;
      used.add(headers.indexOf(suggestion.header));
      guesses.push(JSON.stringify(suggestion.header));
      maps.push(`--map ${field}=${JSON.stringify(suggestion.header)}`);
    }
  }
  if (maps.length === 0) return `name the column${attempt.missing.length === 1 ? '' : 's'} with --map ${attempt.missing.map((m) => `${m.split(/\+| or /)[0]}=HEADER`).join(' --map ')}`;
  return `did you mean ${guesses.join(', ')}? pass ${maps.join(' ')}`;
}

export function listHeaders(headers: readonly string[]): string {
  // A binary file's "headers" can be kilobytes long: each is cut, so the message stays one readable line.
  const shown = headers.slice(0, 40).map((h) => JSON.stringify(h.length > 60 ? `${h.slice(0, 57)}…` : h));
  return shown.join(', ') + (headers.length > 40 ? `, … (${headers.length} in all)` : '');
}

/** Checks that every `--map` field belongs to some kind (a typo is a usage error, not silently ignored). */
export function checkMapFields(map: Readonly<Record<string, string>>, kinds: readonly DatasetKind[]): void {
  const known = new Set(kinds.flatMap((k) => k.fields.map((f) => f.field)));
  for (const field of Object.keys(map)) {
    if (!known.has(field)) throw new UsageError(`--map ${field}=${map[field]}: unknown field ${JSON.stringify(field)}; fields are ${[...known].join(', ')}`);
  }
}
