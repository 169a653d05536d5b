/** Display names of the work-order vocabulary (states, channels, actions…) in the current language. */
import { useMemo } from 'react';
import { hasKey, useI18n, type TFunction } from '../../../i18n';
import { type ActionType, type OrderState } from '../../../../modules/orders/contract';

export interface OrderLabels {
  t: TFunction;
  state: (s: string) => string;
  channel: (c: string) => string;
  urgency: (u: string) => string;
  visit: (r: string | null | undefined) => string;
  action: (a: ActionType | string) => string;
  /** A timeline event: our dictionary, then the server's label, then the raw type. */
  event: (type: string, serverLabel?: string) => string;
  /** `orders.<group>.<value>` or the value itself. */
  lookup: (group: string, value: string, fallback?: string) => string;
}

export function useOrderLabels(): OrderLabels {
  const { t } = useI18n();
  return useMemo(() => {
    const lookup = (group: string, value: string, fallback?: string) => {
      const key = `orders.${group}.${value}`;
      return hasKey(key) ? t(key) : (fallback ?? value);
    };
    return {
      t,
      lookup,
      state: (s) => lookup('state', s),
      channel: (c) => lookup('channel', c),
      urgency: (u) => lookup('urgency', u),
      visit: (r) => (r ? lookup('visit', r) : '—'),
      action: (a) => lookup('action', a),
      event: (type, serverLabel) => lookup('event', type.replace(/^order\./, ''), serverLabel ?? type),
    };
  }, [t]);
}

/** Tag colours of the states: waiting on the centre warm, with a unit blue, done green, dead grey. */
export const STATE_COLORS: Record<OrderState, string> = {
  pending_dispatch: 'orange',
  pending_sign: 'gold',
  handling: 'blue',
  pending_review: 'purple',
  pending_visit: 'cyan',
  closed: 'green',
  archived: 'default',
  cancelled: 'default',
  merged: 'magenta',
};

/** The SLA colours used by the clock, the map markers and the legend. */
export const CLOCK_COLORS = {
  normal: '#389e0d',
  due_soon: '#d46b08',
  overdue: '#cf1322',
  paused: '#8c8c8c',
  none: '#1677ff',
} as const;

/** Working time as people read it: "35小时", "1小时20分", "45分" / "35h", "1h 20m". */
export function fmtWorkingMs(ms: number, t: TFunction): string {
  const total = Math.round(Math.abs(ms) / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t('orders.dur.m', { m });
  if (m === 0) return t('orders.dur.h', { h });
  return t('orders.dur.hm', { h, m });
}
