/**
 * The texts of notifications (SMS-sized, in Chinese), as pure functions of the order's facts.
 * Dates are Beijing time. Template codes are stored with each message and sent to gateways,
 * which map them to their own registered templates (SMS signatures, WeChat template ids).
 */

export const TEMPLATES = {
  'citizen.accepted': { title: '诉求受理通知', to: 'citizen' },
  'citizen.replied': { title: '诉求答复通知', to: 'citizen' },
  'citizen.visit': { title: '办理结果回访', to: 'citizen' },
  'unit.new_order': { title: '新工单通知', to: 'unit' },
  'unit.due_soon': { title: '工单临期提醒', to: 'unit' },
  'unit.overdue': { title: '工单超期提醒', to: 'unit' },
  'unit.supervised': { title: '工单督办通知', to: 'unit' },
  'unit.recalled': { title: '工单收回通知', to: 'unit' },
} as const;

export type TemplateCode = keyof typeof TEMPLATES;

export function templateTitle(code: string): string {
  return (TEMPLATES as Record<string, { title: string }>)[code]?.title ?? code;
}

const SIGNATURE = '【一网统管】';
const BEIJING = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** '2月27日 17:30' (Beijing time). */
export function formatBeijing(ms: number): string {
  const d = new Date(ms + BEIJING);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Working hours with at most one decimal: 5400000 → '1.5'. Never '0' for a positive span. */
export function formatWorkingHours(ms: number): string {
  const h = Math.max(0, ms) / 3_600_000;
  if (h > 0 && h < 0.1) return '0.1';
  return String(Math.round(h * 10) / 10);
}

/** A title or reply cut to `max` characters (by code point), with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

export const CLOCK_LABEL = { sign: '签收', completion: '办结' } as const;
const LEVEL_LABEL = ['', '一级', '二级', '三级'];

export interface OrderFacts {
  number: string;
  title: string;
}

export function citizenAccepted(o: OrderFacts): string {
  return `${SIGNATURE}您反映的“${clip(o.title, 20)}”已受理，工单号${o.number}。可凭工单号和本手机号查询办理进度。`;
}

export function citizenReplied(o: OrderFacts & { reply: string | null }): string {
  const reply = o.reply ? `：${clip(o.reply, 60)}` : '。';
  return `${SIGNATURE}您反映的“${clip(o.title, 20)}”（工单号${o.number}）已办理答复${reply}`;
}

export function citizenVisit(o: OrderFacts): string {
  return `${SIGNATURE}工单${o.number}已答复，我们将回访了解您对办理结果的评价（满意/基本满意/不满意），请留意来电。`;
}

export function unitNewOrder(
  o: OrderFacts & {
    categoryPath: string | null;
    urgency: string;
    signDeadline: number | null;
    completionDeadline: number | null;
  },
): string {
  const urgent = o.urgency === 'emergency' ? '【紧急】' : o.urgency === 'urgent' ? '【加急】' : '';
  const category = o.categoryPath ? `（${o.categoryPath}）` : '';
  const limits = [
    o.signDeadline !== null ? `${formatBeijing(o.signDeadline)}前签收` : null,
    o.completionDeadline !== null ? `${formatBeijing(o.completionDeadline)}前办结` : null,
  ]
    .filter(Boolean)
    .join('，');
  return `${SIGNATURE}${urgent}新工单${o.number}：${clip(o.title, 30)}${category}。${limits ? `请于${limits}。` : '请及时签收办理。'}`;
}

export function unitDueSoon(
  o: OrderFacts & { clock: 'sign' | 'completion'; deadline: number; remainingMs: number },
): string {
  const label = CLOCK_LABEL[o.clock];
  return `${SIGNATURE}工单${o.number}（${clip(o.title, 20)}）临近${label}时限：${formatBeijing(o.deadline)}，剩余约${formatWorkingHours(o.remainingMs)}个工作小时，请抓紧${label}。`;
}

export function unitOverdue(o: OrderFacts & { clock: 'sign' | 'completion'; deadline: number }): string {
  const label = CLOCK_LABEL[o.clock];
  return `${SIGNATURE}工单${o.number}（${clip(o.title, 20)}）已超过${label}时限（${formatBeijing(o.deadline)}），请立即${label}。`;
}

export function unitSupervised(o: OrderFacts & { level: number; note: string | null }): string {
  const level = LEVEL_LABEL[o.level] ?? `${o.level}级`;
  const note = o.note ? `：${clip(o.note, 60)}` : '';
  return `${SIGNATURE}工单${o.number}（${clip(o.title, 20)}）被${level}督办${note}。请加快办理并及时反馈。`;
}

/** To the unit an order was taken from by 收回 or 改派: stop work on it. */
export function unitRecalled(o: OrderFacts & { reason: string | null; redispatched: boolean }): string {
  const how = o.redispatched ? '已由中心改派其他单位办理' : '已由中心收回';
  const reason = o.reason ? `（${clip(o.reason, 40)}）` : '';
  return `${SIGNATURE}工单${o.number}（${clip(o.title, 20)}）${how}${reason}，贵单位无需继续办理。`;
}
