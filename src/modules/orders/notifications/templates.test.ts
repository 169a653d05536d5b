import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../row';
import { noticesFor } from './notices';
import * as t from './templates';

const at = (s: string) => Date.parse(`${s}+08:00`);

describe('templates', () => {
  it('formats Beijing time and working hours', () => {
    expect(t.formatBeijing(at('2026-02-27T17:30:00'))).toBe('2月27日 17:30');
    expect(t.formatBeijing(Date.UTC(2026, 0, 31, 16, 5))).toBe('2月1日 00:05'); // 16:05 UTC is past midnight in Beijing
    expect(t.formatWorkingHours(5_400_000)).toBe('1.5');
    expect(t.formatWorkingHours(60_000)).toBe('0.1');
    expect(t.formatWorkingHours(0)).toBe('0');
    expect(t.clip('一二三四五六七八九十', 5)).toBe('一二三四…');
    expect(t.clip('  a\n b ', 10)).toBe('a b');
  });

  it('writes the citizen messages with the order number', () => {
    const o = { number: 'GC2026030200001', title: '小区门口占道经营，早市摊贩堵塞消防通道，请尽快处理' };
    expect(t.citizenAccepted(o)).toBe(
      '【一网统管】您反映的“小区门口占道经营，早市摊贩堵塞消防通道…”已受理，工单号GC2026030200001。可凭工单号和本手机号查询办理进度。',
    );
    expect(t.citizenReplied({ ...o, reply: '已联合执法中队清理摊贩，并设置禁止占道经营告示牌。' })).toContain(
      '已办理答复：已联合执法中队清理摊贩',
    );
    expect(t.citizenReplied({ ...o, reply: null })).toMatch(/已办理答复。$/);
    expect(t.citizenVisit(o)).toContain('工单GC2026030200001已答复，我们将回访');
  });

  it('writes the unit messages with deadlines in Beijing time', () => {
    const o = { number: 'GC2026021300001', title: '占道经营' };
    expect(
      t.unitNewOrder({
        ...o,
        categoryPath: '城市管理 › 市容秩序 › 占道经营',
        urgency: 'urgent',
        signDeadline: at('2026-02-14T11:00:00'),
        completionDeadline: at('2026-02-27T17:30:00'),
      }),
    ).toBe(
      '【一网统管】【加急】新工单GC2026021300001：占道经营（城市管理 › 市容秩序 › 占道经营）。请于2月14日 11:00前签收，2月27日 17:30前办结。',
    );
    expect(
      t.unitDueSoon({ ...o, clock: 'completion', deadline: at('2026-02-27T17:30:00'), remainingMs: 7.3 * 3_600_000 }),
    ).toBe('【一网统管】工单GC2026021300001（占道经营）临近办结时限：2月27日 17:30，剩余约7.3个工作小时，请抓紧办结。');
    expect(t.unitOverdue({ ...o, clock: 'sign', deadline: at('2026-02-14T11:00:00') })).toBe(
      '【一网统管】工单GC2026021300001（占道经营）已超过签收时限（2月14日 11:00），请立即签收。',
    );
    expect(
      t.unitSupervised({ ...o, level: 2, note: '超过办结时限5个工作日仍未办结，系统自动二级督办，予以通报' }),
    ).toContain('被二级督办：超过办结时限5个工作日');
  });
});

describe('noticesFor', () => {
  const row = {
    id: 'o1',
    number: 'GC2026030200001',
    title: '路灯不亮',
    channel: 'hotline',
    reporter_phone: '13812345678',
    demo: 0,
    state: 'pending_dispatch',
    unit_id: null,
    category_code: '010401',
    urgency: 'normal',
    sign_deadline: null,
    completion_deadline: null,
    signed_at: null,
    reply: null,
    supervision_level: 0,
    source_ref: null,
  } as unknown as OrderRow;
  const ctx = { categoryPath: () => '城市管理 › 市政设施 › 路灯故障', wechat: false };
  const ev = (type: string, data: Record<string, unknown> = {}) => ({ type, data: { orderId: 'o1', ...data } });
  const kinds = (n: ReturnType<typeof noticesFor>) => n.map((x) => `${x.recipientKind}:${x.channel}:${x.template}`);

  it('citizens: accepted, replied, invited to the return visit', () => {
    expect(kinds(noticesFor({ before: null, after: row, event: ev('order.created') }, ctx))).toEqual([
      'citizen:sms:citizen.accepted',
    ]);
    const handling = { ...row, state: 'pending_review', unit_id: 'u1', reply: '已修复' } as OrderRow;
    const visit = { ...handling, state: 'pending_visit' } as OrderRow;
    expect(kinds(noticesFor({ before: handling, after: visit, event: ev('order.reply_approved') }, ctx))).toEqual([
      'citizen:sms:citizen.replied',
      'citizen:sms:citizen.visit',
    ]);
    const closed = { ...handling, state: 'closed', needs_visit: 0 } as OrderRow;
    expect(kinds(noticesFor({ before: handling, after: closed, event: ev('order.reply_approved') }, ctx))).toEqual([
      'citizen:sms:citizen.replied',
    ]);
    expect(
      kinds(
        noticesFor(
          {
            before: row,
            after: { ...row, state: 'pending_visit', reply: '答复' } as OrderRow,
            event: ev('order.direct_replied'),
          },
          ctx,
        ),
      ),
    ).toEqual(['citizen:sms:citizen.replied', 'citizen:sms:citizen.visit']);
    const n = noticesFor({ before: null, after: row, event: ev('order.created') }, ctx)[0];
    expect(n.recipient).toBe('13812345678');
  });

  it('no citizen message without a phone, or for demo orders; WeChat when they wrote in there', () => {
    expect(
      noticesFor(
        { before: null, after: { ...row, reporter_phone: null } as OrderRow, event: ev('order.created') },
        ctx,
      ),
    ).toEqual([]);
    expect(
      noticesFor({ before: null, after: { ...row, demo: 1 } as OrderRow, event: ev('order.created') }, ctx),
    ).toEqual([]);
    const wx = { ...row, channel: 'wechat', reporter_phone: null, source_ref: 'wx:abc123' } as OrderRow;
    expect(noticesFor({ before: null, after: wx, event: ev('order.created') }, ctx)).toEqual([]);
    const n = noticesFor({ before: null, after: wx, event: ev('order.created') }, { ...ctx, wechat: true });
    expect(n.map((x) => [x.channel, x.recipient])).toEqual([['wechat', 'wx:abc123']]);
  });

  it('units: new order, 临期, 超期, 督办 — to the unit holding the order', () => {
    const d = {
      ...row,
      state: 'pending_sign',
      unit_id: 'u1',
      sign_deadline: at('2026-03-02T13:00:00'),
      completion_deadline: at('2026-03-09T17:30:00'),
    } as OrderRow;
    const dispatched = noticesFor({ before: row, after: d, event: ev('order.dispatched') }, ctx);
    expect(dispatched.map((x) => [x.recipientKind, x.channel, x.recipient, x.template])).toEqual([
      ['unit', 'internal', 'u1', 'unit.new_order'],
    ]);
    expect(dispatched[0].text).toContain('请于3月2日 13:00前签收，3月9日 17:30前办结');
    expect(
      kinds(
        noticesFor(
          {
            before: d,
            after: d,
            event: ev('order.sla_due_soon', {
              clock: 'completion',
              deadline: d.completion_deadline,
              remainingMs: 3_600_000,
            }),
          },
          ctx,
        ),
      ),
    ).toEqual(['unit:internal:unit.due_soon']);
    expect(
      noticesFor(
        { before: d, after: d, event: ev('order.sla_overdue', { clock: 'sign', deadline: d.sign_deadline }) },
        ctx,
      )[0].text,
    ).toContain('已超过签收时限（3月2日 13:00）');
    expect(
      noticesFor({ before: d, after: d, event: ev('order.supervised', { level: 1, note: '请于今日内办结' }) }, ctx)[0]
        .text,
    ).toContain('被一级督办：请于今日内办结');
    // the centre holds it (after a 退单): nobody to tell
    expect(
      noticesFor(
        {
          before: d,
          after: { ...d, unit_id: null } as OrderRow,
          event: ev('order.sla_overdue', { clock: 'completion', deadline: 1 }),
        },
        ctx,
      ),
    ).toEqual([]);
    expect(noticesFor({ before: d, after: d, event: ev('order.urged') }, ctx)).toEqual([]);
  });
});
