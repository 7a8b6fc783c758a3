import { tzOffset } from '@date-fns/tz';
import { UsageError } from '../errors.js';

/** Offsets change at most every quarter hour; caching per quarter keeps Intl out of the per-row path. */
const CACHE_STEP_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;

/**
 * Converts wall-clock times in one IANA zone (the `--tz` of timestamps written without an offset) to UTC instants,
 * correct across DST changes. A wall time skipped by a spring-forward gap resolves with the offset before the gap;
 * a repeated autumn hour resolves to its first occurrence.
 */
export class Zone {
  readonly name: string;
  private readonly isUtc: boolean;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    this.name = name;
    this.isUtc = name === 'UTC' || name === 'Etc/UTC';
    if (!this.isUtc) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: name });
      } catch {
        throw new UsageError(`--tz ${JSON.stringify(name)} is not a time zone; use an IANA name such as Europe/Moscow or UTC`);
      }
    }
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

  /** UTC instant of the wall-clock time whose fields, read as if UTC, give `wallMs`. */
  toUtc(wallMs: number): number {
    if (this.isUtc) return wallMs;
    // The offsets a day before and after bracket any transition near this wall time.
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    const early = wallMs - before;
    const earlyFits = this.offsetAt(early) === before;
    if (before === after) return earlyFits ? early : wallMs - this.offsetAt(early);
    const late = wallMs - after;
    const lateFits = this.offsetAt(late) === after;
    if (earlyFits && lateFits) return Math.min(early, late); // the repeated autumn hour: its first occurrence
    if (earlyFits) return early;
    if (lateFits) return late;
    return early; // a spring-forward gap: read with the offset in force before it
  }
}

export const UTC = new Zone('UTC');
