import type { ReportWindow } from '../report/model.js';
/** Human forms of metric values for the screen formats; JSON keeps raw numbers (seconds, fractions). */

/** `45s`, `18m 45s`, `2h 05m`, `9d 22h 14m` (a resolution time of days keeps its minutes); seconds rounded. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d ${pad(Math.floor((s % 86400) / 3600))}h ${pad(Math.floor((s % 3600) / 60))}m`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'seconds':
      return formatDuration(value);
    case 'fraction':
      return `${(value * 100).toFixed(1)}%`;
    case 'count':
      return value.toLocaleString('en-US'); // 1,000,000
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/**
 * The window as wall times in the report's zone, `2026-11-03 00:00 → 2026-11-04 00:00 (Europe/Moscow)`: the bounds
 * the user typed in --tz, not UTC instants labelled with the zone (the JSON keeps ISO UTC, SPEC §8).
 */
export function describeWindow(window: ReportWindow): string {
  const wall = wallTimeIn(window.timezone);
  const since = window.since === null ? 'start of data' : wall(window.since);
  const until = window.until === null ? 'end of data' : wall(window.until);
  return `${since} → ${until} (${window.timezone})`;
}

/** `YYYY-MM-DD HH:mm` (`:ss` when not zero) of an ISO instant in an IANA zone. */
function wallTimeIn(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (iso) => {
    const part: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(iso))) part[p.type] = p.value;
    const seconds = part.second === '00' ? '' : `:${part.second}`;
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}${seconds}`;
  };
}
