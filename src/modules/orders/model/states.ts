/** Work-order states (工单状态): codes stored in the database, labels shown to people. */

export const ORDER_STATES = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
  'closed',
  'archived',
  'cancelled',
  'merged',
] as const;

export type OrderState = (typeof ORDER_STATES)[number];

export const STATE_LABELS: Record<OrderState, { zh: string; en: string }> = {
  pending_dispatch: { zh: '待分拨', en: 'pending dispatch' },
  pending_sign: { zh: '待签收', en: 'pending sign-for' },
  handling: { zh: '办理中', en: 'handling' },
  pending_review: { zh: '待审核', en: 'pending review' },
  pending_visit: { zh: '待回访', en: 'pending return visit' },
  closed: { zh: '已办结', en: 'closed' },
  archived: { zh: '归档', en: 'archived' },
  cancelled: { zh: '已撤销', en: 'cancelled' },
  merged: { zh: '已合并', en: 'merged' },
};

/** States in which the order is still being worked on (it may be merged or counted as open). */
export const OPEN_STATES: readonly OrderState[] = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
];

/** States in which a unit holds the order and its clock runs against that unit. */
export const UNIT_STATES: readonly OrderState[] = ['pending_sign', 'handling'];

export function isOrderState(x: unknown): x is OrderState {
  return typeof x === 'string' && (ORDER_STATES as readonly string[]).includes(x);
}

export function isOpenState(s: OrderState): boolean {
  return OPEN_STATES.includes(s);
}

/** "已办结 (closed)" — for messages read by both Chinese and English speakers. */
export function describeState(s: OrderState): string {
  const l = STATE_LABELS[s];
  return l ? `${l.zh} (${s})` : String(s);
}
