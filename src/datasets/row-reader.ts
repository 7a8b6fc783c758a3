import iconv from 'iconv-lite';
import type { z } from 'zod';
import { fieldText, type CsvRecord } from '../read/csv-tokenizer.js';
import { fieldDecoder, isAsciiCompatible, type FieldDecoder } from '../read/encoding.js';
import { cellText, type SheetCell } from '../read/source.js';
import { TIMESTAMP_FORMAT_LABELS } from '../read/timestamp.js';
import { Zone } from '../read/zone.js';
import { sketchColumn, type ColumnSketch } from '../stats/column-sketch.js';
import { ValueSource } from '../value-source.js';
import { CodeReader, isEmptyField, isEmptyText, scalarReader, type ScalarReader } from './column-readers.js';
import { CodeColumn, Float64Column, Uint32Column, Uint8Column } from './columns.js';
import type { DatasetKind } from './kind.js';
import { kindNamed } from './kinds.js';
import type { ColumnPlan, FilePlan } from './plan.js';
import { numericId } from './row-ids.js';
import { recordBuilder, type RecordBuilder } from './record-builder.js';
import { compileRowCheck, pickedSchema, type RowCheck } from './row-check.js';
import type { TextColumn } from './text-codes.js';

/** A row rejected while reading a part; the file and column are added when parts are merged. */
export interface PartRejection {
  line: number;
  field: string;
  value: string;
  reason: string;
  message: string;
}

/**
 * The rows of one part of a file (all of it, or one half of a parallel CSV read): validated, in typed columns, keys
 * kept for the repeat check that runs after all parts are merged. Plain data and typed arrays, so a worker can post
 * it back.
 */
export interface DatasetPart {
  rows: number;
  skipped: number;
  /** Of `skipped`, the rows each of the plan's skip rules took (by rule). */
  skippedByRule: number[];
  rejections: PartRejection[];
  /** Instants, dates, months (epoch ms), durations (s) and numbers, by field; NaN = empty. */
  numbers: Record<string, Float64Array>;
  /** Derived durations (ElapsedSpec) in seconds (NaN = none), where each came from (ValueSource), and their sketch. */
  elapsed: Record<string, { seconds: Float64Array; source: Uint8Array; sketch: ColumnSketch }>;
  texts: Record<string, TextColumn>;
  /** Per kept row the numeric key, or NaN when it is text (then it is the next entry of `textIds`); empty without a key. */
  numericIds: Float64Array;
  textIds: string[];
  lineOfRow: Uint32Array;
  /** The first row of this part's region of shared columns (SharedOutput), or null when it wrote private arrays. */
  sharedFrom: number | null;
  /** Per time column, the wall times without an offset its zone had to settle (a repeated or skipped DST hour). */
  zoneReadings: ZoneReading[];
}

/**
 * Wall times of one column that its zone read by rule rather than by fact: in the hour repeated when clocks went
 * back (read as its first occurrence) or skipped when they went forward (read with the offset before the gap). The
 * first of each as wall ms (UTC fields = the wall fields), NaN when none.
 */
export interface ZoneReading {
  field: string;
  zone: string;
  repeated: number;
  firstRepeated: number;
  skipped: number;
  firstSkipped: number;
}

/** Where a part of a parallel read writes its rows: rows [from, to) of one shared buffer per typed column. */
export interface SharedOutput {
  buffers: Record<string, SharedArrayBuffer>;
  from: number;
  to: number;
}

/**
 * Rows like `Total: 1,234` or `Итого` after the data (Google Ads, hand-kept sheets): skipped, not rejected.
 * `\b` does not work after Cyrillic letters, hence the look-ahead.
 */
const SUMMARY_ROW = /^\s*(total|totals|grand total|итого|всего)(?![\p{L}\p{N}])/iu;

/** SUMMARY_ROW or a line beginning with one of a preset's footer spellings (`Timezone:`), case aside. */
function footerRow(beginnings: readonly string[]): RegExp {
  const escaped = beginnings.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${SUMMARY_ROW.source}|^\\s*(?:${escaped.join('|')})`, 'iu');
}

/** A scalar field of the zod record and how it is filled per row. */
interface ScalarSlot {
  field: string;
  /** Its column in the row. */
  index: number;
  reader: ScalarReader;
  /** Filled only when this elapsed's export duration is empty (SPEC §3: the export's own column wins). */
  lazyFor: number;
  /** Stored as its own column (not consumed by an elapsed). */
  store: Float64Column | null;
  /** The zone its wall times are read in (its own instance, which counts the DST hours it settled), or null. */
  zone: Zone | null;
}

interface ElapsedSlot {
  name: string;
  duration: number;
  from: number;
  to: number;
  seconds: Float64Column;
  source: Uint8Column;
}

/** One cell of the current row as text (CSV bytes or a workbook cell): for skip rules, summary rows and messages. */
interface RowCells {
  count: number;
  isEmpty(index: number): boolean;
  text(index: number): string;
}

/**
 * Reads rows of one file into typed columns, with the readers built once from the plan: the hot path. CSV records
 * (byte spans) and workbook rows (typed cells) go through the same steps — skip rules, parse, the check compiled from
 * the kind's zod schema (zod itself describes a refused row), append.
 */
export class RowReader {
  private readonly kind: DatasetKind;
  private readonly plan: FilePlan;
  private readonly decode: FieldDecoder;
  private readonly slots: ScalarSlot[] = [];
  /** The current row's parsed values by slot; `empty[k]` = 1 for an empty cell (null). Typed arrays: no boxing per row. */
  private values = new Float64Array(0);
  private empty = new Uint8Array(0);
  private readonly buildRecord: RecordBuilder;
  private readonly keyField: string | null;
  private readonly elapsed: ElapsedSlot[] = [];
  private readonly codeReaders: { field: string; reader: CodeReader; codes: CodeColumn }[] = [];
  /** The code readers of score columns, whose answers are checked (a text column holds any text). */
  private readonly scoreReaders: number[];
  private readonly idColumn: ColumnPlan | null;
  /** The slot of a scalar key (finance's month), else -1. */
  private readonly keySlot: number;
  /** Required text fields (their code reader's index), checked to be filled on every row. */
  private readonly requiredCodes: number[];
  /** Required-one-of groups whose columns the file has: a row must fill every field of one of them. */
  private readonly groups: { fields: string[]; slots: number[]; codes: number[] }[];
  /** Slots read on every row, and slots read only when their elapsed's export duration is empty. */
  private readonly eagerSlots: number[];
  private readonly lazySlots: number[];
  /** The kind's zod schema over the fields read, and the check compiled from it (row-check.ts) that runs per row. */
  private readonly schema: z.ZodType;
  private readonly check: RowCheck;
  private readonly skipRules: { index: number; encoded: Buffer[]; lower: string[] }[];
  private readonly summaryKeyIndex: number;
  /** SUMMARY_ROW, or with the preset's footer lines as well (compiled once). */
  private readonly summaryRow: RegExp;
  private readonly summaryFirst: boolean;
  private readonly numericIds = new Float64Column();
  private readonly textIds: string[] = [];
  private readonly lineOfRow = new Uint32Column();
  private readonly rejections: PartRejection[] = [];
  private rows = 0;
  private skipped = 0;
  private skippedByRule: number[];
  private sharedFrom: number | null = null;

  constructor(plan: FilePlan) {
    this.plan = plan;
    this.kind = kindNamed(plan.kind);
    this.decode = fieldDecoder(plan.encoding !== null && isAsciiCompatible(plan.encoding) ? plan.encoding : 'utf-8');
    const columnOf = (field: string) => plan.columns.find((c) => c.field === field && c.read);
    const elapsedInputs = new Set((this.kind.elapsed ?? []).flatMap((e) => [e.duration, e.to]));
    // Only the fields this run reads get a slot, and zod checks only those (record.pick).
    for (const spec of this.kind.fields) {
      if (spec.type === 'text' || spec.type === 'score' || spec.type === 'id') continue;
      const column = columnOf(spec.field);
      if (column === undefined) continue;
      // A zone per column (they share their offset caches), so that each counts its own repeated and skipped hours.
      const zone = new Zone(column.zone ?? plan.zone);
      this.slots.push({
        field: spec.field,
        index: column.index,
        reader: scalarReader(column, zone, this.decode),
        lazyFor: -1,
        store: elapsedInputs.has(spec.field) ? null : new Float64Column(),
        zone: spec.type === 'instant' || spec.type === 'date' ? zone : null,
      });
    }
    // A report segmented by week or month (Google Ads' `Week`: each week's Monday; `Month`: its first day) covers the
    // whole week or month from its date.
    const dateSlot = this.slots.find((s) => s.field === 'date');
    const dateHeader = columnOf('date')?.header ?? '';
    const segment = /^(?:week|неделя)/i.test(dateHeader) ? 'week' : /^(?:month|месяц)/i.test(dateHeader) ? 'month' : null;
    if (dateSlot !== undefined && segment !== null && this.kind.fields.some((f) => f.field === 'date_end') && !this.slots.some((s) => s.field === 'date_end')) {
      const zoneOfDate = new Zone(plan.zone);
      const lastDay = (t: number | null) => (t === null || Number.isNaN(t) ? t : segment === 'week' ? zoneDaysOn(t, 6, zoneOfDate) : zoneMonthEnd(t, zoneOfDate));
      this.slots.push({ field: 'date_end', index: dateSlot.index, reader: { csv: (r) => lastDay(dateSlot.reader.csv(r)), cell: (c) => lastDay(dateSlot.reader.cell(c)) }, lazyFor: -1, store: new Float64Column(), zone: null });
    }
    // A report dated by its range line (no day column): every row covers the whole range, its last day included.
    if (plan.datedBy !== null && plan.datedBy !== undefined) {
      const { since, until } = plan.datedBy;
      const constant = (value: number): ScalarReader => ({ csv: () => value, cell: () => value });
      this.slots.push({ field: 'date', index: -1, reader: constant(since), lazyFor: -1, store: new Float64Column(), zone: null });
      this.slots.push({ field: 'date_end', index: -1, reader: constant(zoneDaysOn(until, -1, new Zone(plan.zone))), lazyFor: -1, store: new Float64Column(), zone: null });
    }
    this.values = new Float64Array(this.slots.length);
    this.empty = new Uint8Array(this.slots.length);
    const slotOf = (field: string) => this.slots.findIndex((s) => s.field === field);
    for (const e of this.kind.elapsed ?? []) {
      const slot = { name: e.name, duration: slotOf(e.duration), from: slotOf(e.from), to: slotOf(e.to), seconds: new Float64Column(), source: new Uint8Column() };
      if (slot.from < 0 || (slot.duration < 0 && slot.to < 0)) continue;
      if (slot.to >= 0 && slot.duration >= 0 && !plan.checkAll) this.slots[slot.to]!.lazyFor = slot.duration;
      this.elapsed.push(slot);
    }
    this.eagerSlots = this.slots.map((_, k) => k).filter((k) => this.slots[k]!.lazyFor < 0);
    this.lazySlots = this.slots.map((_, k) => k).filter((k) => this.slots[k]!.lazyFor >= 0);
    // The key is an id column (numbers kept as numbers, else text) or a scalar field (finance: the month).
    const keyColumn = this.kind.key === undefined ? undefined : columnOf(this.kind.key);
    this.idColumn = keyColumn?.type === 'id' ? keyColumn : null;
    this.keyField = this.idColumn === null ? null : this.kind.key!;
    this.keySlot = keyColumn !== undefined && keyColumn.type !== 'id' ? slotOf(keyColumn.field) : -1;
    this.buildRecord = recordBuilder(this.slots.map((s) => s.field), this.keyField);
    const slotFields = this.slots.map((s) => s.field);
    this.check = compileRowCheck(this.kind, slotFields, this.keyField);
    this.schema = pickedSchema(this.kind, slotFields, this.keyField);
    for (const column of plan.columns) {
      if (!column.read || (column.type !== 'text' && column.type !== 'score')) continue;
      this.codeReaders.push({ field: column.field, reader: new CodeReader(column.index, column.type === 'score', column.normalise, this.decode, column.answerLabels, column.alsoIndexes), codes: new CodeColumn() });
    }
    this.codes = new Int32Array(this.codeReaders.length);
    this.scoreReaders = this.kind.ratingsAside === true ? [] : this.codeReaders.flatMap((c, k) => (c.reader.isScore ? [k] : []));
    const codeOf = (field: string) => this.codeReaders.findIndex((c) => c.field === field);
    this.requiredCodes = this.kind.fields.filter((f) => f.required && codeOf(f.field) >= 0).map((f) => codeOf(f.field));
    this.groups = (this.kind.requiredOneOf ?? [])
      .filter((group) => group.every((field) => slotOf(field) >= 0 || codeOf(field) >= 0))
      .map((group) => ({ fields: [...group], slots: group.map(slotOf).filter((k) => k >= 0), codes: group.map(codeOf).filter((k) => k >= 0) }));
    this.skipRules = plan.skipRules.map((rule) => ({ index: rule.index, encoded: encodedSpellings(rule.values, plan.encoding ?? 'utf-8'), lower: rule.values.map((v) => v.toLowerCase()) }));
    this.skippedByRule = plan.skipRules.map(() => 0);
    const summaryKey = plan.columns.find((c) => c.field === (this.kind.key ?? this.kind.time));
    this.summaryKeyIndex = summaryKey?.index ?? -1;
    this.summaryRow = plan.footerLines === undefined || plan.footerLines.length === 0 ? SUMMARY_ROW : footerRow(plan.footerLines);
    // Without a key or time column (a report dated by its range line) a Total row would pass every check: looked for first.
    this.summaryFirst = this.summaryKeyIndex < 0 && plan.datedBy !== null && plan.datedBy !== undefined;
  }

  /** One CSV record (valid only during the call). */
  csvRecord(record: CsvRecord): void {
    this.rows++;
    const skipRules = this.skipRules;
    for (let r = 0; r < skipRules.length; r++) {
      const rule = skipRules[r]!;
      if (rule.index < record.fieldCount && matchesAny(record.bytes, record.starts[rule.index]!, record.ends[rule.index]!, rule.encoded)) {
        this.skipped++;
        this.skippedByRule[r]!++;
        return;
      }
    }
    const slots = this.slots;
    const values = this.values;
    const empty = this.empty;
    const eager = this.eagerSlots;
    for (let j = 0; j < eager.length; j++) {
      const k = eager[j]!;
      const value = slots[k]!.reader.csv(record);
      if (value === null) empty[k] = 1;
      else {
        empty[k] = 0;
        values[k] = value;
      }
    }
    const lazy = this.lazySlots;
    for (let j = 0; j < lazy.length; j++) {
      const k = lazy[j]!;
      const slot = slots[k]!;
      // Read when the export duration is empty — or 0, which stands for "none" when this timestamp is empty.
      const value = empty[slot.lazyFor] === 1 || values[slot.lazyFor] === 0 ? slot.reader.csv(record) : null;
      if (value === null) empty[k] = 1;
      else {
        empty[k] = 0;
        values[k] = value;
      }
    }
    let id: number | string | null = null;
    const idColumn = this.idColumn;
    if (idColumn !== null) {
      const i = idColumn.index;
      if (i < record.fieldCount) {
        id = numericId(record.bytes, record.starts[i]!, record.ends[i]!);
        if (Number.isNaN(id)) id = isEmptyField(record.bytes, record.starts[i]!, record.ends[i]!) ? null : fieldText(record, i, this.decode).trim();
      }
    }
    const codeReaders = this.codeReaders;
    for (let k = 0; k < codeReaders.length; k++) this.codes[k] = codeReaders[k]!.reader.csv(record);
    this.currentRecord = record;
    this.currentCells = null;
    this.finish(record.line, id);
  }

  /** One workbook or markup-table row. */
  sheetRow(line: number, cells: readonly SheetCell[]): void {
    this.rows++;
    this.currentRecord = null;
    this.currentCells = cells;
    for (let r = 0; r < this.skipRules.length; r++) {
      const rule = this.skipRules[r]!;
      if (rule.lower.includes(cellText(cells[rule.index] ?? null).trim().toLowerCase())) {
        this.skipped++;
        this.skippedByRule[r]!++;
        return;
      }
    }
    const slots = this.slots;
    for (const k of this.eagerSlots) this.setValue(k, slots[k]!.reader.cell(cells[slots[k]!.index] ?? null));
    for (const k of this.lazySlots) {
      const slot = slots[k]!;
      this.setValue(k, this.empty[slot.lazyFor] === 1 || this.values[slot.lazyFor] === 0 ? slot.reader.cell(cells[slot.index] ?? null) : null);
    }
    let id: number | string | null = null;
    if (this.idColumn !== null) id = sheetId(cells[this.idColumn.index] ?? null);
    for (let k = 0; k < this.codeReaders.length; k++) this.codes[k] = this.codeReaders[k]!.reader.cell(this.codeReaders[k]!.reader.cellOf(cells));
    this.finish(line, id);
  }

  private setValue(k: number, value: number | null): void {
    if (value === null) this.empty[k] = 1;
    else {
      this.empty[k] = 0;
      this.values[k] = value;
    }
  }

  /** The current row's text codes, by code reader. */
  private codes = new Int32Array(0);
  /** The row being read: a CSV record or a sheet row's cells; viewed as text only when a row is skipped or rejected. */
  private currentRecord: CsvRecord | null = null;
  private currentCells: readonly SheetCell[] | null = null;

  private rowCells(): RowCells {
    return this.currentRecord !== null ? csvCells(this.currentRecord, this.decode) : sheetCells(this.currentCells ?? []);
  }

  /** Validates the row's values with the kind's zod schema and appends them, or skips or rejects the row. */
  private finish(line: number, id: number | string | null): void {
    const slots = this.slots;
    const values = this.values;
    const empty = this.empty;
    if (this.summaryFirst && this.isSummaryRow(this.rowCells())) {
      this.skipped++;
      return;
    }
    // A row the compiled check refuses goes to zod, which says why (and would have the last word if they disagreed).
    if (!this.check(values, empty, id)) {
      const candidate = this.buildRecord(values, empty, id);
      const parsed = this.schema.safeParse(candidate);
      if (!parsed.success) {
        const cells = this.rowCells();
        if (this.isSummaryRow(cells) || isBlankRow(cells)) {
          this.skipped++;
          return;
        }
        const issue = parsed.error.issues[0]!;
        this.reject(line, String(issue.path[0]), candidate[String(issue.path[0])], issue.message, cells);
        return;
      }
    }
    for (let j = 0; j < this.scoreReaders.length; j++) {
      const k = this.scoreReaders[j]!;
      const { reader, field } = this.codeReaders[k]!;
      if (reader.invalid(this.codes[k]!)) {
        this.rejections.push({ line, field, value: this.rowCells().text(reader.index), reason: 'unparseable score', message: 'is not a score (a number, or a rating such as Good/Bad); fix the row or name the right column with --map' });
        return;
      }
    }
    if (this.requiredCodes.length > 0 || this.groups.length > 0) {
      const missing = this.missingRequired();
      // A survey response without any answer (an Intercom conversation nobody rated, an unfinished Typeform) is no
      // error in the file: skipped and counted.
      if (missing !== null && this.kind.unansweredIsSkipped === true && this.noGroupField()) {
        this.skipped++;
        return;
      }
      if (missing !== null) {
        const column = this.plan.columns.find((c) => c.field === missing.field)!;
        this.rejections.push({ line, field: missing.field, value: this.rowCells().text(column.index), reason: 'missing value', message: missing.message });
        return;
      }
    }
    if (this.keyField !== null) {
      if (typeof id === 'number') {
        this.numericIds.push(id);
      } else {
        this.numericIds.push(Number.NaN);
        this.textIds.push(id!);
      }
    } else if (this.keySlot >= 0) {
      this.numericIds.push(values[this.keySlot]!);
    }
    this.lineOfRow.push(line);
    for (let k = 0; k < slots.length; k++) {
      const store = slots[k]!.store;
      if (store !== null) store.push(empty[k] === 1 ? Number.NaN : values[k]!);
    }
    const elapsed = this.elapsed;
    for (let j = 0; j < elapsed.length; j++) {
      const e = elapsed[j]!;
      // A zero duration beside an empty timestamp of the same event means "none" (Freshdesk writes `00:00:00` in its
      // hour columns for a ticket never answered or resolved, SPEC §3): the timestamp column says whether it happened.
      const zeroWithoutEvent = e.duration >= 0 && empty[e.duration] === 0 && values[e.duration] === 0 && e.to >= 0 && empty[e.to] === 1;
      if (e.duration >= 0 && empty[e.duration] === 0 && !zeroWithoutEvent) {
        e.seconds.push(values[e.duration]!);
        e.source.push(ValueSource.exportColumn);
      } else if (e.to >= 0 && empty[e.to] === 0) {
        e.seconds.push((values[e.to]! - values[e.from]!) / 1000);
        e.source.push(ValueSource.timestamps);
      } else {
        e.seconds.push(Number.NaN);
        e.source.push(ValueSource.none);
      }
    }
    for (let k = 0; k < this.codeReaders.length; k++) this.codeReaders[k]!.codes.push(this.codes[k]!);
  }

  /** Whether every field of every required-one-of group is empty in this row. */
  private noGroupField(): boolean {
    return this.groups.every((g) => g.slots.every((k) => this.empty[k] === 1) && g.codes.every((k) => this.codes[k] === 0 || this.codeReaders[k]!.reader.isScore === false));
  }

  /** The first required text field left empty, or — when no required-one-of group is filled — the group's first empty field. */
  private missingRequired(): { field: string; message: string } | null {
    for (const k of this.requiredCodes) if (this.codes[k] === 0) return { field: this.codeReaders[k]!.field, message: 'is missing' };
    if (this.groups.length === 0) return null;
    const filled = (group: (typeof this.groups)[number]) => group.slots.every((k) => this.empty[k] === 0) && group.codes.every((k) => this.codes[k] !== 0);
    if (this.groups.some(filled)) return null;
    const first = this.groups[0]!;
    const emptyField = first.fields.find((field) => {
      const slot = this.slots.findIndex((s) => s.field === field);
      return slot >= 0 ? this.empty[slot] === 1 : this.codes[this.codeReaders.findIndex((c) => c.field === field)] === 0;
    })!;
    return { field: emptyField, message: `is missing (a row needs ${this.groups.map((g) => g.fields.join(' and ')).join(', or ')})` };
  }

  /**
   * A summary row: its first non-empty cell says Total/Итого/Всего and it holds no key (or time) of its own — so a
   * real ticket from requester "Total Wine & More" is still rejected, not hidden.
   */
  private isSummaryRow(cells: RowCells): boolean {
    let first = 0;
    while (first < cells.count && cells.isEmpty(first)) first++;
    if (first >= cells.count || !this.summaryRow.test(cells.text(first))) return false;
    const key = this.summaryKeyIndex;
    return key < 0 || first === key || key >= cells.count || cells.isEmpty(key);
  }

  private reject(line: number, field: string, value: unknown, zodMessage: string, cells: RowCells): void {
    const column = this.plan.columns.find((c) => c.field === field);
    const raw = column === undefined ? '' : cells.text(column.index);
    const { reason, message } = describeIssue(column, value, zodMessage, raw);
    this.rejections.push({ line, field, value: raw, reason, message });
  }

  /** The typed columns this reader appends to (text codes aside), by name, with bytes per row: for sharedColumns. */
  typedColumns(): Map<string, Float64Column | Uint8Column | Uint32Column> {
    const columns = new Map<string, Float64Column | Uint8Column | Uint32Column>();
    for (const slot of this.slots) if (slot.store !== null) columns.set(`numbers.${slot.field}`, slot.store);
    for (const e of this.elapsed) {
      columns.set(`elapsed.${e.name}.seconds`, e.seconds);
      columns.set(`elapsed.${e.name}.source`, e.source);
    }
    if (this.keyField !== null || this.keySlot >= 0) columns.set('numericIds', this.numericIds);
    columns.set('lineOfRow', this.lineOfRow);
    return columns;
  }

  /** Appends rows [from, to) of shared buffers (one per typed column, by name) instead of private arrays. */
  writeInto(output: SharedOutput): void {
    this.sharedFrom = output.from;
    for (const [name, column] of this.typedColumns()) {
      const buffer = output.buffers[name];
      if (buffer === undefined) continue;
      if (column instanceof Float64Column) column.writeInto(new Float64Array(buffer, output.from * 8, output.to - output.from));
      else if (column instanceof Uint32Column) column.writeInto(new Uint32Array(buffer, output.from * 4, output.to - output.from));
      else column.writeInto(new Uint8Array(buffer, output.from, output.to - output.from));
    }
  }

  /** The part read so far, as plain data and typed arrays. */
  part(): DatasetPart {
    const numbers: Record<string, Float64Array> = {};
    for (const slot of this.slots) if (slot.store !== null) numbers[slot.field] = slot.store.values();
    const elapsed: DatasetPart['elapsed'] = {};
    // Sketched here, in the thread that read the part: the report's tail then needs one pass per duration, not two.
    for (const e of this.elapsed) {
      const seconds = e.seconds.values();
      elapsed[e.name] = { seconds, source: e.source.values(), sketch: sketchColumn(seconds) };
    }
    const texts: Record<string, TextColumn> = {};
    for (const { field, reader, codes } of this.codeReaders) texts[field] = { codes: codes.values(), values: reader.codes.values };
    const zoneReadings: ZoneReading[] = [];
    for (const { field, zone } of this.slots) {
      if (zone !== null && zone.repeated + zone.skipped > 0) zoneReadings.push({ field, zone: zone.name, repeated: zone.repeated, firstRepeated: zone.firstRepeated, skipped: zone.skipped, firstSkipped: zone.firstSkipped });
    }
    return { rows: this.rows, skipped: this.skipped, skippedByRule: this.skippedByRule, rejections: this.rejections, numbers, elapsed, texts, numericIds: this.numericIds.values(), textIds: this.textIds, lineOfRow: this.lineOfRow.values(), sharedFrom: this.sharedFrom, zoneReadings };
  }
}

/** Midnight `days` calendar days after the midnight t in `zone`. */
function zoneDaysOn(t: number, days: number, zone: Zone): number {
  const wall = zone.wallDate(t);
  return zone.midnight(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days);
}

/** Midnight of the last day of the month holding t, in `zone`. */
function zoneMonthEnd(t: number, zone: Zone): number {
  const wall = zone.wallDate(t);
  return zone.midnight(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 0);
}

/** A key cell of a workbook: whole numbers as numbers (ids are compared as numbers in bulk), other text trimmed. */
function sheetId(cell: SheetCell): number | string | null {
  if (cell === null) return null;
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e15) return cell;
  const text = cellText(cell).trim();
  if (isEmptyText(text)) return null;
  // The same rule as a CSV cell's id (numericId): all digits, no leading zero, at most 15.
  const bytes = Buffer.from(text, 'utf8');
  const numeric = numericId(bytes, 0, bytes.length);
  return Number.isNaN(numeric) ? text : numeric;
}

/** Turns a zod issue on one field into the reason code and the sentence users read. */
function describeIssue(column: ColumnPlan | undefined, value: unknown, zodMessage: string, raw: string): { reason: string; message: string } {
  // --decimal helps only a number whose separator was misread (`4,5`, `1.234,5`); other text wants the row fixed.
  const numberHint = /\d[.,]\d/.test(raw) ? 'fix the row or pass --decimal' : 'fix the row (leave the cell empty when there is no value)';
  if (value === null || value === undefined) return { reason: 'missing value', message: 'is missing' };
  if (zodMessage === 'response before creation' || zodMessage === 'resolution before creation') {
    return { reason: zodMessage, message: `is before created_at (${zodMessage}); fix the row or check --tz` };
  }
  if (zodMessage === 'end before start') return { reason: zodMessage, message: 'is before started_at (end before start); fix the row or check --tz' };
  if (typeof value === 'number' && Number.isNaN(value)) {
    switch (column?.type) {
      case 'instant':
      case 'date':
        return { reason: 'unparseable timestamp', message: `is not a timestamp (expected ${TIMESTAMP_FORMAT_LABELS[column.format ?? 'iso']}); fix the row or pass --date-format` };
      case 'month':
        return { reason: 'unparseable month', message: 'is not a month (expected e.g. 2026-01, 01.2026 or Jan 2026); fix the row' };
      case 'duration':
        return { reason: 'unparseable number', message: `is not a number of ${column.unit ?? 'minutes'}; ${numberHint}` };
      default:
        return { reason: 'unparseable number', message: `is not a number; ${numberHint}` };
    }
  }
  if (typeof value === 'number' && value < 0) {
    if (zodMessage === 'negative duration') return { reason: zodMessage, message: 'is a negative duration' };
    return { reason: zodMessage, message: `is negative (${zodMessage}); fix the row` };
  }
  return { reason: 'invalid value', message: zodMessage };
}

function csvCells(record: CsvRecord, decode: FieldDecoder): RowCells {
  return {
    count: record.fieldCount,
    isEmpty: (i) => i >= record.fieldCount || isEmptyField(record.bytes, record.starts[i]!, record.ends[i]!),
    text: (i) => fieldText(record, i, decode),
  };
}

function sheetCells(cells: readonly SheetCell[]): RowCells {
  return {
    count: cells.length,
    isEmpty: (i) => isEmptyText(cellText(cells[i] ?? null)),
    text: (i) => cellText(cells[i] ?? null),
  };
}

/** A record whose every cell is empty (`;;;;` lines Excel leaves at the end of a sheet). */
function isBlankRow(cells: RowCells): boolean {
  for (let i = 0; i < cells.count; i++) if (!cells.isEmpty(i)) return false;
  return true;
}

/** A skip value (`да`) in the spellings a file may hold (`да`, `Да`, `ДА`), encoded as the file is: compared as bytes. */
function encodedSpellings(values: readonly string[], encoding: string): Buffer[] {
  const spellings = values.flatMap((v) => [v.toLowerCase(), v.toUpperCase(), v.charAt(0).toUpperCase() + v.slice(1).toLowerCase()]);
  const target = isAsciiCompatible(encoding) ? encoding : 'utf-8'; // UTF-16 input reaches the tokenizer as UTF-8
  return [...new Set(spellings)].map((s) => iconv.encode(s, target));
}

/** Whether bytes [start, end), spaces trimmed, equal one of the candidates. */
function matchesAny(bytes: Buffer, start: number, end: number, candidates: readonly Buffer[]): boolean {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  for (const candidate of candidates) {
    if (candidate.length === end - start && bytes.compare(candidate, 0, candidate.length, start, end) === 0) return true;
  }
  return false;
}
