/**
 * A unit's notices in the app: the internal-channel notifications (新工单, 临期, 超期, 督办)
 * addressed to the units in the caller's data scope, newest first, with an unread count against
 * the caller's "seen up to" mark. The header's bell shows them to handlers.
 */
import { NoticesQuery, SeenBody, SeenResult, UnitNotices } from './notifications.contract';
import { sql } from 'kysely';
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import type { Principal } from '../../../platform/auth/principal';
import type { OrdersServices } from '../services';
import { templateTitle } from './templates';

/** The units whose notices a principal reads: every unit for street-wide roles, else their subtree. */
function unitsOf(m: OrdersServices, pr: Principal): string[] | null {
  if (pr.allScope) return null;
  return pr.orgPath ? m.units.idsUnder(pr.orgPath) : [];
}

export function unitNoticeRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;

  app.get(
    '/api/notifications/mine',
    {
      config: { permission: 'orders.handle' },
      schema: {
        tags: ['orders'],
        summary: "本单位的通知（新工单、临期、超期、督办）/ my units' notices, newest first, with the unread count",
        querystring: NoticesQuery,
        response: { 200: UnitNotices },
      },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      const units = unitsOf(m, pr);
      const mark = await p.db
        .selectFrom('notice_marks')
        .select('seen_at')
        .where('user_id', '=', pr.id)
        .executeTakeFirst();
      const seenAt = mark ? Number(mark.seen_at) : 0;
      if (units !== null && units.length === 0) return { items: [], unread: 0, seenAt };
      let base = p.db
        .selectFrom('notifications')
        .where('notifications.recipient_kind', '=', 'unit')
        .where('notifications.channel', '=', 'internal');
      if (units !== null) base = base.where('notifications.recipient', 'in', units);
      const rows = await base
        .leftJoin('orders', 'orders.id', 'notifications.order_id')
        .select([
          'notifications.id',
          'notifications.order_id',
          'notifications.recipient',
          'notifications.template',
          'notifications.text',
          'notifications.created_at',
          'orders.number as order_number',
        ])
        .orderBy('notifications.created_at', 'desc')
        .orderBy('notifications.id', 'desc')
        .limit(req.query.limit ?? 20)
        .execute();
      // counted to 100 at most: the badge shows 99+ past that
      const unread = await p.db
        .selectFrom(base.select('notifications.id').where('notifications.created_at', '>', seenAt).limit(100).as('u'))
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((n) => ({
          id: n.id,
          orderId: n.order_id,
          orderNumber: n.order_number,
          unitId: n.recipient,
          unitName: m.units.name(n.recipient),
          template: n.template,
          title: templateTitle(n.template),
          text: n.text,
          createdAt: Number(n.created_at),
          unread: Number(n.created_at) > seenAt,
        })),
        unread: Number(unread.n),
        seenAt,
      };
    },
  );

  app.post(
    '/api/notifications/mine/seen',
    {
      config: { permission: 'orders.handle' },
      schema: {
        tags: ['orders'],
        summary: '标记本单位通知为已读 / mark my notices seen up to an instant (default now)',
        body: SeenBody,
        response: { 200: SeenResult },
      },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      const now = p.clock.now();
      // never in the future (a later notice would be hidden), never moving back
      const until = Math.min(req.body.until ?? now, now);
      await p.db
        .insertInto('notice_marks')
        .values({ user_id: pr.id, seen_at: until })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            seen_at:
              p.dialect === 'postgres'
                ? sql`greatest(notice_marks.seen_at, excluded.seen_at)`
                : sql`max(notice_marks.seen_at, excluded.seen_at)`,
          }),
        )
        .execute();
      const mark = await p.db
        .selectFrom('notice_marks')
        .select('seen_at')
        .where('user_id', '=', pr.id)
        .executeTakeFirstOrThrow();
      return { seenAt: Number(mark.seen_at) };
    },
  );
}
