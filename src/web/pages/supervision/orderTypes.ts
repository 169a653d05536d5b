/** The parts of the orders API these pages read (see src/modules/orders/views.ts, query-service.ts). */

export type OrderState =
  | 'pending_dispatch'
  | 'pending_sign'
  | 'handling'
  | 'pending_review'
  | 'pending_visit'
  | 'closed'
  | 'archived'
  | 'cancelled'
  | 'merged';

export type SlaStatus = 'normal' | 'due_soon' | 'overdue';
export type VisitResult = 'satisfied' | 'basically_satisfied' | 'unsatisfied' | 'unreachable';
export const VISIT_RESULTS: VisitResult[] = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'];

export interface OrderClock {
  signDue: number | null;
  signOverdue: boolean;
  completionDue: number | null;
  remainingMs: number | null;
  allowedMs: number | null;
  evaluatedAt: number;
  status: 'normal' | 'due_soon' | 'overdue' | 'paused';
}

export interface OrderView {
  id: string;
  number: string;
  channel: string;
  state: OrderState;
  stateLabel: string;
  stateLabelEn: string;
  categoryCode: string | null;
  categoryPath: string | null;
  requestType: string | null;
  title: string;
  description: string;
  address: string | null;
  location: { lng: number; lat: number } | null;
  communityCode: string | null;
  reporter: { name: string | null; phone: string | null; masked: boolean };
  urgency: 'normal' | 'urgent' | 'emergency';
  unitId: string | null;
  unitName: string | null;
  mainOrderId: string | null;
  needsVisit: boolean;
  attachments: string[];
  dispatchedAt: number | null;
  signDeadline: number | null;
  completionDeadline: number | null;
  signedAt: number | null;
  reply: string | null;
  repliedAt: number | null;
  visitResult: VisitResult | null;
  visitedAt: number | null;
  closedAt: number | null;
  suspended: boolean;
  supervisionLevel: number;
  bounceCount: number;
  reopenCount: number;
  urgeCount: number;
  slaStatus: SlaStatus;
  clock: OrderClock | null;
  createdAt: number;
  updatedAt: number;
}

export interface OrderPage {
  items: OrderView[];
  next: string | null;
}

export interface TimelineEntry {
  id: string;
  at: number;
  type: string;
  actorName: string | null;
  unitName: string | null;
  from: string | null;
  to: string | null;
  note: string | null;
  label: string;
}

export interface OrderDetail {
  order: OrderView;
  timeline: TimelineEntry[];
  actions: string[];
  mainOrder: { id: string; number: string; state: OrderState } | null;
}

/** States in which a unit holds the order: 催办 and 督办 apply (model/actions.ts). */
export const UNIT_STATES: OrderState[] = ['pending_sign', 'handling'];

/** Roles that may 催办/督办 (ACTION_RULES.urge/supervise; admin holds no case actions). */
export const OVERSIGHT_ROLES = ['dispatcher', 'leader'];
/** Roles that may take the 回访 action (ACTION_RULES.visit). */
export const VISIT_ROLES = ['dispatcher'];

export const CHANNELS = ['hotline', 'web', 'wechat', 'grid', 'drone', 'camera', 'open311', 'api', 'window'] as const;
