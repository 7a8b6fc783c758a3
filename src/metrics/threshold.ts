/** A comparison a value must pass, as in a target: `< 900` (seconds), `>= 4.5`. */
export type Comparator = '<' | '<=' | '>' | '>=';

export interface Threshold {
  comparator: Comparator;
  value: number;
}

/** Whether `value` passes the threshold. */
export function passes(value: number, threshold: Threshold): boolean {
  switch (threshold.comparator) {
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
    case '>':
      return value > threshold.value;
    case '>=':
      return value >= threshold.value;
  }
}
