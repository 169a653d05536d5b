/** 工单导出: the caller's list, as the workbench filters it, written as a ledger and audited. */
import type { AuditContext } from '../../../platform/audit';
import { can, type Principal } from '../../../platform/auth/principal';
import { AppError } from '../../../platform/errors';
import type { OrdersServices } from '../services';
import type { OrderFilter } from '../queries/queries.service';
import type { OrderView } from '../queries/order.view';
import { describeFilter, EXPORT_MAX_ROWS, ordersWorkbook } from './export-xlsx';
import { reportersOf } from './export.repo';
import { localStamp } from '../metrics/definitions';

export interface ExportOptions {
  /** 含反映人信息: names and phones unmasked — pii.reveal only, audited as orders.exported_with_reporter. */
  includeReporter?: boolean;
}

export async function exportLedger(
  m: OrdersServices,
  principal: Principal,
  ctx: AuditContext,
  filter: OrderFilter,
  opts: ExportOptions = {},
): Promise<{ body: Buffer; stamp: string }> {
  const withReporter = opts.includeReporter === true;
  // refused before anything is read or written: no rows, no audit entry
  if (withReporter && !can(principal, 'pii.reveal'))
    throw new AppError(
      403,
      'reveal_not_allowed',
      '导出反映人信息需要“查看个人信息”权限 / exporting reporters needs the pii.reveal permission',
    );
  const listed = await m.queries.collect(principal, filter, EXPORT_MAX_ROWS);
  const { truncated } = listed;
  let items: readonly OrderView[] = listed.items;
  if (withReporter) {
    const stored = await reportersOf(
      m.deps.p.db,
      items.map((o) => o.id),
    );
    items = items.map((o) => {
      const r = stored.get(o.id);
      return r ? { ...o, reporter: { name: r.reporter_name, phone: r.reporter_phone, masked: false } } : o;
    });
  }
  const communities = new Map(
    (await m.deps.geo.layer('community')).features.map((f) => [String(f.properties?.code), String(f.properties?.name)]),
  );
  const filterText = describeFilter(filter, {
    unit: (id) => m.units.name(id),
    category: (code) => m.categories.pathName(code),
    community: (code) => communities.get(code) ?? null,
  });
  const madeAt = m.deps.p.clock.now();
  // A ledger of citizens' requests leaves the system: say who took it, with what filter. Reading
  // the list is not a transaction (up to 10,000 rows, paged), so the audit row cannot share one
  // with it; it is committed after the read and before a byte of the workbook is written, so no
  // export leaves without its row. An export with reporters is one row of its own action.
  await m.deps.p.transact(ctx, async (w) => {
    w.audit({
      action: withReporter ? 'orders.exported_with_reporter' : 'orders.export',
      entityType: 'orders',
      entityId: null,
      after: withReporter
        ? {
            count: items.length,
            truncated,
            filter: filterText,
            criteria: filter,
            fields: ['reporter_name', 'reporter_phone'],
          }
        : { count: items.length, truncated, filter: filterText },
    });
  });
  const body = await ordersWorkbook({
    orders: items,
    communityName: (c) => (c ? (communities.get(c) ?? null) : null),
    maker: principal.name,
    madeAt,
    filterText,
    truncated,
    withReporter,
  });
  return { body, stamp: localStamp(madeAt).replace(/[-: ]/g, '').slice(0, 12) };
}
