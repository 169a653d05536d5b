/**
 * Shapes of the work-order API as the web app reads them (server: src/modules/orders/views.ts,
 * query-service.ts, intake-service.ts, model/actions.ts). Kept by hand: the web app is a plain
 * HTTP client and does not import server code.
 */

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

export const OPEN_STATES: readonly OrderState[] = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
];

/** Channels a person at the centre may pick when registering (the others are machine channels). */
export const INTAKE_CHANNELS = ['hotline', 'window', 'grid', 'web', 'wechat', 'drone', 'camera'] as const;
export const ALL_CHANNELS = [
  'hotline',
  'web',
  'wechat',
  'grid',
  'drone',
  'camera',
  'open311',
  'api',
  'window',
] as const;
export type Channel = (typeof ALL_CHANNELS)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const VISIT_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];

export type ClockState = 'normal' | 'due_soon' | 'overdue' | 'paused';

/** Every action, in the order the server lists them (the UI shows buttons in this order). */
export const ACTION_TYPES = [
  'dispatch',
  'direct_reply',
  'sign',
  'request_return',
  'approve_return',
  'reject_return',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'suspend',
  'resume',
  'urge',
  'supervise',
  'contact',
  'submit_reply',
  'approve_reply',
  'reject_reply',
  'visit',
  'archive',
  'merge',
  'cancel',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface OrderClock {
  signDue: number | null;
  signOverdue: boolean;
  completionDue: number | null;
  /** Working ms left (negative = overdue by that much) when the server read the clock. */
  remainingMs: number | null;
  allowedMs: number | null;
  evaluatedAt: number;
  status: ClockState;
}

export interface ReturnRequest {
  by: string;
  at: number;
  unitId: string | null;
  reason: string;
}

export interface ExtensionRequest {
  by: string;
  at: number;
  reason: string;
  requestedDeadline: number;
  addWorkingDays: number | null;
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
  suggestedCategory: string | null;
  suggestionConfidence: number | null;
  requestType: string | null;
  title: string;
  description: string;
  address: string | null;
  location: { lng: number; lat: number } | null;
  communityCode: string | null;
  gridCode: string | null;
  reporter: { name: string | null; phone: string | null; masked: boolean };
  urgency: Urgency;
  unitId: string | null;
  unitName: string | null;
  mainOrderId: string | null;
  needsVisit: boolean;
  attachments: string[];
  sourceRef: string | null;
  dispatchedAt: number | null;
  signDeadline: number | null;
  completionDeadline: number | null;
  signedAt: number | null;
  firstContactAt: number | null;
  reply: string | null;
  repliedAt: number | null;
  visitResult: VisitResult | null;
  visitedAt: number | null;
  closedAt: number | null;
  suspended: boolean;
  returnRequest: ReturnRequest | null;
  extensionRequest: ExtensionRequest | null;
  supervisionLevel: number;
  bounceCount: number;
  reopenCount: number;
  urgeCount: number;
  slaStatus: 'normal' | 'due_soon' | 'overdue';
  clock: OrderClock | null;
  createdAt: number;
  updatedAt: number;
  version: number;
  demo: boolean;
}

export interface OrderPage {
  items: OrderView[];
  next: string | null;
}

export interface TimelineEntry {
  id: string;
  at: number;
  type: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  unitName: string | null;
  from: OrderState | null;
  to: OrderState | null;
  note: string | null;
  data: Record<string, unknown>;
  /** The server's Chinese label of the event. */
  label: string;
}

export interface NotificationEntry {
  id: string;
  channel: string;
  recipientKind: string;
  template: string;
  text: string;
  status: string;
  createdAt: number;
  sentAt: number | null;
}

export interface OrderDetail {
  order: OrderView;
  timeline: TimelineEntry[];
  actions: ActionType[];
  mergedOrders: Array<{ id: string; number: string; title: string; createdAt: number }>;
  mainOrder: { id: string; number: string; state: OrderState } | null;
  notifications: NotificationEntry[];
}

export interface RouteDecision {
  unitId: string;
  ruleId: string | null;
  reason: string;
  autoDispatch: boolean;
}

export interface DuplicateCandidate {
  id: string;
  number: string;
  title: string;
  state: OrderState;
  distanceMeters: number | null;
  similarity: number;
  createdAt: number;
}

export interface IntakeResult {
  order: OrderView;
  suggestions: Array<{ categoryCode: string; confidence: number; path: string | null }>;
  route: RouteDecision | null;
  duplicates: DuplicateCandidate[];
}

export interface CategoryView {
  code: string;
  parentCode: string | null;
  name: string;
  path: string;
  level: number;
  leaf: boolean;
  requestType: string | null;
  departmentType: string | null;
  limits: { signHours: number; contactDays: number; completeDays: Record<Urgency, number> } | null;
  active: boolean;
}

export interface CategorySuggestion {
  categoryCode: string;
  confidence: number;
  path: string | null;
}

export interface CallerHistory {
  phone: string;
  count: number;
  items: OrderView[];
}

export interface NewOrderBody {
  channel: string;
  title?: string;
  description: string;
  categoryCode?: string;
  urgency?: Urgency;
  address?: string;
  location?: { lng: number; lat: number };
  reporter?: { name?: string; phone?: string };
  attachments?: string[];
  needsVisit?: boolean;
}

/** Query of GET /api/orders. */
export interface OrderQuery {
  state?: string;
  unitId?: string;
  sla?: 'normal' | 'due_soon' | 'overdue';
  channel?: string;
  categoryPrefix?: string;
  communityCode?: string;
  q?: string;
  from?: number;
  to?: number;
  open?: boolean;
  supervised?: boolean;
  /** A pending 退单 or 延期 request. */
  request?: 'return' | 'extension';
  /** 临期或超期. */
  late?: boolean;
  before?: string;
  limit?: number;
  sort?: 'newest' | 'deadline';
}

/** GET /api/orders/counts: open orders in the caller's scope, for the workbench tabs. */
export interface QueueCounts {
  byState: Record<string, number>;
  returnRequests: number;
  extensionRequests: number;
  dueSoon: number;
  overdue: number;
  unitLate: number;
}

/** A message of the live stream (/api/stream). */
export interface LiveEvent {
  seq?: number;
  type: string;
  entityType?: string;
  entityId?: string;
  data?: { number?: string; from?: string; to?: string; unitId?: string | null; [k: string]: unknown };
  at?: number;
}
