/** The buttons to show: every action that `transition` would accept right now with some valid input. */
import { ACTION_TYPES, minimalAction, type ActionType } from './actions';
import type { RuleOptions } from './deadlines';
import { transition } from './transition';
import type { Actor, OrderSnapshot } from './types';

/** Tries each action with its minimal valid input, so it cannot disagree with `transition`. */
export function availableActions(order: OrderSnapshot, actor: Actor, now: number, opts: RuleOptions): ActionType[] {
  return ACTION_TYPES.filter((type) => transition(order, minimalAction(type, order), actor, now, opts).ok);
}
