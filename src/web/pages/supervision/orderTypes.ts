/**
 * The supervision pages' view of orders: the shared order types (components/orders/types.ts)
 * plus the role and state lists these pages use.
 */
import type { OrderState } from '../../components/orders/types';

export type {
  OrderDetail,
  OrderPage,
  OrderState,
  OrderView,
  TimelineEntry,
  VisitResult,
} from '../../components/orders/types';
export { VISIT_RESULTS } from '../../components/orders/types';

export type SlaStatus = 'normal' | 'due_soon' | 'overdue';

/** The states in which an order is with a unit (待签收, 办理中). */
export const UNIT_STATES: OrderState[] = ['pending_sign', 'handling'];
/** Roles that see the supervision board. */
export const OVERSIGHT_ROLES = ['dispatcher', 'leader'];
/** Roles that make return visits. */
export const VISIT_ROLES = ['dispatcher'];
