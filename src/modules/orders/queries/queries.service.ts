import type { OrderState } from '../contract';
import { can, type Principal } from '../../../platform/auth/principal';
import { SYSTEM_CONTEXT, type AuditContext } from '../../../platform/audit';
import { badRequest, forbidden, notFound } from '../../../platform/errors';
import type { OrdersDeps } from '../deps';
import type { OrderActions } from '../actions/actions.service';
import { actorOf, assertCanSee, canSee } from '../actions/actor';
import { ACTION_RULES, OPEN_STATES, revealBasis } from '../model';
import { snapshotOf, type OrderRow } from '../row';
import { AFTER_STAGE } from '../photos/reply-photos';
import { orderFileIds } from '../photos/photos.repo';
import { orderView, publicOrderView, type OrderLookups, type OrderView } from './order.view';
import { withSuggestedUnits } from './suggested-unit';
import {
  countOpenOrders,
  findOrderById,
  findOrderByIdOrNumber,
  findOrderByNumber,
  listOrderRows,
  mainOrderBrief,
  orderEvents,
  orderNotifications,
  orderProgressEvents,
  ordersByReporterPhone,
  ordersMergedInto,
  registrantOf,
  type OrderFilter,
  type OrderScope,
} from './queries.repo';

export type { OrderFilter } from './queries.repo';

export interface QueueCounts {
  /** Open orders per state. */
  byState: Record<string, number>;
  returnRequests: number;
  extensionRequests: number;
  dueSoon: number;
  overdue: number;
  /** 待签收 or 办理中 and 临期 or 超期 (the units' "late" tab). */
  unitLate: number;
}

const badCursor = () => badRequest('invalid_cursor', 'before must be a cursor from a previous page');

/** A newest-first page's cursor, `<created_at>_<id>`: an integer instant (bigint on PostgreSQL) and an id. */
export function parseKeysetCursor(before: string): { t: number; id: string } {
  const m = /^(\d{1,16})_(.+)$/.exec(before);
  const t = m ? Number(m[1]) : NaN;
  if (!m || !Number.isSafeInteger(t)) throw badCursor();
  return { t, id: m[2] };
}

/** A deadline-sorted page's cursor: how many rows the earlier pages held. */
export function parseOffsetCursor(before: string): number {
  if (!/^\d{1,9}$/.test(before)) throw badCursor();
  return Number(before);
}

/** Reading orders: workbench lists, detail with timeline, caller history, public tracking. */
export class OrderQueries {
  constructor(
    private d: OrdersDeps,
    private actions: OrderActions,
    private lookups: OrderLookups,
  ) {}

  async list(principal: Principal, f: OrderFilter) {
    const limit = Math.min(f.limit ?? 50, 500);
    const scope = this.scopeOf(principal);
    if (!scope) return { items: [], next: null };
    const cursor = f.before && f.sort !== 'deadline' ? parseKeysetCursor(f.before) : null;
    const offset = f.sort === 'deadline' && f.before ? parseOffsetCursor(f.before) : 0;
    // 我登记的工单: within the scope, only what the caller registered
    const within: OrderScope = f.registeredBy === 'me' ? { ...scope, registrant: principal.id } : scope;
    const rows = await listOrderRows(this.d.p.db, this.d.p.dialect, f, within, { limit, offset, cursor });
    const now = this.d.p.clock.now();
    const last = rows[rows.length - 1];
    const next =
      rows.length < limit
        ? null
        : f.sort === 'deadline'
          ? String(offset + limit)
          : `${Number(last.created_at)}_${last.id}`;
    const items = rows.map((r) => orderView(r, now, this.lookups));
    return { items: await withSuggestedUnits(this.d.p.db, (id) => this.lookups.unitName(id), items), next };
  }

  /**
   * Data scope: handlers see their organisation's subtree of units; citizens their own reports;
   * window clerks (and other readers without units) the orders they registered; null = nothing.
   */
  private scopeOf(principal: Principal): OrderScope | null {
    if (principal.allScope) return { units: null, reporter: null };
    if (principal.roles.includes('handler') && principal.orgPath)
      return { units: this.d.units.idsUnder(principal.orgPath), reporter: null };
    if (principal.roles.includes('citizen')) return { units: null, reporter: principal.id };
    if (principal.kind === 'user' && principal.permissions.has('orders.read'))
      return { units: null, reporter: null, registrant: principal.id };
    return null;
  }

  /** The order is in the caller's data scope, or the caller registered it (a clerk opens what they took in). */
  private async assertReadable(principal: Principal, row: Parameters<typeof canSee>[1] & { id: string }) {
    if (canSee(principal, row, this.d.units)) return;
    if (principal.kind === 'user' && (await registrantOf(this.d.p.db, row.id)) === principal.id) return;
    throw forbidden('该工单不在您的数据范围内 / this order is outside your data scope');
  }

  /** Every order of a list (newest first, the caller's scope), up to `max`: for exports. */
  async collect(
    principal: Principal,
    f: OrderFilter,
    max: number,
  ): Promise<{ items: OrderView[]; truncated: boolean }> {
    const items: OrderView[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await this.list(principal, {
        ...f,
        sort: 'newest',
        before,
        limit: Math.min(500, max + 1 - items.length),
      });
      items.push(...page.items);
      if (items.length > max) return { items: items.slice(0, max), truncated: true };
      if (!page.next) return { items, truncated: false };
      before = page.next;
    }
  }

  /**
   * The workbench tab counts over the open orders in the caller's scope, in one GROUP BY: per
   * state, pending 退单/延期 requests, 临期/超期, and 临期或超期 among the units' own queues.
   */
  async counts(principal: Principal): Promise<QueueCounts> {
    const out: QueueCounts = {
      byState: Object.fromEntries(OPEN_STATES.map((s) => [s, 0])),
      returnRequests: 0,
      extensionRequests: 0,
      dueSoon: 0,
      overdue: 0,
      unitLate: 0,
    };
    const scope = this.scopeOf(principal);
    if (!scope) return out;
    const rows = await countOpenOrders(this.d.p.db, scope);
    for (const r of rows) {
      const n = Number(r.n);
      out.byState[r.state] = (out.byState[r.state] ?? 0) + n;
      if (Number(r.ret)) out.returnRequests += n;
      if (Number(r.ext)) out.extensionRequests += n;
      const late = r.sla_status === 'due_soon' || r.sla_status === 'overdue';
      if (r.sla_status === 'due_soon') out.dueSoon += n;
      if (r.sla_status === 'overdue') out.overdue += n;
      if (late && (r.state === 'pending_sign' || r.state === 'handling')) out.unitLate += n;
    }
    return out;
  }

  async detail(principal: Principal, id: string) {
    const row = await findOrderByIdOrNumber(this.d.p.db, id);
    if (!row) throw notFound('order');
    await this.assertReadable(principal, row);
    const now = this.d.p.clock.now();
    // the actor's display name now (陈调度), as the demo history records it; the login or 'system' when there is no user
    const events = await orderEvents(this.d.p.db, row.id);
    const names = await this.d.directory.userNames(events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])));
    const merged = await ordersMergedInto(this.d.p.db, row.id);
    const main = row.main_order_id ? await mainOrderBrief(this.d.p.db, row.main_order_id) : null;
    const notifications = await orderNotifications(this.d.p.db, row.id);
    return {
      order: orderView(row, now, this.lookups),
      timeline: events.map((e) => ({
        id: e.id,
        at: Number(e.at),
        type: e.type,
        actorId: e.actor_id,
        // null = the system (the page shows 系统), not the raw context name
        actorName:
          (e.actor_id ? names.get(e.actor_id) : undefined) ??
          (e.actor_id === null && e.actor_name === SYSTEM_CONTEXT.actorName ? null : e.actor_name),
        unitId: e.unit_id,
        unitName: this.d.units.name(e.unit_id),
        from: e.from_state as OrderState | null,
        to: e.to_state as OrderState | null,
        note: e.note,
        data: JSON.parse(e.data),
        label: labelOf(e.type),
      })),
      actions: this.actions.allowed(principal, row, now),
      canReveal: this.revealBasisOf(principal, row, now) !== null,
      afterPhotos: await orderFileIds(this.d.p.db, row.id, AFTER_STAGE),
      mergedOrders: merged.map((m) => ({
        id: m.id,
        number: m.number,
        title: m.title,
        createdAt: Number(m.created_at),
      })),
      mainOrder: main ? { id: main.id, number: main.number, state: main.state as OrderState } : null,
      notifications: notifications.map((n) => ({
        id: n.id,
        channel: n.channel,
        recipientKind: n.recipient_kind,
        template: n.template,
        text: n.text,
        status: n.status,
        createdAt: Number(n.created_at),
        sentAt: n.sent_at === null ? null : Number(n.sent_at),
      })),
    };
  }

  /** On what ground the caller may reveal this order's reporter now (model/reveal.ts), or null. */
  private revealBasisOf(principal: Principal, row: OrderRow, now: number) {
    return revealBasis(snapshotOf(row), actorOf(principal, this.d.units), can(principal, 'pii.reveal'), now);
  }

  /**
   * The full reporter name and phone of one order: for holders of pii.reveal, and for the unit the
   * order is assigned to while 联系市民 is offered. An audited action; the audit row keeps the basis.
   */
  async revealReporter(principal: Principal, ctx: AuditContext, id: string) {
    const row = await findOrderById(this.d.p.db, id);
    if (!row) throw notFound('order');
    assertCanSee(principal, row, this.d.units);
    const basis = this.revealBasisOf(principal, row, this.d.p.clock.now());
    if (!basis)
      throw forbidden(
        '需要权限 pii.reveal，或工单办理中且由您的单位承办 / requires pii.reveal, or the order in handling at your unit',
        { permission: 'pii.reveal' },
      );
    await this.d.p.transact(ctx, async (w) => {
      w.audit({
        action: 'pii.reveal',
        entityType: 'order',
        entityId: id,
        after: { fields: ['reporter_name', 'reporter_phone'], basis },
      });
    });
    return { name: row.reporter_name, phone: row.reporter_phone };
  }

  /** 来电历史: the caller's earlier orders, for the hotline agent typing while the citizen talks. */
  async callerHistory(phone: string) {
    const clean = phone.replace(/\s+/g, '');
    if (!/^[0-9+-]{5,20}$/.test(clean)) throw badRequest('invalid_phone', 'phone must be 5–20 digits');
    const rows = await ordersByReporterPhone(this.d.p.db, clean);
    const now = this.d.p.clock.now();
    return { phone: clean, count: rows.length, items: rows.map((r) => orderView(r, now, this.lookups)) };
  }

  /** Public tracking: the order number and the reporter's phone number together unlock it. */
  async track(number: string, phone: string) {
    const row = await findOrderByNumber(this.d.p.db, number.trim().toUpperCase());
    const clean = phone.replace(/\s+/g, '');
    if (!row || !row.reporter_phone || row.reporter_phone !== clean) {
      throw notFound('order with this number and phone');
    }
    return this.progressOf(row);
  }

  /** 我的诉求 · one of a logged-in citizen's own orders, as tracking shows it (someone else's: not found). */
  async mineDetail(principal: Principal, idOrNumber: string) {
    const row = await findOrderByIdOrNumber(this.d.p.db, idOrNumber);
    if (!row || row.reporter_user_id !== principal.id) throw notFound('order');
    return this.progressOf(row);
  }

  /** The public view of an order and its steps (a merged order shows its main order's progress). */
  private async progressOf(row: NonNullable<Awaited<ReturnType<typeof findOrderById>>>) {
    const view = publicOrderView(orderView(row, this.d.p.clock.now(), this.lookups));
    if (row.main_order_id) {
      const main = await findOrderById(this.d.p.db, row.main_order_id);
      if (main)
        return {
          ...publicOrderView(orderView(main, this.d.p.clock.now(), this.lookups)),
          number: row.number,
          mainOrderNumber: main.number,
        };
    }
    const events = await orderProgressEvents(this.d.p.db, row.id);
    return {
      ...view,
      progress: events
        .filter((e) => PUBLIC_STEPS.has(e.type))
        .map((e) => ({ at: Number(e.at), step: labelOf(e.type) })),
    };
  }
}

const PUBLIC_STEPS = new Set([
  'order.created',
  'order.dispatched',
  'order.redispatched',
  'order.signed',
  'order.reply_submitted',
  'order.reply_approved',
  'order.direct_replied',
  'order.visited',
  'order.cancelled',
  'order.merged',
]);

const EXTRA_LABELS: Record<string, string> = {
  'order.created': '登记受理',
  'order.recategorised': '调整分类',
  'order.sla_due_soon': '临期预警',
  'order.sla_overdue': '超期',
  'order.follow_main': '随主单办结',
  'order.notified': '发送通知',
};

export function labelOf(type: string): string {
  if (EXTRA_LABELS[type]) return EXTRA_LABELS[type];
  const rule = Object.values(ACTION_RULES).find((r) => r.event === type);
  return rule ? rule.label.zh : type;
}
