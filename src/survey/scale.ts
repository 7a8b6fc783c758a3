/**
 * A survey's answer scale (SPEC §5): its ends, and which end is good. Defaults (seed 002_134c7aa9d6855953.txt): CSAT
 * 1–5, NPS 0–10, CES 1–5 where a lower score is less effort, i.e. better.
 */
export interface SurveyScale {
  min: number;
  max: number;
  higherIsBetter: boolean;
}

export const DEFAULT_SCALES = {
  csat: { min: 1, max: 5, higherIsBetter: true },
  nps: { min: 0, max: 10, higherIsBetter: true },
  ces: { min: 1, max: 5, higherIsBetter: false },
} as const satisfies Record<string, SurveyScale>;

/** How many points the scale has: 1–5 has 5, 0–10 has 11. */
export function scalePoints(scale: SurveyScale): number {
  return scale.max - scale.min + 1;
}

/**
 * The lowest score that counts as satisfied (top box, SPEC §5 `csat_satisfied`): the top point of a 2- or 3-point
 * scale, the top 2 of a 4- to 7-point scale (4–5 of 5), the top 3 of a 10- or 11-point one. The SPEC does not name 8-
 * and 9-point scales; they get the top 3, as the 10-point ones (the share stays comparable with the nearest named).
 */
export function topBoxFrom(scale: SurveyScale): number {
  const points = scalePoints(scale);
  const top = points <= 3 ? 1 : points <= 7 ? 2 : 3;
  return scale.max - top + 1;
}
