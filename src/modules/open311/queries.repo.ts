/**
 * Reads for the public Open311 methods, straight from the orders module's tables with Kysely
 * (the staff list needs a principal and applies data scope; these are public and unscoped).
 * Only the columns in REQUEST_COLUMNS are read: the reporter never leaves the database here.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../schema';
import type { RequestQuery, UpdatesQuery } from './params';
import { statesOf, UPDATE_TYPES } from './status';
import { REQUEST_COLUMNS, type EventRow, type RequestRow } from './views';

export class Open311Queries {
  constructor(private db: Kysely<DB>) {}

  /** GET /requests: by ids (that overrides the rest) or by window, service codes and status; newest first. */
  async requests(q: RequestQuery): Promise<RequestRow[]> {
    let sel = this.db.selectFrom('orders').select([...REQUEST_COLUMNS]);
    if (q.ids.length) {
      sel = sel.where('number', 'in', q.ids);
    } else {
      sel = sel.where('created_at', '>=', q.window.start).where('created_at', '<=', q.window.end);
      if (q.serviceCodes.length) sel = sel.where('category_code', 'in', q.serviceCodes);
      if (q.status.length === 1) sel = sel.where('state', 'in', statesOf(q.status));
    }
    const rows = await sel
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return rows as RequestRow[];
  }

  /** One request by its number (what POST returned as service_request_id). */
  async request(number: string): Promise<RequestRow | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .select([...REQUEST_COLUMNS])
      .where('number', '=', number.toUpperCase())
      .executeTakeFirst();
    return row as RequestRow | undefined;
  }

  /** GET /tokens/{token}: the token is the order's id. */
  async byId(id: string): Promise<{ id: string; number: string } | undefined> {
    return this.db.selectFrom('orders').select(['id', 'number']).where('id', '=', id).executeTakeFirst();
  }

  /** Numbers of the main orders that merged requests point to. */
  async numbersOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('orders')
      .select(['id', 'number'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.number]));
  }

  /** Published timeline steps in the window, oldest first (FixMyStreet replays them in order). */
  async updates(q: UpdatesQuery): Promise<EventRow[]> {
    const rows = await this.db
      .selectFrom('order_events as e')
      .innerJoin('orders as o', 'o.id', 'e.order_id')
      .select(['e.id', 'e.order_id', 'o.number', 'e.at', 'e.type', 'e.to_state', 'e.unit_id', 'e.note', 'e.data'])
      .where('e.type', 'in', [...UPDATE_TYPES])
      .where('e.at', '>=', q.window.start)
      .where('e.at', '<=', q.window.end)
      .orderBy('e.at', 'asc')
      .orderBy('e.id', 'asc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return rows as EventRow[];
  }

  /**
   * The reply each approval approved: per order, the latest reply the unit submitted at or
   * before the approval (a 重办 may have replaced an earlier one).
   */
  async approvedReplies(
    approvals: ReadonlyArray<{ id: string; order_id: string; at: number }>,
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (approvals.length === 0) return out;
    const submitted = await this.db
      .selectFrom('order_events')
      .select(['order_id', 'at', 'note'])
      .where('type', '=', 'order.reply_submitted')
      .where('order_id', 'in', [...new Set(approvals.map((a) => a.order_id))])
      .orderBy('at', 'asc')
      .execute();
    for (const a of approvals) {
      let reply: string | null = null;
      for (const s of submitted) if (s.order_id === a.order_id && Number(s.at) <= a.at && s.note) reply = s.note;
      if (reply) out.set(a.id, reply);
    }
    return out;
  }

  /** The discovery changeset: the last change to the category tree (from the audit log), if any. */
  async lastCatalogueChange(): Promise<number | null> {
    const row = await this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('entity_type', '=', 'order_category')
      .executeTakeFirst();
    return row?.at === null || row?.at === undefined ? null : Number(row.at);
  }
}
