/** What the action dialog needs that is not drawing: its values, which actions take which field, and lookups in the detail. */
import type { Dayjs } from 'dayjs';
import type { ActionType, OrderDetail, RouteDecision } from '../../../../../modules/orders/contract';

export interface Values {
  unitId?: string;
  categoryCode?: string;
  reply?: string;
  reason?: string;
  note?: string;
  extMode?: 'days' | 'date';
  addWorkingDays?: number;
  newDeadline?: Dayjs | null;
  result?: string;
  method?: string;
  mainOrder?: string;
}

/** Actions whose text field is a required reason (驳回/退单/挂起/撤销…). */
export const REASON: ReadonlySet<ActionType> = new Set([
  'request_return',
  'reject_return',
  'reject_extension',
  'suspend',
  'cancel',
  'reject_reply',
  'request_extension',
  'recall',
]);
/** Actions with nothing to fill in but an optional note. */
export const NOTE_ONLY: ReadonlySet<ActionType> = new Set([
  'sign',
  'approve_return',
  'approve_reply',
  'resume',
  'urge',
  'archive',
]);
export const DANGER: ReadonlySet<ActionType> = new Set([
  'cancel',
  'reject_reply',
  'reject_return',
  'reject_extension',
  'request_return',
  'recall',
]);
/** The label of an action's reason field (i18n key). */
export function reasonLabelKey(type: ActionType | null) {
  if (type === 'cancel') return 'orders.field.cancelReason' as const;
  if (type === 'recall') return 'orders.field.recallReason' as const;
  if (type === 'redispatch') return 'orders.field.redispatchReason' as const;
  return type?.startsWith('reject') ? ('orders.field.rejectReason' as const) : ('orders.field.reason' as const);
}

export const CONTACT_METHODS = ['phone', 'sms', 'visit', 'wechat', 'other'] as const;

/** A Beijing wall-clock time picked in the browser → the instant (the browser may be in another zone). */
export function beijingInstant(d: Dayjs): number {
  return Date.parse(`${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`);
}

/** The routing suggestion recorded at intake (the `order.created` timeline entry). */
export function suggestedRoute(d: OrderDetail): RouteDecision | null {
  const created = d.timeline.find((e) => e.type === 'order.created');
  const r = created?.data?.route as RouteDecision | null | undefined;
  return r && typeof r.unitId === 'string' ? r : null;
}

/** Units that gave this order back or had it taken from them (退单 approved, 收回, 改派): not offered again first. */
export function handedBackBy(d: OrderDetail): Set<string> {
  const out = new Set<string>();
  for (const e of d.timeline) {
    const data = (e.data ?? {}) as { unitId?: unknown; fromUnitId?: unknown };
    if ((e.type === 'order.return_approved' || e.type === 'order.recalled') && typeof data.unitId === 'string')
      out.add(data.unitId);
    if (e.type === 'order.redispatched' && typeof data.fromUnitId === 'string') out.add(data.fromUnitId);
  }
  return out;
}
