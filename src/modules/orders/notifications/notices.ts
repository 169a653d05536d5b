/** Which notifications an order change calls for (pure): the citizen's milestones, the unit's work. */
import type { OrderChange } from '../deps';
import * as t from './templates';

export type Channel = 'sms' | 'wechat' | 'internal';

export interface Notice {
  channel: Channel;
  /** Phone number (sms), the hashed openid reference `wx:…` the WeChat relay gave (wechat), or unit id (internal). */
  recipient: string;
  recipientKind: 'citizen' | 'unit';
  template: t.TemplateCode;
  text: string;
}

export interface NoticeContext {
  categoryPath(code: string | null): string | null;
  /** A WeChat gateway is configured: citizens who wrote in by WeChat are answered there. */
  wechat: boolean;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function noticesFor(change: Pick<OrderChange, 'before' | 'after' | 'event'>, ctx: NoticeContext): Notice[] {
  const { before, after: o, event } = change;
  const data = event.data ?? {};
  const facts = { number: o.number, title: o.title };
  const out: Notice[] = [];

  // Citizens: answered on WeChat when they wrote in there (and a gateway is configured), else by
  // SMS to their phone. Never for demo orders: those carry made-up numbers.
  const wechatRef = ctx.wechat && o.channel === 'wechat' && o.source_ref?.startsWith('wx:') ? o.source_ref : null;
  const phone = o.reporter_phone;
  const citizen = (template: t.TemplateCode, text: string) => {
    if (Number(o.demo)) return;
    if (wechatRef) out.push({ channel: 'wechat', recipient: wechatRef, recipientKind: 'citizen', template, text });
    else if (phone) out.push({ channel: 'sms', recipient: phone, recipientKind: 'citizen', template, text });
  };
  if (event.type === 'order.created') citizen('citizen.accepted', t.citizenAccepted(facts));
  if (event.type === 'order.reply_approved' || event.type === 'order.direct_replied') {
    citizen('citizen.replied', t.citizenReplied({ ...facts, reply: o.reply }));
  }
  if (o.state === 'pending_visit' && before?.state !== 'pending_visit') citizen('citizen.visit', t.citizenVisit(facts));

  // Units: shown in the workbench (internal channel), addressed to the unit holding the order.
  const unit = (template: t.TemplateCode, text: string) => {
    if (o.unit_id) out.push({ channel: 'internal', recipient: o.unit_id, recipientKind: 'unit', template, text });
  };
  const clock = data.clock === 'sign' ? 'sign' : 'completion';
  const deadline = num(data.deadline);
  if ((event.type === 'order.recalled' || event.type === 'order.redispatched') && before?.unit_id) {
    out.push({
      channel: 'internal',
      recipient: before.unit_id,
      recipientKind: 'unit',
      template: 'unit.recalled',
      text: t.unitRecalled({
        ...facts,
        reason: typeof data.reason === 'string' ? data.reason : null,
        redispatched: event.type === 'order.redispatched',
      }),
    });
  }
  switch (event.type) {
    case 'order.dispatched':
    case 'order.redispatched':
      unit(
        'unit.new_order',
        t.unitNewOrder({
          ...facts,
          categoryPath: ctx.categoryPath(o.category_code),
          urgency: o.urgency,
          signDeadline: o.signed_at === null ? num(o.sign_deadline) : null,
          completionDeadline: num(o.completion_deadline),
        }),
      );
      break;
    case 'order.sla_due_soon':
      if (deadline !== null)
        unit('unit.due_soon', t.unitDueSoon({ ...facts, clock, deadline, remainingMs: num(data.remainingMs) ?? 0 }));
      break;
    case 'order.sla_overdue':
      if (deadline !== null) unit('unit.overdue', t.unitOverdue({ ...facts, clock, deadline }));
      break;
    case 'order.supervised':
      unit(
        'unit.supervised',
        t.unitSupervised({
          ...facts,
          level: num(data.level) ?? Number(o.supervision_level),
          note: typeof data.note === 'string' ? data.note : null,
        }),
      );
      break;
  }
  return out;
}
