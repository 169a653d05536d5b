/**
 * Notifications outbox: an OrderHook writes the messages an order change calls for in the
 * change's own transaction, each with a `notifications.deliver` job; the job sends it through the
 * channel's adapter. A send that fails is retried with the job runner's backoff; after the last
 * attempt the message is marked 'failed' with the error (the job itself then ends 'done').
 */
import type { Job } from '../../../platform/jobs';
import { JOB_INSERT, jobRow } from '../../../platform/jobs';
import type { Tx } from '../../../platform/db/connect';
import type { Work } from '../../../platform/transact';
import { newId } from '../../../platform/ids';
import type { OrderChange, OrdersDeps } from '../deps';
import { noticesFor, type Notice } from './notices';
import { templateTitle } from './templates';
import type { DeliveryAdapter } from './adapters';
import { lockNotification, markFailed, markSent } from './notifications.repo';
import { orderNumberOf } from '../orders.repo';

export const DELIVER_JOB = 'notifications.deliver';
/** Attempts per message: with the runner's backoff (2, 4, 8, 16 s) about half a minute of retries. */
export const DELIVERY_ATTEMPTS = 5;

/** The hook: write what the change calls for, with one delivery job per message. */
export function notificationHook(d: OrdersDeps) {
  return async (w: Work, change: OrderChange): Promise<void> => {
    const notices = noticesFor(change, {
      categoryPath: (code) => d.categories.pathName(code),
      wechat: !!d.p.config.wechatWebhookUrl,
    });
    for (const n of notices) await writeNotification(w, change.after.id, n);
  };
}

export async function writeNotification(w: Work, orderId: string | null, n: Notice): Promise<string> {
  const id = newId(w.now);
  // appended: written at the end of the change's transaction, with the other messages of a shared commit
  w.append('notifications', {
    id,
    order_id: orderId,
    channel: n.channel,
    recipient: n.recipient,
    recipient_kind: n.recipientKind,
    template: n.template,
    text: n.text,
    status: 'pending',
    attempts: 0,
    created_at: w.now,
    sent_at: null,
    error: null,
  });
  w.append(
    'jobs',
    jobRow(
      DELIVER_JOB,
      { runAt: w.now, payload: { notificationId: id }, dedupeKey: id, maxAttempts: DELIVERY_ATTEMPTS },
      w.now,
    ),
    JOB_INSERT,
  );
  return id;
}

/**
 * The delivery job. The send happens inside the job's transaction, so its outcome and the job's
 * completion commit together; on SQLite that transaction holds the database while the gateway
 * answers, hence the adapters' short timeout.
 */
export function deliveryHandler(d: OrdersDeps, adapterFor: (channel: string) => DeliveryAdapter) {
  return async (trx: Tx, job: Job): Promise<void> => {
    const id = typeof job.payload.notificationId === 'string' ? job.payload.notificationId : null;
    if (!id) return;
    const n = await lockNotification(trx, d.p.dialect, id);
    if (!n || n.status !== 'pending') return;
    const order = n.order_id ? await orderNumberOf(trx, n.order_id) : undefined;
    try {
      await adapterFor(n.channel).send({
        id: n.id,
        channel: n.channel,
        recipient: n.recipient,
        recipientKind: n.recipient_kind,
        template: n.template,
        title: templateTitle(n.template),
        text: n.text,
        orderId: n.order_id,
        orderNumber: order?.number ?? null,
        createdAt: Number(n.created_at),
      });
    } catch (err) {
      const error = String((err as Error)?.message ?? err).slice(0, 1000);
      // Earlier attempts throw so the runner retries with backoff (and rolls this back); the last one records the failure.
      if (job.attempts < DELIVERY_ATTEMPTS) throw err;
      await markFailed(trx, id, job.attempts, error);
      d.p.logger.warn({ notification: id, channel: n.channel, error }, 'notification not delivered');
      return;
    }
    await markSent(trx, id, job.attempts, d.p.clock.now());
  };
}
