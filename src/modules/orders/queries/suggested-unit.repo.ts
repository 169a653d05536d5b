/** SQL of the routing suggestion shown on list rows: the timeline steps that record or undo it. */
import type { Queryable } from '../../../platform/db/connect';

/** The steps that record the suggestion (intake) or withdraw it (a hand-back by that unit). */
export const SUGGESTION_EVENTS = [
  'order.created',
  'order.return_approved',
  'order.recalled',
  'order.redispatched',
] as const;

/** The intake step (its data holds the route) and the hand-backs of these orders, oldest first. */
export function suggestionEvents(db: Queryable, orderIds: readonly string[]) {
  return db
    .selectFrom('order_events')
    .select(['order_id', 'type', 'data'])
    .where('order_id', 'in', [...orderIds])
    .where('type', 'in', [...SUGGESTION_EVENTS])
    .orderBy('at')
    .orderBy('id')
    .execute();
}
