/** Shapes of the 工单考核 API (src/modules/orders/metrics/compute.ts, service.ts, routes.ts). */

export const INDICATOR_KEYS = ['signOnTime', 'onTimeCompletion', 'satisfaction', 'solve', 'return', 'rework'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Rates where less is better (退单率, 重办率). */
export const LOWER_IS_BETTER: ReadonlySet<IndicatorKey> = new Set(['return', 'rework']);

export type Rates = Record<IndicatorKey, number | null>;

export interface MetricsRow {
  unitId: string | null;
  unitName: string;
  dispatched: number;
  signedOnTime: number;
  signedLate: number;
  returned: number;
  completed: number;
  completedOnTime: number;
  handlingMs: number;
  overdueClosed: number;
  visited: number;
  satisfied: number;
  reopened: number;
  closed: number;
  solved: number;
  reworked: number;
  lateCompletions: number;
  overdueOpen: number;
  overdue: number;
  avgHandlingHours: number | null;
  rates: Rates;
  deduction: number | null;
  score: number | null;
  rank: number | null;
}

export interface MetricWeights {
  weights: Record<IndicatorKey, number>;
  deductions: { lateSign: number; overdue: number; max: number };
}

export interface MetricsReport {
  period: { from: number; to: number; month: string | null; label: string };
  asOf: number;
  units: MetricsRow[];
  total: MetricsRow;
  weights: MetricWeights;
}

export interface TrendPoint extends MetricsRow {
  month: string;
  label: string;
  from: number;
  to: number;
}

export interface Trend {
  unitId: string | null;
  unitName: string;
  months: TrendPoint[];
}

export interface WeightsResponse {
  value: MetricWeights;
  isDefault: boolean;
  updatedAt: number | null;
}
