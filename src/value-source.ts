/**
 * Where a per-row duration came from: the export's own duration column, or the difference of two timestamps
 * (SPEC §3: the export's column wins when filled). Written by datasets/, counted by metrics/: a small shared
 * vocabulary, kept here so neither layer imports the other.
 *
 * With --business-hours (SPEC §3 "Business hours"), a business-time value comes from the export's business-hours
 * column (`exportColumn`), or is computed with the config's business calendar from the timestamps (`calendar`), or
 * from created_at plus the export's own calendar duration when the file has no end timestamp
 * (`calendarFromDuration`: as exact as that column's rounding). `unmeasured`: the event happened (the calendar
 * duration is there) but its business time is unknown — no business-hours cell and no calendar to compute it with.
 *
 * `noColumn`: the row's file has no column for this duration while another file of the data set has (several files
 * read as one): whether the event happened is unknown — neither a value nor "none" (unanswered, unresolved). Set
 * when files are merged (datasets/read-dataset.ts) and by businessDurations, never by the row reader.
 */
export const ValueSource = { none: 0, exportColumn: 1, timestamps: 2, calendar: 3, unmeasured: 4, calendarFromDuration: 5, noColumn: 6 } as const;
export type ValueSource = (typeof ValueSource)[keyof typeof ValueSource];
