/**
 * Where a per-row duration came from: the export's own duration column, or the difference of two timestamps
 * (SPEC §3: the export's column wins when filled). Written by datasets/, counted by metrics/: a small shared
 * vocabulary, kept here so neither layer imports the other.
 */
export const ValueSource = { none: 0, exportColumn: 1, timestamps: 2 } as const;
export type ValueSource = (typeof ValueSource)[keyof typeof ValueSource];
