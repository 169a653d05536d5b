/**
 * 重复件 follow their main order: when a main order is answered (reply approved or direct reply),
 * the reporters of the orders merged into it get the same answer, under their own order number.
 */
import type { Work } from '../../../platform/transact';
import type { OrderChange } from '../deps';
import { writeNotification } from './outbox';
import { citizenReplied } from './templates';
import { mergedInto } from '../orders.repo';

const ANSWERED = new Set(['order.reply_approved', 'order.direct_replied']);

export function mergedFollowMainHook() {
  return async (w: Work, change: OrderChange): Promise<void> => {
    if (!ANSWERED.has(change.event.type) || change.after.demo) return;
    const merged = await mergedInto(w.trx, change.after.id);
    for (const m of merged) {
      if (!m.reporter_phone) continue;
      await writeNotification(w, m.id, {
        channel: 'sms',
        recipient: m.reporter_phone,
        recipientKind: 'citizen',
        template: 'citizen.replied',
        text: citizenReplied({ number: m.number, title: m.title, reply: change.after.reply }),
      });
    }
  };
}
