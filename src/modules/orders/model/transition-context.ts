/** What every action handler of the state machine shares: its context, the success result, clock arithmetic. */
import { ACTION_RULES, type ActionOf, type ActionType } from './actions';
import { requireDeadlines, type DeadlineCalculator, type RuleOptions } from './deadlines';
import { refuse, type Refusal } from './guards';
import { type Actor, type OrderSnapshot, type PauseSpan } from './types';

export interface OrderEvent {
  type: string;
  /** Always orderId, by (actor's userId), from and to (states); then the action's own details. */
  data: Record<string, unknown>;
}

export type TransitionResult = { ok: true; patch: Partial<OrderSnapshot>; event: OrderEvent } | Refusal;

export interface Ctx {
  order: OrderSnapshot;
  actor: Actor;
  now: number;
  opts: RuleOptions | undefined;
  type: ActionType;
}

export function ok(c: Ctx, patch: Partial<OrderSnapshot>, details: Record<string, unknown> = {}): TransitionResult {
  const data = {
    orderId: c.order.id,
    by: c.actor.userId,
    from: c.order.state,
    to: patch.state ?? c.order.state,
    ...details,
  };
  return { ok: true, patch, event: { type: ACTION_RULES[c.type].event, data } };
}

export const first = (...checks: Array<Refusal | null>): Refusal | null => checks.find((r) => r !== null) ?? null;
export const optionalText = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);

/**
 * A deadline after the clock stood still over [from, to): the working time that was left at
 * `from` is granted again from `to`. A deadline already passed at `from` stays passed.
 */
export function carryOver(calc: DeadlineCalculator, deadline: number | null, from: number, to: number): number | null {
  if (deadline === null || from >= deadline) return deadline;
  return calc.addWorkingMs(to, calc.workingMsBetween(from, deadline));
}

/** Close the clock-stop span [from, now): push the deadlines out and record the credit. */
export function restartClock(c: Ctx, from: number, span: Omit<PauseSpan, 'from' | 'to' | 'creditedMs'>) {
  const calc = requireDeadlines(c.opts, c.type);
  const o = c.order;
  const credited =
    o.completionDeadline !== null && from < o.completionDeadline ? calc.workingMsBetween(from, c.now) : 0;
  return {
    completionDeadline: carryOver(calc, o.completionDeadline, from, c.now),
    signDeadline: o.signedAt === null ? carryOver(calc, o.signDeadline, from, c.now) : o.signDeadline,
    span: { ...span, from, to: c.now, creditedMs: credited } satisfies PauseSpan,
  };
}

export function noReturnRequest(): Refusal {
  return refuse('no_return_request', '没有待审核的退单申请 / there is no pending return request');
}

export function noExtensionRequest(): Refusal {
  return refuse('no_extension_request', '没有待审批的延期申请 / there is no pending extension request');
}

/** The handlers of some actions: each gets its own action's fields. */
export type Handlers<K extends ActionType> = { [T in K]: (c: Ctx, a: ActionOf<T>) => TransitionResult };
