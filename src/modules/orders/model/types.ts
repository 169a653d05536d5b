/** The work order as the state machine sees it, and who acts on it. */
import type { OrderState } from './states';

/**
 * Roles the state machine knows. `system` is the platform itself (auto-dispatch, SLA jobs);
 * identity's other roles (clerk, pilot) have no work-order actions and are simply ignored.
 */
export const ORDER_ROLES = ['admin', 'dispatcher', 'handler', 'leader', 'citizen', 'system'] as const;
export type Role = (typeof ORDER_ROLES)[number];

export function isOrderRole(x: unknown): x is Role {
  return typeof x === 'string' && (ORDER_ROLES as readonly string[]).includes(x);
}

export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** Org ids in the actor's data scope (already expanded to the subtree by the caller). */
  orgIds?: readonly string[];
}

export type { Urgency, VisitResult } from '../contract';
import type { Urgency, VisitResult } from '../contract';
export type SupervisionLevel = 0 | 1 | 2 | 3;
export { VISIT_RESULTS } from '../contract';

/**
 * A span during which the order's clock stood still. `from`/`to` match platform/calendar's
 * `Pause`, so the list can be handed to `WorkCalendar.workingMsBetween` as is.
 * kind 'suspend' = 挂起; kind 'review' = the centre reviewing a reply that it then sent back.
 */
export interface PauseSpan {
  from: number;
  to: number | null;
  kind: 'suspend' | 'review';
  reason: string;
  by: string;
  /** Working ms the deadlines were pushed out by when the span closed (0 if it began after the deadline). */
  creditedMs?: number;
}

/** 退单申请: the unit says the order is not theirs; the centre decides. */
export interface ReturnRequest {
  by: string;
  at: number;
  unitId: string | null;
  reason: string;
}

/** 延期申请: asked before the completion deadline, approved by the centre or a leader. */
export interface ExtensionRequest {
  by: string;
  at: number;
  reason: string;
  requestedDeadline: number;
  addWorkingDays: number | null;
}

export interface OrderSnapshot {
  id: string;
  state: OrderState;
  category: string | null;
  urgency: Urgency;
  /** The citizen user who reported it (may cancel it while pending_dispatch); null for hotline/grid intake. */
  reporterId: string | null;
  /** Whether closing needs a return visit (回访); false sends approved replies straight to closed. */
  needsVisit: boolean;
  /** The unit (department/community) that holds the order; null until dispatched and after 退单. */
  unitId: string | null;

  // ── clocks ────────────────────────────────────────────────────────────────
  /** First dispatch: the clocks start here and never restart on re-dispatch. */
  clockStartedAt: number | null;
  /** The unit's clock stopped (reply submitted, cancelled, merged); null while it runs. */
  clockStoppedAt: number | null;
  /** Latest dispatch (re-dispatch after 退单 updates it; the clocks do not move). */
  dispatchedAt: number | null;
  signDeadline: number | null;
  completionDeadline: number | null;
  /** The last 重办 began here; the current completion allowance counts from it. */
  reopenedAt: number | null;
  suspended: boolean;
  pauses: readonly PauseSpan[];

  // ── progress ──────────────────────────────────────────────────────────────
  signedAt: number | null;
  firstContactAt: number | null;
  reply: string | null;
  repliedAt: number | null;
  visitResult: VisitResult | null;
  visitedAt: number | null;
  closedAt: number | null;
  archivedAt: number | null;
  cancelledAt: number | null;
  /** 主单 id when this order is a 重复件 merged into it. */
  mergedInto: string | null;

  // ── flags and counters ────────────────────────────────────────────────────
  returnRequest: ReturnRequest | null;
  extensionRequest: ExtensionRequest | null;
  supervisionLevel: SupervisionLevel;
  bounceCount: number;
  reopenCount: number;
  extensionCount: number;
  urgeCount: number;
  lastUrgedAt: number | null;
}

export interface NewOrderInit {
  id: string;
  category?: string | null;
  urgency?: Urgency;
  reporterId?: string | null;
  needsVisit?: boolean;
}

/** A freshly registered order, waiting for the centre (待分拨). */
export function newOrderSnapshot(init: NewOrderInit): OrderSnapshot {
  return {
    id: init.id,
    state: 'pending_dispatch',
    category: init.category ?? null,
    urgency: init.urgency ?? 'normal',
    reporterId: init.reporterId ?? null,
    needsVisit: init.needsVisit ?? true,
    unitId: null,
    clockStartedAt: null,
    clockStoppedAt: null,
    dispatchedAt: null,
    signDeadline: null,
    completionDeadline: null,
    reopenedAt: null,
    suspended: false,
    pauses: [],
    signedAt: null,
    firstContactAt: null,
    reply: null,
    repliedAt: null,
    visitResult: null,
    visitedAt: null,
    closedAt: null,
    archivedAt: null,
    cancelledAt: null,
    mergedInto: null,
    returnRequest: null,
    extensionRequest: null,
    supervisionLevel: 0,
    bounceCount: 0,
    reopenCount: 0,
    extensionCount: 0,
    urgeCount: 0,
    lastUrgedAt: null,
  };
}
