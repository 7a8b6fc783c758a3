import { Zone } from '../read/zone.js';
import type { FilePlan } from './plan.js';
import type { DatasetPart, ZoneReading } from './row-reader.js';

/**
 * The report warnings of one file's wall times that its zone read by rule, not by fact (no number confidently wrong):
 * per column, the times in an hour repeated when clocks went back (read as the first occurrence) and the times that do
 * not exist (skipped when clocks went forward; read with the offset before the gap), with how many, an example, the
 * hour and how it was read. The counts come from the readers of all the file's parts (row-reader.ts ZoneReading).
 */
export function zoneReadingWarnings(plan: FilePlan, parts: readonly DatasetPart[]): string[] {
  const byField = new Map<string, ZoneReading>();
  for (const part of parts) {
    for (const r of part.zoneReadings) {
      const seen = byField.get(r.field);
      if (seen === undefined) byField.set(r.field, { ...r });
      else {
        // Parts are in file order: the first part's example is the file's first.
        if (Number.isNaN(seen.firstRepeated)) seen.firstRepeated = r.firstRepeated;
        if (Number.isNaN(seen.firstSkipped)) seen.firstSkipped = r.firstSkipped;
        seen.repeated += r.repeated;
        seen.skipped += r.skipped;
      }
    }
  }
  const warnings: string[] = [];
  for (const reading of byField.values()) {
    const header = plan.columns.find((c) => c.field === reading.field)?.header ?? reading.field;
    const where = `${plan.file}: ${JSON.stringify(header)} has`;
    const zone = new Zone(reading.zone);
    if (reading.repeated > 0) warnings.push(`${where} ${repeatedText(zone, reading.repeated, reading.firstRepeated)} — an export with offsets removes the doubt`);
    if (reading.skipped > 0) warnings.push(`${where} ${skippedText(zone, reading.skipped, reading.firstSkipped)} — an export with offsets removes the doubt`);
  }
  return warnings;
}

/** `1 time in the hour repeated when clocks went back (2026-10-25 02:00–03:00 Europe/Berlin, e.g. 02:30:00), read as the first (summer time, +02:00)` */
export function repeatedText(zone: Zone, count: number, wallMs: number): string {
  const t = zone.transitionNear(wallMs);
  const times = `${count} time${count === 1 ? '' : 's'}`;
  if (t === null) return `${times} in an hour repeated when clocks went back (e.g. ${wallText(wallMs)} ${zone.name}), read as the first`;
  // The first occurrence is read with the offset before the change.
  return `${times} in the hour repeated when clocks went back (${hourText(t.from, t.to)} ${zone.name}, e.g. ${wallText(wallMs)}), read as the first (${offsetName(t.before, t)}, ${offsetText(t.before)})`;
}

/** `1 time that does not exist (2026-03-29 02:00–03:00 skipped in Europe/Berlin, e.g. 02:30:00), read as 03:30 summer time (+02:00)` */
export function skippedText(zone: Zone, count: number, wallMs: number): string {
  const t = zone.transitionNear(wallMs);
  const times = `${count} time${count === 1 ? '' : 's'} that do${count === 1 ? 'es' : ''} not exist`;
  if (t === null) return `${times} (e.g. ${wallText(wallMs)} ${zone.name})`;
  // Read with the offset before the gap: the instant wall − before, which the clocks after the gap show as wall + (after − before).
  const shown = wallMs + t.after - t.before;
  return `${times} (${hourText(t.from, t.to)} skipped in ${zone.name}, e.g. ${wallText(wallMs)}), read as ${new Date(shown).toISOString().slice(11, 16)} ${offsetName(t.after, t)} (${offsetText(t.after)})`;
}

function wallText(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19).replace('T', ' ');
}

function hourText(from: number, to: number): string {
  return `${new Date(from).toISOString().slice(0, 16).replace('T', ' ')}–${new Date(to).toISOString().slice(11, 16)}`;
}

/** The larger of the two offsets around a DST change is the summer (daylight saving) time. */
function offsetName(offset: number, t: { before: number; after: number }): string {
  return offset === Math.max(t.before, t.after) ? 'summer time' : 'standard time';
}

function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
