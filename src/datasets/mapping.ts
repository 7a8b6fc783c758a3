import { InputError, UsageError } from '../errors.js';
import type { Preset } from '../presets/index.js';
import { durationUnitFromHeader, type DurationUnit } from '../read/duration.js';

/** A canonical field of a data set and the generic header spellings that mean it (SPEC §2). */
export interface FieldSpec {
  field: string;
  required: boolean;
  /** Whether the column holds a duration (its unit then comes from the header or the preset). */
  duration?: boolean;
  /** Generic spellings, already normalised with normaliseHeader. */
  aliases: readonly string[];
}

export interface MappedColumn {
  field: string;
  /** 0-based index in the header row; the error column is index + 1. */
  index: number;
  header: string;
  unit?: DurationUnit;
  zeroMeansNone?: boolean;
  /** How the column was found, for `validate` and the notes. */
  via: 'map' | 'preset' | 'alias';
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
}

/**
 * The key a header is matched by in the generic aliases: lower case, without text in brackets (units, time zones,
 * `[list]`) and without spaces, `_`, `-`, `.` — so `Created At`, `created_at` and `Created-at` are one.
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/[\s_\-.:,]+/g, '')
    .replace(/^\ufeff/, '');
}

function findHeader(headers: readonly string[], spelling: string): number {
  const wanted = spelling.toLowerCase();
  return headers.findIndex((h) => h.toLowerCase() === wanted);
}

/** How many of a preset's spellings the header row holds. */
export function presetScore(preset: Preset, headers: readonly string[]): number {
  const lower = new Set(headers.map((h) => h.toLowerCase()));
  return preset.columns.filter(([h]) => lower.has(h.toLowerCase())).length;
}

/**
 * How many cells of a candidate header row name a known column (a preset spelling, a generic alias, or a header
 * named in `--map`): used to find the header row after preamble lines.
 */
export function knownHeaderCount(cells: readonly string[], fields: readonly FieldSpec[], presets: readonly Preset[], mapped: readonly string[] = []): number {
  const aliases = new Set(fields.flatMap((f) => f.aliases));
  const spellings = new Set([...presets.flatMap((p) => p.columns.map(([h]) => h)), ...mapped].map((h) => h.toLowerCase()));
  return cells.filter((c) => spellings.has(c.trim().toLowerCase()) || aliases.has(normaliseHeader(c))).length;
}

export interface MappingOptions {
  /** `--preset NAME`. */
  preset?: Preset | undefined;
  /** `--map field=Header`, field → header. */
  map?: Readonly<Record<string, string>> | undefined;
}

/**
 * Maps a header row to canonical fields: `--map` first, then the preset (forced, or the best match with at least
 * three of its spellings present), then the generic aliases for what is left. A missing required field is an
 * InputError that names the field, lists the headers found and suggests the closest one.
 */
export function resolveMapping(file: string, headers: readonly string[], fields: readonly FieldSpec[], presets: readonly Preset[], options: MappingOptions): Mapping {
  const known = new Set(fields.map((f) => f.field));
  const columns = new Map<string, MappedColumn>();
  const used = new Set<number>();
  const notes: string[] = [];
  const specOf = (field: string) => fields.find((f) => f.field === field);
  const add = (field: string, index: number, via: MappedColumn['via'], preset?: Preset) => {
    if (columns.has(field) || used.has(index)) return;
    const header = headers[index]!;
    const column: MappedColumn = { field, index, header, via };
    if (specOf(field)?.duration) {
      column.unit = preset?.units?.[header] ?? durationUnitFromHeader(header) ?? 'minutes';
      if (preset?.zeroMeansNone?.includes(header)) column.zeroMeansNone = true;
    }
    columns.set(field, column);
    used.add(index);
  };

  for (const [field, header] of Object.entries(options.map ?? {})) {
    if (!known.has(field)) throw new UsageError(`--map ${field}=${header}: unknown field ${JSON.stringify(field)}; fields are ${[...known].join(', ')}`);
    let index = findHeader(headers, header);
    if (index < 0) index = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
    if (index < 0) {
      // Typeform-style question headers: a case-insensitive substring picks the column (SPEC §3), and we say which.
      const matches = headers.map((h, i) => [h, i] as const).filter(([h]) => h.toLowerCase().includes(header.toLowerCase()));
      if (matches.length === 1) {
        index = matches[0]![1];
        notes.push(`--map ${field}=${JSON.stringify(header)} picked the header ${JSON.stringify(matches[0]![0])}`);
      }
    }
    if (index < 0) {
      throw new InputError({ file, reason: `has no column ${JSON.stringify(header)} for --map ${field}`, hint: `headers found: ${listHeaders(headers)}` });
    }
    add(field, index, 'map');
  }

  let preset: Preset | null = options.preset ?? null;
  if (preset === null) {
    let bestScore = 2; // fewer than three matching spellings is a generic file that shares a few common names
    for (const candidate of presets) {
      const score = presetScore(candidate, headers);
      if (score > bestScore) {
        preset = candidate;
        bestScore = score;
      }
    }
  }
  const skipRules: SkipRule[] = [];
  if (preset !== null) {
    for (const [spelling, field] of preset.columns) {
      const index = findHeader(headers, spelling);
      if (index >= 0) add(field, index, 'preset', preset);
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

  const normalised = headers.map(normaliseHeader);
  for (const spec of fields) {
    for (const alias of spec.aliases) {
      const index = normalised.findIndex((h, i) => h === alias && !used.has(i));
      if (index >= 0) {
        add(spec.field, index, 'alias');
        break;
      }
    }
  }

  for (const spec of fields) {
    if (spec.required && !columns.has(spec.field)) {
      const closest = closestHeader(spec, headers, used);
      throw new InputError({
        file,
        reason: `has no column for the required field ${spec.field}; headers found: ${listHeaders(headers)}`,
        hint: closest === undefined ? `name the column with --map ${spec.field}=HEADER` : `did you mean ${JSON.stringify(closest)}? pass --map ${spec.field}=${JSON.stringify(closest)}`,
      });
    }
  }
  return { preset, columns, skipRules, notes };
}

function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, 40).map((h) => JSON.stringify(h));
  return shown.join(', ') + (headers.length > 40 ? `, … (${headers.length} in all)` : '');
}

/** The unmapped header nearest (edit distance on normalised text) to any alias of the field. */
function closestHeader(spec: FieldSpec, headers: readonly string[], used: ReadonlySet<number>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const key = normaliseHeader(header);
    if (key === '') return;
    for (const alias of spec.aliases) {
      const distance = editDistance(key, alias) / Math.max(key.length, alias.length);
      if (distance < bestDistance) {
        best = header;
        bestDistance = distance;
      }
    }
  });
  return bestDistance <= 0.6 ? best : undefined;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
