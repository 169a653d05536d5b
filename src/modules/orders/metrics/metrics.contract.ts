/** The 工单考核 API: figures per unit, the ranking, the trend and the weights. Imports only TypeBox. */
import { Type as T, type Static, type TNumber } from '@sinclair/typebox';
import { At, MaybeNumber, MaybeString, Nullable } from '../../../platform/contract';

export const INDICATOR_KEYS = ['signOnTime', 'onTimeCompletion', 'satisfaction', 'solve', 'return', 'rework'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
/** Rates where less is better (退单率, 重办率). */
export const LOWER_IS_BETTER: readonly IndicatorKey[] = ['return', 'rework'];

export const COUNTERS = [
  'dispatched',
  'signedOnTime',
  'signedLate',
  'returned',
  'completed',
  'completedOnTime',
  'handlingMs',
  'overdueClosed',
  'visited',
  'satisfied',
  'reopened',
  'closed',
  'solved',
  'reworked',
] as const;
export type CounterName = (typeof COUNTERS)[number];

/** 2000-01 … 2199-12: the years the work calendar knows. */
export const Month = T.String({
  pattern: '^(20|21)[0-9]{2}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM (Asia/Shanghai), 2000–2199',
});
/** A local date (that day's 00:00 Shanghai time) or an instant in epoch ms. */
const Bound = T.String({
  pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,15})$',
  description: 'YYYY-MM-DD (00:00 Shanghai time) or epoch ms',
});
export const PeriodQuery = T.Object(
  { month: T.Optional(Month), from: T.Optional(Bound), to: T.Optional(Bound) },
  { additionalProperties: false },
);
export const TrendQuery = T.Object(
  {
    months: T.Optional(T.Integer({ minimum: 1, maximum: 36, default: 12 })),
    month: T.Optional(Month),
    unitId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const ReportQuery = T.Object({ month: T.Optional(Month) }, { additionalProperties: false });

const Points = T.Number({ minimum: 0, maximum: 100 });
export const WeightsBody = T.Object(
  {
    weights: T.Object(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, Points])) as Record<IndicatorKey, TNumber>, {
      additionalProperties: false,
    }),
    deductions: T.Object(
      {
        lateSign: T.Number({ minimum: 0, maximum: 100 }),
        overdue: T.Number({ minimum: 0, maximum: 100 }),
        max: T.Number({ minimum: 0, maximum: 100 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type MetricWeights = Static<typeof WeightsBody>;

export const Rates = T.Object(
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, MaybeNumber])) as Record<IndicatorKey, typeof MaybeNumber>,
);
export type Rates = Static<typeof Rates>;

export const MetricsRow = T.Object({
  ...(Object.fromEntries(COUNTERS.map((k) => [k, T.Number()])) as Record<CounterName, TNumber>),
  /** null: the street total. */
  unitId: MaybeString,
  unitName: T.String(),
  lateCompletions: T.Number(),
  overdueOpen: T.Number(),
  /** 超期件数: overdueClosed + overdueOpen. */
  overdue: T.Number(),
  avgHandlingHours: MaybeNumber,
  rates: Rates,
  deduction: MaybeNumber,
  /** null: nothing to judge in the period (no score, no rank). */
  score: MaybeNumber,
  rank: MaybeNumber,
});
export type MetricsRow = Static<typeof MetricsRow>;

export const Period = T.Object({ from: At, to: At, month: MaybeString, label: T.String() });

export const MetricsReport = T.Object({
  period: Period,
  asOf: At,
  units: T.Array(MetricsRow),
  total: MetricsRow,
  weights: WeightsBody,
});
export type MetricsReport = Static<typeof MetricsReport>;

export const TrendPoint = T.Composite([
  MetricsRow,
  T.Object({ month: T.String(), label: T.String(), from: At, to: At }),
]);
export type TrendPoint = Static<typeof TrendPoint>;
export const Trend = T.Object({ unitId: MaybeString, unitName: T.String(), months: T.Array(TrendPoint) });
export type Trend = Static<typeof Trend>;

export const WeightsResponse = T.Object({
  value: WeightsBody,
  isDefault: T.Boolean(),
  updatedAt: Nullable(T.Number()),
});
export type WeightsResponse = Static<typeof WeightsResponse>;
