/**
 * Test support for the orders model (not exported from index): a fake calendar where every day
 * is a full working day, fixed instants, actors, and one hand-written order per state.
 */
import type { DeadlineCalculator, RuleOptions } from './deadlines';
import type { OrderState } from './states';
import { newOrderSnapshot, type Actor, type OrderSnapshot, type Role } from './types';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 2025-03-03 09:00 in Shanghai. */
export const T0 = Date.UTC(2025, 2, 3, 1, 0);
/** "Now" for the fixtures: three days after the first dispatch, two days before the deadline. */
export const NOW = T0 + 3 * DAY;

export const SIGN_DAYS = 1;
export const COMPLETION_DAYS = { normal: 5, urgent: 2, emergency: 1 } as const;
export const REWORK_DAYS = 3;

/** 24 working hours per day, every day: deadlines are plain additions. */
export const fakeDeadlines: DeadlineCalculator = {
  signDeadline: (from) => from + SIGN_DAYS * DAY,
  completionDeadline: (from, basis) => from + COMPLETION_DAYS[basis.urgency] * DAY,
  reworkDeadline: (from) => from + REWORK_DAYS * DAY,
  addWorkingDays: (from, days) => from + days * DAY,
  workingMsBetween: (from, to) => Math.max(0, to - from),
  addWorkingMs: (from, ms) => from + ms,
};

export const workingMsBetween = fakeDeadlines.workingMsBetween;
export const OPTS: RuleOptions = { deadlines: fakeDeadlines };

export const UNIT = 'unit-1';
export const REPORTER = 'citizen-1';

export const ACTORS: Record<Role, Actor> = {
  admin: { userId: 'u-admin', roles: ['admin'], orgIds: [UNIT] },
  dispatcher: { userId: 'u-dispatcher', roles: ['dispatcher'] },
  handler: { userId: 'u-handler', roles: ['handler'], orgIds: [UNIT] },
  leader: { userId: 'u-leader', roles: ['leader'] },
  citizen: { userId: REPORTER, roles: ['citizen'] },
  system: { userId: 'system', roles: ['system'] },
};

/** Dispatcher and in-scope handler at once: reaches every action of the centre and the unit. */
export const STAFF: Actor = { userId: 'u-staff', roles: ['dispatcher', 'handler'], orgIds: [UNIT] };

const base: OrderSnapshot = newOrderSnapshot({ id: 'o-1', category: 'city.roads', reporterId: REPORTER });

const dispatched: OrderSnapshot = {
  ...base,
  state: 'pending_sign',
  unitId: UNIT,
  clockStartedAt: T0,
  dispatchedAt: T0,
  signDeadline: T0 + DAY,
  completionDeadline: T0 + 5 * DAY,
};
const handling: OrderSnapshot = { ...dispatched, state: 'handling', signedAt: T0 + 2 * HOUR };
const replied: OrderSnapshot = {
  ...handling,
  state: 'pending_review',
  reply: '已修复',
  repliedAt: T0 + 2 * DAY,
  clockStoppedAt: T0 + 2 * DAY,
};
const closed: OrderSnapshot = {
  ...replied,
  state: 'closed',
  visitResult: 'satisfied',
  visitedAt: T0 + 2 * DAY + HOUR,
  closedAt: T0 + 2 * DAY + HOUR,
};

/** A typical order in each state: no flags, no pending requests, deadlines in the future at NOW. */
export const FIXTURES: Record<OrderState, OrderSnapshot> = {
  pending_dispatch: base,
  pending_sign: dispatched,
  handling,
  pending_review: replied,
  pending_visit: { ...replied, state: 'pending_visit' },
  closed,
  archived: { ...closed, state: 'archived', archivedAt: T0 + 3 * DAY },
  // cancelled before dispatch: no unit holds it
  cancelled: { ...base, state: 'cancelled', cancelledAt: T0 + HOUR, clockStoppedAt: T0 + HOUR },
  // merged while a unit was handling it
  merged: { ...handling, state: 'merged', mergedInto: 'o-main', clockStoppedAt: T0 + DAY },
};

export function order(state: OrderState, over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return deepFreeze({ ...FIXTURES[state], ...over });
}

export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}
