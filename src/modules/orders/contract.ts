/**
 * The work-order API as clients see it: enumerations, request bodies and response shapes. The
 * single copy for the server (routes validate and serialise with these) and the web app (which
 * imports the types and lists from here). Imports only TypeBox and other contracts.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, Instant, Items, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf, Page } from '../../platform/contract';

export * from './config.contract';
export * from './metrics/metrics.contract';
export * from './notifications/notifications.contract';

// ---- enumerations --------------------------------------------------------------------------

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

/** States in which the order is still being worked on (it may be merged or counted as open). */
export const OPEN_STATES: readonly OrderState[] = [
  'pending_dispatch',
  'pending_sign',
  'handling',
  'pending_review',
  'pending_visit',
];

/** States in which a unit holds the order and its clock runs against that unit (待签收, 办理中). */
export const UNIT_STATES: readonly OrderState[] = ['pending_sign', 'handling'];

export const CHANNELS = ['hotline', 'web', 'wechat', 'grid', 'drone', 'camera', 'open311', 'api', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a person at the centre may pick when registering (the others are machine channels). */
export const INTAKE_CHANNELS = ['hotline', 'window', 'grid', 'web', 'wechat', 'drone', 'camera'] as const;

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const VISIT_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];

export const CLOCK_STATES = ['normal', 'due_soon', 'overdue', 'paused'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
export const SLA_STATUSES = ['normal', 'due_soon', 'overdue'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

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

/** Office hours in a working day: a limit given in fractional days counts these hours. */
export const HOURS_PER_WORKING_DAY = 7;

// ---- requests ------------------------------------------------------------------------------

const Crs = T.Union([T.Literal('WGS84'), T.Literal('GCJ02'), T.Literal('BD09')]);
const PointIn = T.Object(
  {
    lng: T.Number({ minimum: -180, maximum: 180 }),
    lat: T.Number({ minimum: -90, maximum: 90 }),
    crs: T.Optional(Crs),
  },
  { additionalProperties: false },
);
const IdempotencyKey = T.Object({ 'idempotency-key': T.Optional(T.String({ minLength: 1, maxLength: 100 })) });
export const OrderIdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const IdempotencyHeaders = IdempotencyKey;

export const NewOrderBody = T.Object(
  {
    channel: OneOf(CHANNELS),
    title: T.Optional(T.String({ maxLength: 100 })),
    description: T.String({ minLength: 1, maxLength: 4000 }),
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
    urgency: T.Optional(OneOf(URGENCIES)),
    address: T.Optional(T.String({ maxLength: 200 })),
    location: T.Optional(PointIn),
    reporter: T.Optional(
      T.Object(
        {
          name: T.Optional(T.String({ maxLength: 50 })),
          phone: T.Optional(T.String({ pattern: '^[0-9+ -]{5,20}$' })),
        },
        { additionalProperties: false },
      ),
    ),
    attachments: T.Optional(T.Array(T.String({ maxLength: 64 }), { maxItems: 9 })),
    sourceRef: T.Optional(T.String({ maxLength: 100 })),
    needsVisit: T.Optional(T.Boolean()),
  },
  { additionalProperties: false },
);
export type NewOrderBody = Static<typeof NewOrderBody>;

/** The body of POST /api/orders/:id/actions: the action's fields, as the state machine takes them. */
export const ActionBody = T.Object(
  {
    type: OneOf(ACTION_TYPES),
    unitId: T.Optional(T.String({ maxLength: 64 })),
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
    reply: T.Optional(T.String({ maxLength: 4000 })),
    reason: T.Optional(T.String({ maxLength: 1000 })),
    note: T.Optional(T.String({ maxLength: 1000 })),
    newDeadline: T.Optional(Instant()),
    addWorkingDays: T.Optional(T.Number({ minimum: 0.5, maximum: 60 })),
    result: T.Optional(OneOf(VISIT_RESULTS)),
    method: T.Optional(T.String({ maxLength: 20 })),
    mainOrderId: T.Optional(T.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

const ListFilters = {
  state: T.Optional(T.String({ maxLength: 200, description: 'states, comma-separated' })),
  unitId: T.Optional(T.String({ maxLength: 64 })),
  sla: T.Optional(OneOf(SLA_STATUSES)),
  channel: T.Optional(T.String({ maxLength: 20 })),
  categoryPrefix: T.Optional(T.String({ maxLength: 20 })),
  communityCode: T.Optional(T.String({ maxLength: 40 })),
  q: T.Optional(T.String({ maxLength: 100 })),
  phone: T.Optional(T.String({ maxLength: 20 })),
  from: T.Optional(Instant()),
  to: T.Optional(Instant()),
  open: T.Optional(T.Boolean()),
  supervised: T.Optional(T.Boolean()),
  request: T.Optional(
    T.Union([T.Literal('return'), T.Literal('extension')], {
      description: '待审核的退单或延期申请 / a pending return or extension request',
    }),
  ),
  late: T.Optional(T.Boolean({ description: '临期或超期 / due soon or overdue' })),
};
export const OrderListQuery = T.Object(
  {
    ...ListFilters,
    before: T.Optional(T.String({ maxLength: 80 })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
    sort: T.Optional(T.Union([T.Literal('newest'), T.Literal('deadline')])),
  },
  { additionalProperties: false },
);
export type OrderQuery = Static<typeof OrderListQuery>;
/** The export takes the list's filters, without paging. */
export const OrderExportQuery = T.Object(ListFilters, { additionalProperties: false });
export const MineQuery = T.Object({ before: T.Optional(T.String({ maxLength: 80 })) }, { additionalProperties: false });
export const CallerParams = T.Object({ phone: T.String({ maxLength: 20 }) });
export const TrackQuery = T.Object(
  { number: T.String({ minLength: 5, maxLength: 30 }), phone: T.String({ pattern: '^[0-9+ -]{5,20}$' }) },
  { additionalProperties: false },
);

export const PublicOrderBody = T.Object(
  {
    title: T.Optional(T.String({ maxLength: 100 })),
    description: T.String({ minLength: 5, maxLength: 4000 }),
    address: T.Optional(T.String({ maxLength: 200 })),
    location: T.Optional(PointIn),
    name: T.Optional(T.String({ maxLength: 50 })),
    phone: T.String({ pattern: '^1[3-9][0-9]{9}$' }),
    channel: T.Optional(T.Union([T.Literal('web'), T.Literal('wechat')])),
  },
  { additionalProperties: false },
);

export const WechatMessageBody = T.Object(
  {
    openid: T.String({ minLength: 5, maxLength: 64 }),
    content: T.String({ minLength: 2, maxLength: 4000 }),
    location: T.Optional(
      T.Object(
        {
          latitude: T.Number({ minimum: -90, maximum: 90 }),
          longitude: T.Number({ minimum: -180, maximum: 180 }),
          label: T.Optional(T.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
    ),
    phone: T.Optional(T.String({ pattern: '^1[3-9][0-9]{9}$' })),
    nickname: T.Optional(T.String({ maxLength: 50 })),
    msgId: T.Optional(T.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

// ---- responses -----------------------------------------------------------------------------

const Point = T.Object({ lng: T.Number(), lat: T.Number() });

export const OrderClock = T.Object({
  /** 签收时限, or null before the first dispatch. */
  signDue: MaybeAt,
  signOverdue: T.Boolean(),
  completionDue: MaybeAt,
  /** Working ms left (negative = overdue by that much) when the server read the clock. */
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
});
export type OrderDetail = Static<typeof OrderDetail>;

export const RouteDecision = T.Object({
  unitId: T.String(),
  ruleId: MaybeString,
  reason: T.String(),
  autoDispatch: T.Boolean(),
});
export type RouteDecision = Static<typeof RouteDecision>;

export const DuplicateCandidate = T.Object({
  id: T.String(),
  number: T.String(),
  title: T.String(),
  state: OneOf(ORDER_STATES),
  distanceMeters: MaybeNumber,
  similarity: T.Number(),
  createdAt: At,
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

/** A message of the live stream (/api/stream) about an order. */
export const LiveEvent = T.Object({
  seq: T.Optional(T.Number()),
  type: T.String(),
  entityType: T.Optional(T.String()),
  entityId: T.Optional(T.String()),
  data: T.Optional(
    T.Object(
      {
        number: T.Optional(T.String()),
        from: T.Optional(T.String()),
        to: T.Optional(T.String()),
        unitId: T.Optional(MaybeString),
      },
      { additionalProperties: true },
    ),
  ),
  at: T.Optional(T.Number()),
});
export type LiveEvent = Static<typeof LiveEvent>;
