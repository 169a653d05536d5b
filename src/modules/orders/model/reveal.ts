/**
 * Who may see a reporter's full name and number (查看号码), and on what ground: whoever holds the
 * reveal permission (the centre), or the handler of the order — a member of the unit it is assigned
 * to — while 联系市民 is offered to them (the unit must be able to call the citizen back). Every
 * reveal is audited with its basis; anyone else is refused.
 */
import { minimalAction } from './actions';
import { transition } from './transition';
import type { Actor, OrderSnapshot } from './types';

export const REVEAL_BASES = ['permission', 'assigned_unit'] as const;
export type RevealBasis = (typeof REVEAL_BASES)[number];

/**
 * The ground on which `actor` may reveal the reporter of `order` now, or null when it may not.
 * `assigned_unit` holds exactly when the state machine would accept 联系市民 from this actor: a
 * handler whose units include the order's unit, in a state where contact is offered (办理中).
 */
export function revealBasis(
  order: OrderSnapshot,
  actor: Actor,
  holdsRevealPermission: boolean,
  now: number,
): RevealBasis | null {
  if (holdsRevealPermission) return 'permission';
  return transition(order, minimalAction('contact', order), actor, now).ok ? 'assigned_unit' : null;
}
