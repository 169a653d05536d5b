/** Work-order states (工单状态): codes stored in the database, labels shown to people. */

import { ORDER_STATES, OPEN_STATES, UNIT_STATES, type OrderState } from '../contract';

// the lists are the contract's (one copy for server and web)
export { ORDER_STATES, OPEN_STATES, UNIT_STATES, type OrderState };

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
