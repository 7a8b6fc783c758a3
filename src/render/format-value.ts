/** Human forms of metric values for the screen formats; JSON keeps raw numbers (seconds, fractions). */

/** `45s`, `18m 45s`, `2h 05m`, `3d 04h`; seconds rounded. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d ${pad(Math.floor((s % 86400) / 3600))}h`;
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
      return String(value);
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}
