/**
 * The work-order API as clients see it: enumerations, request bodies and response shapes. The
 * single copy for the server (routes validate and serialise with these) and the web app (which
 * imports the types and lists from here). Imports only TypeBox and other contracts.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import type { StreamEvent } from '../../platform/api.contract';
import { At, Items, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf, Page } from '../../platform/contract';
import { ACTION_TYPES, CLOCK_STATES, ORDER_STATES, SLA_STATUSES, URGENCIES, VISIT_RESULTS } from './lists.contract';

export * from './lists.contract';
export * from './requests.contract';
export * from './config.contract';
export * from './metrics/metrics.contract';
export * from './notifications/notifications.contract';
export * from './hotline/hotline.contract';
export * from './phrases/phrases.contract';
export * from './actions/batch.contract';

// ---- responses -----------------------------------------------------------------------------

const Point = T.Object({ lng: T.Number(), lat: T.Number() });

export const OrderClock = T.Object({
  /** 签收时限, or null before the first dispatch. */
  signDue: MaybeAt,
  signOverdue: T.Boolean(),
  completionDue: MaybeAt,
  /** The deadline running now — 签收 while the unit holding it has not signed, then 办结 — which
   * remainingMs, allowedMs and status are about (status is never better than the completion clock's). */
  stage: Nullable(OneOf(['sign', 'completion'] as const)),
  stageDue: MaybeAt,
  /** Working ms left to the stage deadline (negative = overdue by that much) when the server read the clock. */
  remainingMs: MaybeNumber,
  allowedMs: MaybeNumber,
  evaluatedAt: At,
  status: OneOf(CLOCK_STATES),
});
export type OrderClock = Static<typeof OrderClock>;

export const ReturnRequest = T.Object({ by: T.String(), at: At, unitId: MaybeString, reason: T.String() });
export type ReturnRequest = Static<typeof ReturnRequest>;
export const ExtensionRequest = T.Object({
  by: T.String(),
  at: At,
  reason: T.String(),
  requestedDeadline: At,
  addWorkingDays: MaybeNumber,
});
export type ExtensionRequest = Static<typeof ExtensionRequest>;

export const OrderView = T.Object({
  id: T.String(),
  number: T.String(),
  channel: T.String(),
  state: OneOf(ORDER_STATES),
  stateLabel: T.String(),
  stateLabelEn: T.String(),
  categoryCode: MaybeString,
  categoryPath: MaybeString,
  suggestedCategory: MaybeString,
  suggestionConfidence: MaybeNumber,
  /** List rows of orders waiting for 分拨 (GET /api/orders): the unit routing suggested at intake, unless
   * that unit has since given the order back (退单, 收回, 改派 away); null = no suggestion, pick a unit by hand. */
  suggestedUnitId: T.Optional(MaybeString),
  suggestedUnitName: T.Optional(MaybeString),
  requestType: MaybeString,
  title: T.String(),
  description: T.String(),
  address: MaybeString,
  location: Nullable(Point),
  communityCode: MaybeString,
  gridCode: MaybeString,
  /** Masked (张*, 138****0000) unless this is an audited reveal. */
  reporter: T.Object({ name: MaybeString, phone: MaybeString, masked: T.Boolean() }),
  urgency: OneOf(URGENCIES),
  unitId: MaybeString,
  unitName: MaybeString,
  mainOrderId: MaybeString,
  needsVisit: T.Boolean(),
  attachments: T.Array(T.String()),
  sourceRef: MaybeString,
  dispatchedAt: MaybeAt,
  signDeadline: MaybeAt,
  completionDeadline: MaybeAt,
  signedAt: MaybeAt,
  firstContactAt: MaybeAt,
  reply: MaybeString,
  repliedAt: MaybeAt,
  visitResult: Nullable(OneOf(VISIT_RESULTS)),
  visitedAt: MaybeAt,
  closedAt: MaybeAt,
  suspended: T.Boolean(),
  returnRequest: Nullable(ReturnRequest),
  extensionRequest: Nullable(ExtensionRequest),
  supervisionLevel: T.Number(),
  bounceCount: T.Number(),
  reopenCount: T.Number(),
  urgeCount: T.Number(),
  slaStatus: OneOf(SLA_STATUSES),
  clock: Nullable(OrderClock),
  createdAt: At,
  updatedAt: At,
  version: T.Number(),
  demo: T.Boolean(),
});
export type OrderView = Static<typeof OrderView>;

export const OrderPage = Page(OrderView);
export type OrderPage = Static<typeof OrderPage>;

export const TimelineEntry = T.Object({
  id: T.String(),
  at: At,
  type: T.String(),
  actorId: MaybeString,
  actorName: MaybeString,
  unitId: MaybeString,
  unitName: MaybeString,
  from: Nullable(OneOf(ORDER_STATES)),
  to: Nullable(OneOf(ORDER_STATES)),
  note: MaybeString,
  data: T.Record(T.String(), T.Unknown()),
  /** The server's Chinese label of the event. */
  label: T.String(),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const NotificationEntry = T.Object({
  id: T.String(),
  channel: T.String(),
  recipientKind: T.String(),
  template: T.String(),
  text: T.String(),
  status: T.String(),
  createdAt: At,
  sentAt: MaybeAt,
});
export type NotificationEntry = Static<typeof NotificationEntry>;

export const OrderDetail = T.Object({
  order: OrderView,
  timeline: T.Array(TimelineEntry),
  actions: T.Array(OneOf(ACTION_TYPES)),
  mergedOrders: T.Array(T.Object({ id: T.String(), number: T.String(), title: T.String(), createdAt: At })),
  mainOrder: Nullable(T.Object({ id: T.String(), number: T.String(), state: OneOf(ORDER_STATES) })),
  notifications: T.Array(NotificationEntry),
  /** The caller may reveal the reporter now (查看号码): the reveal permission, or the assigned unit while 联系市民 is offered. */
  canReveal: T.Boolean(),
  /** 处置后照片: the file ids the unit sent with its replies (the intake's are order.attachments, 处置前). */
  afterPhotos: T.Array(T.String()),
});
export type OrderDetail = Static<typeof OrderDetail>;

export const RouteDecision = T.Object({
  unitId: T.String(),
  ruleId: MaybeString,
  reason: T.String(),
  autoDispatch: T.Boolean(),
});
export type RouteDecision = Static<typeof RouteDecision>;

export const DUPLICATE_REASONS = ['distance', 'address', 'both'] as const;
export const DuplicateCandidate = T.Object({
  id: T.String(),
  number: T.String(),
  title: T.String(),
  state: OneOf(ORDER_STATES),
  distanceMeters: MaybeNumber,
  similarity: T.Number(),
  createdAt: At,
  /** Why it is offered: pin near and words similar, same category at the same address text, or both. */
  reason: OneOf(DUPLICATE_REASONS),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;
export const DuplicateList = Items(DuplicateCandidate);

export const CategorySuggestion = T.Object({ categoryCode: T.String(), confidence: T.Number(), path: MaybeString });
export type CategorySuggestion = Static<typeof CategorySuggestion>;

export const IntakeResult = T.Object({
  order: OrderView,
  suggestions: T.Array(CategorySuggestion),
  route: Nullable(RouteDecision),
  duplicates: T.Array(DuplicateCandidate),
});
export type IntakeResult = Static<typeof IntakeResult>;

/** GET /api/orders/counts: open orders in the caller's scope, for the workbench tabs. */
export const QueueCounts = T.Object({
  byState: T.Record(T.String(), T.Number()),
  returnRequests: T.Number(),
  extensionRequests: T.Number(),
  dueSoon: T.Number(),
  overdue: T.Number(),
  /** 临期 + 超期 orders a unit holds (待签收, 办理中). */
  unitLate: T.Number(),
});
export type QueueCounts = Static<typeof QueueCounts>;

export const CallerHistory = T.Object({ phone: T.String(), count: T.Number(), items: T.Array(OrderView) });
export type CallerHistory = Static<typeof CallerHistory>;

export const RevealedReporter = T.Object({ name: MaybeString, phone: MaybeString });

/** What a citizen tracking an order sees: progress, never the staff's internals. */
export const PublicOrder = T.Object({
  number: T.String(),
  state: OneOf(ORDER_STATES),
  stateLabel: T.String(),
  stateLabelEn: T.String(),
  title: T.String(),
  categoryPath: MaybeString,
  address: MaybeString,
  unitName: MaybeString,
  createdAt: At,
  completionDeadline: MaybeAt,
  reply: MaybeString,
  closedAt: MaybeAt,
  /** Set when the order was merged into another: what is shown is the main order's progress. */
  mainOrderNumber: MaybeString,
  progress: T.Optional(T.Array(T.Object({ at: At, step: T.String() }))),
});
export type PublicOrder = Static<typeof PublicOrder>;

export const PublicSubmitResult = T.Object({
  number: T.String(),
  state: OneOf(ORDER_STATES),
  stateLabel: T.String(),
});

export const WechatResult = T.Object({
  number: T.String(),
  state: OneOf(ORDER_STATES),
  replyText: T.String(),
  community: MaybeString,
  location: Nullable(Point),
});

/** A message of the live stream (/api/stream) about an order: the platform's event with the order fields typed. */
export type LiveEvent = Omit<Static<typeof StreamEvent>, 'data'> & {
  data?: { number?: string; from?: string; to?: string; unitId?: string | null; [k: string]: unknown };
};
