/**
 * A unit's notices in the app: the internal-channel notifications (新工单, 临期, 超期, 督办)
 * addressed to the units in the caller's data scope, newest first, with an unread count against
 * the caller's "seen up to" mark. The header's bell shows them to handlers.
 */
import { NoticesQuery, SeenBody, SeenResult, UnitNotices } from './notifications.contract';
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import type { Principal } from '../../../platform/auth/principal';
import type { OrdersServices } from '../services';
import { templateTitle } from './templates';
import { advanceSeenMark, seenMark, unitNotices } from './notifications.repo';

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
      const seenAt = await seenMark(p.db, pr.id);
      if (units !== null && units.length === 0) return { items: [], unread: 0, seenAt };
      const { rows, unread } = await unitNotices(p.db, units, req.query.limit ?? 20, seenAt);
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
        unread,
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
      return { seenAt: await advanceSeenMark(p.db, p.dialect, pr.id, until) };
    },
  );
}
