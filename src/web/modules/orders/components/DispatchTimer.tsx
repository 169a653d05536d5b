/**
 * 待分拨 timer: how long an order has waited since registration against the centre's 分拨时限
 * (SLA settings, dispatchTargetMinutes), orange in the target's last quarter, red past it. Clock
 * time, not working time: a citizen waits through the night too.
 */
import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import { api } from '../../../api';
import { useAuth } from '../../../auth';
import { useT, type TFunction } from '../../../i18n';
import type { SlaRulesResponse } from '../../../../modules/orders/contract';

const FALLBACK_MINUTES = 30;
const KEEP_MS = 5 * 60_000;
let cached: { at: number; minutes: Promise<number> } | null = null;

/** The target in minutes, read once per few minutes for all tables (null while unknown or not allowed). */
export function useDispatchTarget(): number | null {
  const { can } = useAuth();
  const allowed = can('orders.dispatch');
  const [minutes, setMinutes] = useState<number | null>(null);
  useEffect(() => {
    if (!allowed) return;
    if (!cached || Date.now() - cached.at > KEEP_MS) {
      const minutes = api
        .get<SlaRulesResponse>('/api/orders/sla-rules')
        .then((r) => r.rules.dispatchTargetMinutes ?? r.defaults.dispatchTargetMinutes ?? FALLBACK_MINUTES)
        .catch(() => {
          cached = null;
          return FALLBACK_MINUTES;
        });
      cached = { at: Date.now(), minutes };
    }
    let live = true;
    void cached.minutes.then((m) => live && setMinutes(m));
    return () => {
      live = false;
    };
  }, [allowed]);
  return allowed ? minutes : null;
}

/** The time now, renewed every `everyMs` (the timers move without a reload). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export type DispatchLevel = 'ok' | 'near' | 'over';

/** ok until three quarters of the target, near until it, over after. */
export function dispatchLevel(waitedMs: number, targetMinutes: number): DispatchLevel {
  const target = targetMinutes * 60_000;
  return waitedMs >= target ? 'over' : waitedMs >= target * 0.75 ? 'near' : 'ok';
}

export function fmtWait(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('orders.dispatchTimer.minutes', { n: minutes });
  if (minutes < 24 * 60) return t('orders.dispatchTimer.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('orders.dispatchTimer.days', { n: Math.floor(minutes / (24 * 60)) });
}

const COLOR: Record<DispatchLevel, string> = { ok: 'processing', near: 'warning', over: 'error' };

export function DispatchTimer({
  createdAt,
  targetMinutes,
  now,
}: {
  createdAt: number;
  targetMinutes: number;
  now: number;
}) {
  const t = useT();
  const waited = now - createdAt;
  const level = dispatchLevel(waited, targetMinutes);
  const d = fmtWait(waited, t);
  return (
    <Tooltip title={t('orders.dispatchTimer.tip', { d, target: targetMinutes })}>
      <Tag color={COLOR[level]} icon={<FieldTimeOutlined />} data-testid="dispatch-timer" data-level={level}>
        {t('orders.dispatchTimer.waiting', { d })}
      </Tag>
    </Tooltip>
  );
}
