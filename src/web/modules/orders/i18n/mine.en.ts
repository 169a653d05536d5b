/** English for mine.zh-CN.ts (my requests, orders I registered, the dispatch timer, caller ID). */
import type { mineZhCN } from './mine.zh-CN';

export const mineEn: Record<keyof typeof mineZhCN, string> = {
  'nav.orders.mine': 'My requests',
  'nav.orders.registered': 'Orders I registered',
  'orders.mine.hint': 'The problems you reported and how far they have got',
  'orders.mine.empty': 'You have not reported anything yet',
  'orders.mine.report': 'Report a problem',
  'orders.mine.open': 'Progress',
  'orders.mine.back': 'Back to my requests',
  'orders.mine.notFound': 'This request was not found',
  'orders.mine.more': 'All my requests',
  'orders.registered.hint': 'The orders you registered at the hotline or the window; open one by its number',
  'orders.registered.empty': 'You have not registered any orders yet',
  'orders.registered.recent': 'Orders I registered lately',
  'orders.registered.more': 'All',
  'orders.registered.new': 'Register an order',
  'orders.dispatchTimer.waiting': 'Waiting {d}',
  'orders.dispatchTimer.tip': '{d} since registration (dispatch target {target} min)',
  'orders.dispatchTimer.minutes': '{n} min',
  'orders.dispatchTimer.hours': '{h} h {m} min',
  'orders.dispatchTimer.days': '{n} d',
  'orders.sla.dispatchTarget': 'Dispatch target (minutes)',
  'orders.sla.dispatchTarget.hint':
    'Orders awaiting dispatch turn red past this time since registration, orange in its last quarter (clock time)',
  'orders.call.ringing': 'Incoming call {number}',
  'orders.call.extension': 'extension {ext}',
  'orders.call.answer': 'Answer and register',
  'orders.call.dismiss': 'Dismiss',
};
