import { OutboxList, OutboxQuery as Query } from './notifications.contract';
import type { Http } from '../../../platform/http';
import { maskPhone } from '../../identity/pii';
import type { OrdersServices } from '../services';
import { templateTitle } from './templates';
import { listOutbox } from './notifications.repo';

/** The notifications outbox, newest first: what was sent to whom, what is pending, what failed. */
export function notificationRoutes(app: Http, m: OrdersServices) {
  const p = m.deps.p;
  app.get(
    '/api/notifications',
    {
      config: { permission: 'notifications.read' },
      schema: {
        tags: ['orders'],
        summary: '通知记录 / notifications to citizens and units, newest first',
        querystring: Query,
        response: { 200: OutboxList },
      },
    },
    async (req) => {
      const q = req.query;
      const rows = await listOutbox(p.db, { orderId: q.orderId, status: q.status, limit: q.limit ?? 100 });
      return {
        items: rows.map((n) => ({
          id: n.id,
          orderId: n.order_id,
          orderNumber: n.order_number,
          channel: n.channel,
          // citizens' numbers stay masked here, as everywhere outside an audited reveal
          recipient: n.recipient_kind === 'citizen' ? maskPhone(n.recipient) : n.recipient,
          recipientKind: n.recipient_kind,
          recipientName: n.recipient_kind === 'unit' ? m.units.name(n.recipient) : null,
          template: n.template,
          title: templateTitle(n.template),
          text: n.text,
          status: n.status,
          attempts: Number(n.attempts),
          createdAt: Number(n.created_at),
          sentAt: n.sent_at === null ? null : Number(n.sent_at),
          error: n.error,
        })),
      };
    },
  );
}
