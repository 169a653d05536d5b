/** Where an order stands against its time limits (for lists, badges and SLA jobs). */
import type { OrderSnapshot } from './types';

export type ClockState = 'normal' | 'due_soon' | 'overdue' | 'paused';

export interface ClockStatus {
  /** 签收时限 (instant), or null before the first dispatch. */
  signDue: number | null;
  /** Signed after signDue, or still unsigned when the clock was read. */
  signOverdue: boolean;
  /** 办结时限 (instant), or null before the first dispatch. */
  completionDue: number | null;
  /** Working ms left at `evaluatedAt`; negative = overdue by that much; null before dispatch. */
  remainingMs: number | null;
  /** Working ms allowed in the current period (dispatch or last 重办 → deadline, less credited pauses). */
  allowedMs: number | null;
  /** now, or where the clock stood still: the reply/cancel/merge instant, or the start of a 挂起. */
  evaluatedAt: number;
  status: ClockState;
}

export interface ClockOptions {
  /** 'due_soon' when less than this share of the allowed working time is left. Default 0.2. */
  dueSoonRatio?: number;
}

export const DEFAULT_DUE_SOON_RATIO = 0.2;

export function computeClockStatus(
  order: OrderSnapshot,
  now: number,
  workingMsBetween: (fromMs: number, toMs: number) => number,
  opts: ClockOptions = {},
): ClockStatus {
  const due = order.completionDeadline;
  if (order.clockStartedAt === null || due === null) {
    return {
      signDue: order.signDeadline,
      signOverdue: false,
      completionDue: due,
      remainingMs: null,
      allowedMs: null,
      evaluatedAt: now,
      status: 'normal',
    };
  }
  const stopped = order.clockStoppedAt !== null;
  const openPause = order.suspended ? order.pauses.findLast((p) => p.kind === 'suspend' && p.to === null) : undefined;
  const at = stopped ? (order.clockStoppedAt as number) : (openPause?.from ?? now);

  const remainingMs = at <= due ? workingMsBetween(at, due) : -workingMsBetween(due, at) || 0;
  const periodStart = order.reopenedAt ?? order.clockStartedAt;
  // Deadlines were pushed out by each closed pause; take that time back out of the allowance.
  const credited = order.pauses
    .filter((p) => p.to !== null && p.from >= periodStart)
    .reduce((sum, p) => sum + (p.creditedMs ?? 0), 0);
  const allowedMs = Math.max(0, workingMsBetween(periodStart, due) - credited);

  const signAt = order.signedAt ?? at;
  const signOverdue = order.signDeadline !== null && signAt > order.signDeadline;

  const ratio = opts.dueSoonRatio ?? DEFAULT_DUE_SOON_RATIO;
  let status: ClockState;
  if (at > due) status = 'overdue';
  else if (stopped) status = 'normal';
  else if (order.suspended) status = 'paused';
  else if (remainingMs < ratio * allowedMs) status = 'due_soon';
  else status = 'normal';

  return {
    signDue: order.signDeadline,
    signOverdue,
    completionDue: due,
    remainingMs,
    allowedMs,
    evaluatedAt: at,
    status,
  };
}

/** The deadline running now: 签收 while the unit holding the order has not signed, then 办结. */
export type ClockStage = 'sign' | 'completion';

export interface StageClockStatus extends ClockStatus {
  /** Which deadline remainingMs, allowedMs and status are about; null before the first dispatch. */
  stage: ClockStage | null;
  stageDue: number | null;
}

/**
 * The clock people see (badges, list colours): it follows the stage deadline that is running, so
 * an order late for 签收 is shown late even while its completion deadline is far off. The status
 * is never better than the completion clock's (an order past its completion deadline is overdue
 * whatever the stage). computeClockStatus stays the completion clock the SLA jobs use.
 */
export function stageClockStatus(
  order: OrderSnapshot,
  now: number,
  workingMsBetween: (fromMs: number, toMs: number) => number,
  opts: ClockOptions = {},
): StageClockStatus {
  const c = computeClockStatus(order, now, workingMsBetween, opts);
  if (c.remainingMs === null) return { ...c, stage: null, stageDue: null };
  const due = order.signDeadline;
  const signRuns =
    order.state === 'pending_sign' && order.signedAt === null && due !== null && order.clockStoppedAt === null;
  if (!signRuns) return { ...c, stage: 'completion', stageDue: c.completionDue };
  const at = c.evaluatedAt;
  const remainingMs = at <= due ? workingMsBetween(at, due) : -workingMsBetween(due, at) || 0;
  // the sign-for window of the unit holding it: from its dispatch (a 改派 gives no new window)
  const start = Math.min(order.dispatchedAt ?? order.clockStartedAt ?? at, due);
  const allowedMs = Math.max(0, workingMsBetween(start, due));
  const ratio = opts.dueSoonRatio ?? DEFAULT_DUE_SOON_RATIO;
  let status: ClockState;
  if (c.status === 'overdue' || at > due) status = 'overdue';
  else if (c.status === 'paused') status = 'paused';
  else if (c.status === 'due_soon' || remainingMs < ratio * allowedMs) status = 'due_soon';
  else status = 'normal';
  return { ...c, remainingMs, allowedMs, status, stage: 'sign', stageDue: due };
}
