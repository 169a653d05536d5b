/**
 * The notices the demo history's open orders would have sent their units (新工单 at dispatch,
 * 超期 at the passed deadline, 督办 for supervised ones): the history is imported without the
 * per-change hooks, so without these a fresh demo's bell would stay empty. Marked sent, with the
 * texts the live templates write.
 */
import type { Insertable } from 'kysely';
import type { DB } from '../../../schema';
import { newId } from '../../../platform/ids';
import type { PlatformContext } from '../../../platform/context';
import { insertRows } from '../../../platform/db/rows';
import type { OrdersServices } from '../services';
import * as t from '../notifications/templates';

const OPEN_AT_UNIT = ['pending_sign', 'handling', 'pending_review'];

export async function seedDemoNotices(p: PlatformContext, m: OrdersServices): Promise<string> {
  const rows = await p.db
    .selectFrom('orders')
    .selectAll()
    .where('demo', '=', 1)
    .where('state', 'in', OPEN_AT_UNIT)
    .where('unit_id', 'is not', null)
    .execute();
  const notices: Array<Insertable<DB['notifications']>> = [];
  const add = (o: (typeof rows)[number], at: number, template: t.TemplateCode, text: string) =>
    notices.push({
      id: newId(at),
      order_id: o.id,
      channel: 'internal',
      recipient: o.unit_id!,
      recipient_kind: 'unit',
      template,
      text,
      status: 'sent',
      attempts: 1,
      created_at: at,
      sent_at: at,
      error: null,
    });
  const now = p.clock.now();
  for (const o of rows) {
    const facts = { number: o.number, title: o.title };
    const sign = o.sign_deadline === null ? null : Number(o.sign_deadline);
    const completion = o.completion_deadline === null ? null : Number(o.completion_deadline);
    if (o.dispatched_at !== null) {
      add(
        o,
        Number(o.dispatched_at),
        'unit.new_order',
        t.unitNewOrder({
          ...facts,
          categoryPath: m.categories.pathName(o.category_code),
          urgency: o.urgency,
          signDeadline: o.signed_at === null ? sign : null,
          completionDeadline: completion,
        }),
      );
    }
    if (o.sla_status === 'overdue') {
      const clock = o.signed_at === null && sign !== null && sign < now ? 'sign' : 'completion';
      const deadline = clock === 'sign' ? sign : completion;
      if (deadline !== null && deadline < now)
        add(o, deadline, 'unit.overdue', t.unitOverdue({ ...facts, clock, deadline }));
    }
    if (Number(o.supervision_level) > 0) {
      add(
        o,
        Math.min(now, Number(o.updated_at)),
        'unit.supervised',
        t.unitSupervised({ ...facts, level: Number(o.supervision_level), note: null }),
      );
    }
  }
  await p.db.transaction().execute(async (trx) => {
    for (let i = 0; i < notices.length; i += 500) await insertRows(trx, 'notifications', notices.slice(i, i + 500));
  });
  return `${notices.length} unit notices of the open demo orders`;
}
