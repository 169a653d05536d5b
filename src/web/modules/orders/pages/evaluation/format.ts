import type { TFunction, MessageKey } from '../../../../i18n';
import { LOWER_IS_BETTER, type IndicatorKey } from '../../../../../modules/orders/contract';

export const INDICATOR_LABELS: Record<IndicatorKey, MessageKey> = {
  signOnTime: 'ops.eval.signOnTime',
  onTimeCompletion: 'ops.eval.onTimeCompletion',
  satisfaction: 'ops.eval.satisfaction',
  solve: 'ops.eval.solve',
  return: 'ops.eval.return',
  rework: 'ops.eval.rework',
};

/** 0.9876 → "98.8%"; null → "—". */
export function pct(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(digits)}%`;
}

/** Green when good, red when poor, by the indicator's direction. */
export function rateColor(key: IndicatorKey, v: number | null): string | undefined {
  if (v === null) return undefined;
  const good = LOWER_IS_BETTER.includes(key) ? 1 - v : v;
  if (good >= 0.95) return '#389e0d';
  if (good < 0.8) return '#cf1322';
  if (good < 0.9) return '#d46b08';
  return undefined;
}

export function scoreColor(score: number | null): string {
  if (score === null) return 'rgba(0,0,0,0.45)';
  if (score >= 90) return '#389e0d';
  if (score >= 80) return '#1668dc';
  if (score >= 60) return '#d46b08';
  return '#cf1322';
}

export function hours(v: number | null, t: TFunction): string {
  return v === null ? '—' : t('ops.eval.hoursValue', { n: v.toFixed(1) });
}

/** The current month in Shanghai time, YYYY-MM. */
export function currentMonth(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 7);
}
