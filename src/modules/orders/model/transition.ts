/**
 * The work-order state machine: (order, action, actor, now) → a patch and one event, or a typed
 * refusal. Pure: no I/O, no clock of its own, working time only through opts.deadlines.
 */
import { isActionType, type ActionType, type OrderAction } from './actions';
import { type RuleOptions } from './deadlines';
import { checkAccess, refuse } from './guards';
import { type Actor, type OrderSnapshot } from './types';
import { type Ctx, type Handlers, type TransitionResult } from './transition-context';
import { dispatchHandlers } from './handlers-dispatch';
import { timeHandlers } from './handlers-time';
import { replyHandlers } from './handlers-reply';
import { oversightHandlers } from './handlers-oversight';

export type { OrderEvent, TransitionResult } from './transition-context';

/** Every action's handler, by group; the type makes a missing one a compile error. */
const HANDLERS: Handlers<ActionType> = {
  ...dispatchHandlers,
  ...timeHandlers,
  ...replyHandlers,
  ...oversightHandlers,
};

export function transition(
  order: OrderSnapshot,
  action: OrderAction,
  actor: Actor,
  now: number,
  opts?: RuleOptions,
): TransitionResult {
  const type: unknown = action?.type;
  if (!isActionType(type)) return refuse('invalid_input', `未知操作 / unknown action ${JSON.stringify(type)}`);
  const denied = checkAccess(order, type, actor);
  if (denied) return denied;
  const handler = HANDLERS[type] as (c: Ctx, a: OrderAction) => TransitionResult;
  return handler({ order, actor, now, opts, type }, action);
}

/** Apply a successful result's patch (the service does the same against the database row). */
export function applyPatch(order: OrderSnapshot, patch: Partial<OrderSnapshot>): OrderSnapshot {
  return { ...order, ...patch };
}
