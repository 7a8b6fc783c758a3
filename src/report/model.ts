import { z } from 'zod';

/**
 * The report model every format renders (SPEC §8), as one zod schema: the type is z.infer of it, renderers and the
 * CLI read typed details, and tests can check a JSON report against it.
 */

/** The JSON contract's identifier; bumped only on a breaking change (SPEC §8). */
export const REPORT_SCHEMA = 'support-metrics/report@1';

const nullableNumber = z.number().nullable();
/** A range of seconds [low, high] a statistic lies in; high null = no upper bound (an open bracket `>24 hrs`). */
const SecondsRange = z.tuple([z.number(), z.number().nullable()]);

export const ReportTarget = z.object({
  comparator: z.enum(['<', '<=', '>', '>=']),
  value: z.number(),
  /** As written in the source, e.g. `< 15 min`. */
  text: z.string(),
  source: z.string(),
});
export type ReportTarget = z.infer<typeof ReportTarget>;

export const Status = z.enum(['met', 'missed', 'no-data', 'no-target']);

const DurationDetails = z.object({
  count: z.number(),
  mean: nullableNumber,
  median: nullableNumber,
  p90: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
  withinTarget: nullableNumber,
  /**
   * How many values came from the export's duration column and how many from the timestamps; with --business-hours,
   * from the export's business-hours column and how many were computed with the config's business calendar.
   */
  sources: z.union([z.object({ exportColumn: z.number(), timestamps: z.number() }).strict(), z.object({ exportColumn: z.number(), calendar: z.number() }).strict()]),
  /** With --business-hours: the durations are business time (the label says so too). */
  businessHours: z.literal(true).optional(),
  /** With --business-hours: tickets answered (resolved) whose business time is unknown — no business-hours cell, no calendar. */
  withoutBusinessTime: z.number().optional(),
  /**
   * Several files read as one, some without a column for this duration: their tickets, left out of the statistics and
   * not counted as unanswered (unresolved) — unknown. Present only when some file lacks the column.
   */
  notMeasured: z.number().optional(),
  /** Why there is no value when the input column is missing (SPEC §8: a metric with value null says why). */
  reason: z.string().optional(),
  /**
   * When the export gives this duration only as brackets (Zendesk Explore's `First reply time brackets`): the tickets
   * per bracket, shortest first — value, mean, median and p90 stay null (the brackets hold no mean).
   */
  brackets: z.array(z.object({ label: z.string(), fromSeconds: z.number(), toSeconds: nullableNumber, count: z.number(), share: nullableNumber })).optional(),
  /** What the brackets bound (metrics/duration-brackets.ts): where the median and p90 lie, the share within target. */
  bracketStats: z
    .object({
      /** The bracket column's header. */
      column: z.string(),
      /** Tickets in a bracket with a range (answered / resolved). */
      measured: z.number(),
      /** Tickets whose bracket cell is empty, and those whose label names no range (left out, warned about). */
      empty: z.number(),
      unrecognised: z.number(),
      medianBracket: z.string().nullable(),
      medianRange: SecondsRange.nullable(),
      p90Range: SecondsRange.nullable(),
      /** [surely within target, possibly within target]: equal when a bracket boundary is the target. */
      withinTargetRange: z.tuple([z.number(), z.number()]).nullable(),
    })
    .optional(),
});

function metricReport<Id extends string, D extends z.ZodType>(id: Id, unit: string, details: D) {
  return z.object({
    id: z.literal(id),
    label: z.string(),
    unit: z.literal(unit),
    value: nullableNumber,
    details,
    target: ReportTarget.nullable(),
    status: Status,
    /** Fewer than 20 values behind the number: shown as a warning (SPEC §5). */
    lowSample: z.literal(true).optional(),
  });
}

/** Counts are null (unknown) when the file has no column to tell them by — never "every ticket". */
export const TicketVolumeReport = metricReport(
  'ticket_volume',
  'count',
  z.object({
    resolved: nullableNumber,
    unresolved: nullableNumber,
    unanswered: nullableNumber,
    /** Tickets of files without a first-response (resolution) column that other files have: neither answered nor unanswered. */
    firstResponseNotMeasured: z.number().optional(),
    resolutionNotMeasured: z.number().optional(),
  }),
);
export const FrtReport = metricReport('frt', 'seconds', DurationDetails.extend({ unanswered: nullableNumber }));
export const ArtReport = metricReport('art', 'seconds', DurationDetails.extend({ unresolved: nullableNumber }));

/** A 95 % interval [low, high]; null without answers. */
const Interval = z.tuple([z.number(), z.number()]).nullable();
/** Why a survey metric has no value (no answers in the window, no column for the survey). */
const reason = z.string().optional();
export const CsatReport = metricReport('csat', 'score', z.object({ responses: z.number(), scaleMin: z.number(), scaleMax: z.number(), distribution: z.record(z.string(), z.number()), reason }));
export const CsatSatisfiedReport = metricReport('csat_satisfied', 'fraction', z.object({ satisfied: z.number(), responses: z.number(), topBoxFrom: z.number(), ci95: Interval, reason }));
export const NpsReport = metricReport('nps', 'score', z.object({ promoters: z.number(), passives: z.number(), detractors: z.number(), responses: z.number(), ci95: Interval, reason }));
/** Repeat contacts (SPEC §5): counted over tickets naming a customer; tickets without one counted apart. */
export const RepeatContactReport = metricReport(
  'repeat_contact_rate',
  'fraction',
  z.object({ repeatTickets: z.number(), tickets: z.number(), customersWithRepeats: z.number(), customers: z.number(), windowDays: z.number(), withoutCustomer: z.number(), reason }),
);
export const ReopenRateReport = metricReport('reopen_rate', 'fraction', z.object({ reopened: z.number(), resolved: z.number(), reason }));
export const CesReport = metricReport('ces', 'score', z.object({ responses: z.number(), scaleMin: z.number(), scaleMax: z.number(), higherIsBetter: z.boolean(), reason }));

/** Finance (SPEC §5): amounts in the data's currency (`currency`; null when no input names one). */
const currency = z.string().nullable();
export const CacReport = metricReport('cac', 'currency', z.object({ marketingSpend: z.number(), salesSpend: z.number(), newCustomers: z.number(), currency, reason }));
export const ChurnRateReport = metricReport('churn_rate', 'fraction', z.object({ months: z.number(), customerMonths: z.number(), churned: z.number(), reason }));
export const MrrReport = metricReport('mrr', 'currency', z.object({ activeCustomers: z.number(), at: z.string(), currency, reason }));
export const LtvReport = metricReport('ltv', 'currency', z.object({ arpa: nullableNumber, lifetimeMonths: nullableNumber, churnRate: nullableNumber, serviceCostPerCustomerMonth: z.number(), currency, reason }));
export const LtvToCacReport = metricReport('ltv_to_cac', 'ratio', z.object({ reason }));
export const CacPaybackReport = metricReport('cac_payback_months', 'months', z.object({ reason }));

export const MetricReport = z.discriminatedUnion('id', [TicketVolumeReport, FrtReport, ArtReport, RepeatContactReport, ReopenRateReport, CsatReport, CsatSatisfiedReport, NpsReport, CesReport, CacReport, ChurnRateReport, MrrReport, LtvReport, LtvToCacReport, CacPaybackReport]);
export type MetricReport = z.infer<typeof MetricReport>;
export type MetricId = MetricReport['id'];

const ColumnSummary = z.object({ field: z.string(), header: z.string(), column: z.number(), via: z.enum(['map', 'preset', 'alias']), format: z.string(), read: z.boolean() });

export const InputReport = z.object({
  file: z.string(),
  kind: z.enum(['tickets', 'surveys', 'spend', 'subscriptions', 'finance']),
  preset: z.string().nullable(),
  format: z.string(),
  compression: z.literal('gzip').nullable(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  headerLine: z.number(),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  skipped: z.number(),
  merged: z.number(),
  columns: z.array(ColumnSummary),
  unusedHeaders: z.array(z.string()),
  skipRows: z.array(z.object({ header: z.string(), values: z.array(z.string()), reason: z.string(), skipped: z.number() })),
  /** A report without a day column, dated by its date-range line (Google Ads): every row covers [since, until). */
  datedBy: z.object({ line: z.string(), since: z.string(), until: z.string() }).optional(),
});

/**
 * With --business-hours (SPEC §3): FRT and ART are business time, from the export's business-hours columns where
 * filled, else computed with this calendar (null when the config has none); `description` says it in words.
 */
export const BusinessHoursReport = z.object({
  description: z.string(),
  calendar: z
    .object({
      timezone: z.string(),
      /** Opening hours per weekday, `HH:MM-HH:MM`; a day not listed is off. */
      week: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(z.string())),
      holidays: z.array(z.string()),
    })
    .nullable(),
});
export type BusinessHoursReport = z.infer<typeof BusinessHoursReport>;

export const ReportWindow = z.object({ since: z.string().nullable(), until: z.string().nullable(), timezone: z.string() });
export type ReportWindow = z.infer<typeof ReportWindow>;

export const Report = z.object({
  schema: z.literal(REPORT_SCHEMA),
  window: ReportWindow,
  benchmark: z.string(),
  /** With --business-hours only. */
  businessHours: BusinessHoursReport.optional(),
  inputs: z.array(InputReport),
  /** By metric id, in the registry's order; metrics whose data set was not given are absent (SPEC §8). */
  metrics: z.record(z.string(), MetricReport),
  /** With --by: every ticket and survey metric per value of each field (`(none)` for rows without one). */
  groups: z.array(z.object({ by: z.string(), key: z.string(), metrics: z.record(z.string(), MetricReport) })).optional(),
  /** With --compare previous: the previous window and, per metric, its value there, the change and whether it is real. */
  comparison: z
    .object({
      since: z.string(),
      until: z.string(),
      metrics: z.record(
        z.string(),
        z.object({
          previous: MetricReport,
          delta: nullableNumber,
          relative: nullableNumber,
          improved: z.boolean().nullable(),
          test: z.enum(['two-proportion z', 'welch t', 'nps difference z', 'mann-whitney u']).nullable(),
          pValue: nullableNumber,
          significant: z.boolean().nullable(),
          verdict: z.enum(['significant', 'within noise']).nullable(),
          withinTarget: z.object({ delta: nullableNumber, pValue: nullableNumber, significant: z.boolean().nullable() }).optional(),
        }),
      ),
    })
    .optional(),
  /** With --period: every ticket and survey metric per period [start, end) of the window, empty periods included. */
  periods: z.array(z.object({ start: z.string(), end: z.string(), metrics: z.record(z.string(), MetricReport) })).optional(),
  /** With --stamp: when the report was made (ISO UTC). Absent otherwise, so that the same inputs give the same bytes. */
  generatedAt: z.string().optional(),
  /**
   * Guesses the data did not prove (an assumed date order, decimal separator, zone, preset …): shown under every
   * format and kept with --quiet (SPEC §8).
   */
  warnings: z.array(z.string()),
});
export type Report = z.infer<typeof Report>;
