/** 工单导出: the caller's list, as the workbench filters it, written as a ledger and audited. */
import type { AuditContext } from '../../../platform/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { OrdersServices } from '../services';
import type { OrderFilter } from '../queries/queries.service';
import { describeFilter, EXPORT_MAX_ROWS, ordersWorkbook } from './export-xlsx';
import { localStamp } from '../metrics/definitions';

export async function exportLedger(
  m: OrdersServices,
  principal: Principal,
  ctx: AuditContext,
  filter: OrderFilter,
): Promise<{ body: Buffer; stamp: string }> {
  const { items, truncated } = await m.queries.collect(principal, filter, EXPORT_MAX_ROWS);
  const communities = new Map(
    (await m.deps.geo.layer('community')).features.map((f) => [String(f.properties?.code), String(f.properties?.name)]),
  );
  const filterText = describeFilter(filter, {
    unit: (id) => m.units.name(id),
    category: (code) => m.categories.pathName(code),
    community: (code) => communities.get(code) ?? null,
  });
  const madeAt = m.deps.p.clock.now();
  // a ledger of citizens' requests leaves the system: say who took it, with what filter
  await m.deps.p.transact(ctx, async (w) => {
    w.audit({
      action: 'orders.export',
      entityType: 'orders',
      entityId: null,
      after: { count: items.length, truncated, filter: filterText },
    });
  });
  const body = await ordersWorkbook({
    orders: items,
    communityName: (c) => (c ? (communities.get(c) ?? null) : null),
    maker: principal.name,
    madeAt,
    filterText,
    truncated,
  });
  return { body, stamp: localStamp(madeAt).replace(/[-: ]/g, '').slice(0, 12) };
}
