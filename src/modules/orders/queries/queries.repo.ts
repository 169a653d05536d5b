/**
 * SQL of reading orders: the workbench list (one of four plans, by sort, scope and search term),
 * the tab counts in one GROUP BY, an order and what its detail shows (timeline, merged orders,
 * main order, notifications), the caller history, the public tracking steps. Access checks, the
 * data scope and the responses are queries.service.ts's.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../../schema';
import type { DialectName, Queryable } from '../../../platform/db/connect';
import { OPEN_STATES } from '../model';
import type { OrderRow } from '../row';
import { fewTextHits, textMatches } from './text-search.repo';

/** The list's filters, as the list route and the export take them. */
export interface OrderFilter {
  state?: string[];
  unitId?: string;
  sla?: 'normal' | 'due_soon' | 'overdue';
  channel?: string;
  categoryPrefix?: string;
  communityCode?: string;
  q?: string;
  phone?: string;
  from?: number;
  to?: number;
  open?: boolean;
  supervised?: boolean;
  /** Orders with a pending 退单 (return) or 延期 (extension) request. */
  request?: 'return' | 'extension';
  /** 临期或超期: sla_status due_soon or overdue. */
  late?: boolean;
  /** 我登记的工单: only the orders the caller registered (the actor of their order.created step). */
  registeredBy?: 'me';
  /** Keyset cursor: the last row's created_at and id from the previous page. */
  before?: string;
  limit?: number;
  sort?: 'newest' | 'deadline';
}

type Db = Queryable;

/**
 * What a caller may read (queries.service.ts scopeOf): these units' orders (null = any), this
 * reporter's (null = anyone's), those this user registered (null = whoever registered them).
 */
export interface OrderScope {
  units: string[] | null;
  reporter: string | null;
  registrant?: string | null;
}

/** The ids of the orders a user registered: the actor of each order's creation step. */
const registeredBy = (db: Db, userId: string) =>
  db
    .selectFrom('order_events')
    .select('order_events.order_id')
    .where('order_events.type', '=', 'order.created')
    .where('order_events.actor_id', '=', userId);

/** Where a list page starts: after a newest-first keyset cursor, or at an offset in deadline order. */
export interface PageAt {
  limit: number;
  offset: number;
  cursor: { t: number; id: string } | null;
}

/** One page of a workbench list: the filter's orders in the scope, newest first or by deadline. */
export async function listOrderRows(
  db: Db,
  dialect: DialectName,
  f: OrderFilter,
  { units, reporter, registrant }: OrderScope,
  { limit, offset, cursor }: PageAt,
): Promise<OrderRow[]> {
  /** The filters, on any select from `orders` (the scope is added by the caller). */
  const filtered = <Q extends SelectQueryBuilder<DB, 'orders', any>>(q: Q): Q => {
    let x = q as SelectQueryBuilder<DB, 'orders', any>;
    if (reporter) x = x.where('reporter_user_id', '=', reporter);
    if (registrant) x = x.where('id', 'in', registeredBy(db, registrant));
    if (f.state?.length) x = x.where('state', 'in', f.state);
    if (f.open) x = x.where('state', 'in', OPEN_STATES as unknown as string[]);
    if (f.unitId) x = x.where('unit_id', '=', f.unitId);
    if (f.sla) x = x.where('sla_status', '=', f.sla);
    if (f.channel) x = x.where('channel', '=', f.channel);
    if (f.categoryPrefix) x = x.where('category_code', 'like', `${f.categoryPrefix}%`);
    if (f.communityCode) x = x.where('community_code', '=', f.communityCode);
    if (f.phone) x = x.where('reporter_phone', '=', f.phone.replace(/\s+/g, ''));
    if (f.supervised) x = x.where('supervision_level', '>', 0);
    if (f.request === 'return') x = x.where('return_request', 'is not', null);
    if (f.request === 'extension') x = x.where('extension_request', 'is not', null);
    if (f.late) x = x.where('sla_status', 'in', ['due_soon', 'overdue']);
    if (f.from !== undefined) x = x.where('created_at', '>=', f.from);
    if (f.to !== undefined) x = x.where('created_at', '<', f.to);
    if (f.q) {
      const term = f.q.trim();
      if (/^GC\d{8,}$/i.test(term)) x = x.where('number', '=', term.toUpperCase());
      else if (term) x = x.where(textMatches(dialect, term));
    }
    if (cursor) {
      const c = cursor;
      x = x.where((eb) =>
        eb.or([eb('created_at', '<', c.t), eb.and([eb('created_at', '=', c.t), eb('id', '<', c.id)])]),
      );
    }
    return x as Q;
  };
  // no deadline yet sorts last; an integer sentinel keeps the key a bigint on PostgreSQL (9e15 is numeric)
  const deadline = sql`coalesce(completion_deadline, 9000000000000000)`;
  let rows: OrderRow[];
  if (f.sort === 'deadline') {
    // Two steps: the page's ids in deadline order (from an index when the filters allow:
    // orders_state_deadline_id), then those rows — instead of sorting every matching full row.
    let ids = filtered(db.selectFrom('orders').select('id'));
    if (units) ids = ids.where('unit_id', 'in', units);
    ids = ids.orderBy(deadline).orderBy('id').limit(limit).offset(offset);
    rows = await db.selectFrom('orders').selectAll().where('id', 'in', ids).orderBy(deadline).orderBy('id').execute();
  } else if (units && units.length > 1 && (await fewTextHits(db, dialect, f.q))) {
    // A rare term in a subtree: from its few matches (rowid), the units and the order only tested
    // (unary + keeps SQLite off their indexes), the page sorted — not each unit's orders walked.
    rows = (await filtered(db.selectFrom('orders').selectAll())
      .where(sql`+unit_id`, 'in', units)
      .orderBy(sql`+created_at desc`)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()) as OrderRow[];
  } else if (units && units.length > 1 && units.length <= 20) {
    // A subtree of units: each unit's newest first (orders_unit_created, orders_unit_state_created), merged. `unit_id in
    // (…)` would read every order of every unit and sort them all before taking a page.
    const branch = (unitId: string, i: number) =>
      db
        .selectFrom(
          filtered(db.selectFrom('orders').selectAll().where('unit_id', '=', unitId))
            .orderBy('created_at', 'desc')
            .orderBy('id', 'desc')
            .limit(limit)
            .as(`u${i}`),
        )
        .selectAll();
    let all = branch(units[0], 0);
    for (let i = 1; i < units.length; i++) all = all.unionAll(branch(units[i], i));
    rows = await db
      .selectFrom(all.as('scoped'))
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  } else {
    let q = filtered(db.selectFrom('orders').selectAll());
    if (units) q = q.where('unit_id', 'in', units);
    rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
  return rows;
}

/**
 * The open orders in the scope counted in one GROUP BY: per state, SLA status and whether a
 * 退单 (ret) or 延期 (ext) request is pending.
 */
export async function countOpenOrders(db: Db, scope: OrderScope) {
  const ret = sql<number>`case when return_request is null then 0 else 1 end`;
  const ext = sql<number>`case when extension_request is null then 0 else 1 end`;
  let q = db
    .selectFrom('orders')
    .select(['state', 'sla_status'])
    .select(ret.as('ret'))
    .select(ext.as('ext'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('state', 'in', OPEN_STATES as unknown as string[]);
  if (scope.units) q = q.where('unit_id', 'in', scope.units.length ? scope.units : ['-']);
  if (scope.reporter) q = q.where('reporter_user_id', '=', scope.reporter);
  if (scope.registrant) q = q.where('id', 'in', registeredBy(db, scope.registrant));
  return q.groupBy(['state', 'sla_status', ret, ext]).execute();
}

// ── one order ────────────────────────────────────────────────────────────────────────────

/** The order with this id or this number (工单号). */
export function findOrderByIdOrNumber(db: Db, idOrNumber: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
    .executeTakeFirst();
}

/** Who registered an order (the actor of its creation step): null for the public, the system or an import. */
export async function registrantOf(db: Db, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('order_events')
    .select('actor_id')
    .where('order_id', '=', orderId)
    .where('type', '=', 'order.created')
    .executeTakeFirst();
  return row?.actor_id ?? null;
}

export function findOrderById(db: Db, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `number` as stored (upper case, no spaces). */
export function findOrderByNumber(db: Db, number: string) {
  return db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
}

/** An order's timeline, oldest first. */
export function orderEvents(db: Db, orderId: string) {
  return db
    .selectFrom('order_events')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The duplicates merged into a main order. */
export function ordersMergedInto(db: Db, mainOrderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'title', 'created_at'])
    .where('main_order_id', '=', mainOrderId)
    .execute();
}

/** A merged order's main order, in brief. */
export function mainOrderBrief(db: Db, id: string) {
  return db.selectFrom('orders').select(['id', 'number', 'state']).where('id', '=', id).executeTakeFirst();
}

/** The notifications about an order, oldest first. */
export function orderNotifications(db: Db, orderId: string) {
  return db.selectFrom('notifications').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
}

/** An order's timeline steps for public tracking, oldest first (no actors, notes or data). */
export function orderProgressEvents(db: Db, orderId: string) {
  return db
    .selectFrom('order_events')
    .select(['at', 'type', 'to_state'])
    .where('order_id', '=', orderId)
    .orderBy('at')
    .execute();
}

/** 来电历史: the latest 20 orders reported from this phone number, newest first. */
export function ordersByReporterPhone(db: Db, phone: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('reporter_phone', '=', phone)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}
