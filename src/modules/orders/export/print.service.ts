/**
 * 打印留痕: a printed 交办单 is a document given out (the street's records rule), so each print of
 * an order's sheet leaves an audit row — who printed which sheet of which order. The sheet itself
 * is drawn by the web from GET /api/orders/:id (what the viewer may see, reporters masked).
 */
import type { AuditContext } from '../../../platform/audit';
import type { Principal } from '../../../platform/auth/principal';
import { notFound } from '../../../platform/errors';
import type { PrintSheet } from '../contract';
import type { OrdersServices } from '../services';
import { assertCanSee } from '../actions/actor';
import { findOrderByIdOrNumber } from '../queries/queries.repo';

export async function recordPrinted(
  m: OrdersServices,
  principal: Principal,
  ctx: AuditContext,
  idOrNumber: string,
  sheet: PrintSheet,
): Promise<{ ok: true }> {
  const row = await findOrderByIdOrNumber(m.deps.p.db, idOrNumber);
  if (!row) throw notFound('order');
  assertCanSee(principal, row, m.units);
  await m.deps.p.transact(ctx, async (w) => {
    w.audit({
      action: 'orders.printed',
      entityType: 'order',
      entityId: row.id,
      after: { sheet, number: row.number, state: row.state, unitId: row.unit_id },
    });
  });
  return { ok: true };
}
