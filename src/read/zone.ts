import { tzOffset } from '@date-fns/tz';
import { UsageError } from '../errors.js';

/** Offsets change at most every quarter hour; caching per quarter keeps Intl out of the per-row path. */
const CACHE_STEP_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;
/** The day cache spans 1900–2199: one slot per day, no hashing in the per-row path. */
const DAY_CACHE_FIRST = -25_567;
const DAY_CACHE_LENGTH = 109_573;

/** The offset caches of one zone name, shared by every Zone of that name (one per column reads the same offsets). */
interface OffsetCaches {
  offsets: Map<number, number>;
  dayOffsets: Float64Array;
}
const CACHES = new Map<string, OffsetCaches>();

/**
 * Converts wall-clock times in one IANA zone (the `--tz` of timestamps written without an offset) to UTC instants,
 * correct across DST changes. A wall time skipped by a spring-forward gap resolves with the offset before the gap;
 * a repeated autumn hour resolves to its first occurrence. Each instance counts the wall times it had to settle so
 * (`repeated`, `skipped`, with the first of each): counted only on the careful path near a transition, so UTC, zones
 * without DST and every other day cost nothing more. Instances of one name share their offset caches.
 */
export class Zone {
  readonly name: string;
  private readonly isUtc: boolean;
  private readonly offsets: Map<number, number>;
  /**
   * Per calendar day (days since 1970, from DAY_CACHE_FIRST), the offset when it is the same all day and the day
   * before and after; NaN = not yet known, Infinity = a transition is near (take the careful path).
   */
  private readonly dayOffsets: Float64Array;
  /** Wall times in an hour repeated when clocks went back (read as its first occurrence), and the first of them. */
  repeated = 0;
  firstRepeated = Number.NaN;
  /** Wall times in an hour skipped when clocks went forward (read with the offset before the gap), and the first. */
  skipped = 0;
  firstSkipped = Number.NaN;

  constructor(name: string) {
    this.name = name;
    this.isUtc = name === 'UTC' || name === 'Etc/UTC';
    if (!this.isUtc) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
      } catch {
        throw new UsageError(`${JSON.stringify(name)} is not a time zone; use an IANA name such as Europe/Moscow or UTC`);
      }
    }
    let caches = CACHES.get(name);
    if (caches === undefined) CACHES.set(name, (caches = { offsets: new Map(), dayOffsets: new Float64Array(this.isUtc ? 0 : DAY_CACHE_LENGTH).fill(Number.NaN) }));
    this.offsets = caches.offsets;
    this.dayOffsets = caches.dayOffsets;
  }

  /** Offset from UTC in milliseconds at the UTC instant `utcMs`. */
  offsetAt(utcMs: number): number {
    if (this.isUtc) return 0;
    const bucket = Math.floor(utcMs / CACHE_STEP_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = tzOffset(this.name, new Date(bucket * CACHE_STEP_MS)) * 60_000;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** The wall-clock date and time at instant `utcMs`, as a Date whose UTC fields are the wall fields. */
  wallDate(utcMs: number): Date {
    return new Date(utcMs + this.offsetAt(utcMs));
  }

  /**
   * Midnight at the start of a wall day in this zone (month 0-based; days and months past their range roll over, as
   * Date.UTC does): calendar arithmetic on days, never 24-hour steps, so a DST day is 23 or 25 hours.
   */
  midnight(year: number, month: number, day: number): number {
    return this.toUtc(Date.UTC(year, month, day));
  }

  /** UTC instant of the wall-clock time whose fields, read as if UTC, give `wallMs`. */
  toUtc(wallMs: number): number {
    if (this.isUtc) return wallMs;
    const slot = Math.floor(wallMs / DAY_MS) - DAY_CACHE_FIRST;
    if (slot >= 0 && slot < DAY_CACHE_LENGTH) {
      let offset = this.dayOffsets[slot]!;
      if (Number.isNaN(offset)) {
        const dayStart = (slot + DAY_CACHE_FIRST) * DAY_MS;
        const before = this.offsetAt(dayStart - DAY_MS);
        offset = before === this.offsetAt(dayStart + 2 * DAY_MS) && before === this.offsetAt(dayStart + DAY_MS / 2) ? before : Number.POSITIVE_INFINITY;
        this.dayOffsets[slot] = offset;
      }
      if (offset !== Number.POSITIVE_INFINITY) return wallMs - offset;
    }
    return this.toUtcNearTransition(wallMs);
  }

  private toUtcNearTransition(wallMs: number): number {
    // The offsets a day before and after bracket any transition near this wall time.
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    const early = wallMs - before;
    const earlyFits = this.offsetAt(early) === before;
    if (before === after) return earlyFits ? early : wallMs - this.offsetAt(early);
    const late = wallMs - after;
    const lateFits = this.offsetAt(late) === after;
    if (earlyFits && lateFits) {
      // The repeated autumn hour: its first occurrence.
      if (this.repeated++ === 0) this.firstRepeated = wallMs;
      return Math.min(early, late);
    }
    if (earlyFits) return early;
    if (lateFits) return late;
    // A spring-forward gap: read with the offset in force before it.
    if (this.skipped++ === 0) this.firstSkipped = wallMs;
    return early;
  }

  /**
   * The DST transition nearest the wall time `wallMs` (within a day): the wall hour it repeats or skips,
   * [from, to) as wall ms, and the offsets before and after it (ms); null when there is none.
   */
  transitionNear(wallMs: number): { from: number; to: number; before: number; after: number } | null {
    if (this.isUtc) return null;
    let previous = this.offsetAt(wallMs - DAY_MS);
    for (let t = Math.floor((wallMs - DAY_MS) / CACHE_STEP_MS) * CACHE_STEP_MS; t <= wallMs + DAY_MS; t += CACHE_STEP_MS) {
      const offset = this.offsetAt(t);
      if (offset !== previous) return { from: t + Math.min(previous, offset), to: t + Math.max(previous, offset), before: previous, after: offset };
      previous = offset;
    }
    return null;
  }
}

export const UTC = new Zone('UTC');

/**
 * The zone a header names for its column: `Start (UTC)` (Stripe), `Conversation started at (Europe/Berlin)`
 * (Intercom) — the column's times are in it, whatever `--tz` says (SPEC §2). Null when the header names none or an
 * unknown one.
 */
export function zoneInHeader(header: string): string | null {
  const m = /\((UTC|GMT|Z|Etc\/[A-Za-z0-9+-]+|[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+)\)/.exec(header);
  if (m === null) return null;
  const name = m[1] === 'GMT' || m[1] === 'Z' ? 'UTC' : m[1]!;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}
