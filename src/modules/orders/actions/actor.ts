import type { Principal } from '../../../platform/auth/principal';
import { forbidden } from '../../../platform/errors';
import type { UnitDirectory } from '../deps';
import { isOrderRole, type Actor } from '../model';
import type { OrderRow } from '../row';

/** The state machine's view of a caller: its order roles and the units in its data scope. */
export function actorOf(p: Principal, units: UnitDirectory): Actor {
  const roles = p.roles.filter(isOrderRole);
  const orgIds = p.allScope || !p.orgPath ? undefined : units.idsUnder(p.orgPath);
  return { userId: p.id, roles, orgIds };
}

export const SYSTEM_ACTOR: Actor = { userId: 'system', roles: ['system'] };

/** Whether the caller may see this order at all (data scope follows the organisation tree). */
export function canSee(
  p: Principal,
  order: Pick<OrderRow, 'unit_id' | 'reporter_user_id'>,
  units: UnitDirectory,
): boolean {
  if (p.allScope) return true;
  if (p.roles.includes('citizen') && order.reporter_user_id === p.id) return true;
  if (!p.orgPath || !order.unit_id) return false;
  const unit = units.get(order.unit_id);
  return !!unit && unit.path.startsWith(p.orgPath);
}

export function assertCanSee(
  p: Principal,
  order: Pick<OrderRow, 'unit_id' | 'reporter_user_id'>,
  units: UnitDirectory,
): void {
  if (!canSee(p, order, units)) throw forbidden('该工单不在您的数据范围内 / this order is outside your data scope');
}
