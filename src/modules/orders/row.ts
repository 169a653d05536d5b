/** Converting between the `orders` row and the state machine's OrderSnapshot. */
import type { OrdersTables } from './tables';
import type { OrderSnapshot, OrderState, Urgency, VisitResult, SupervisionLevel } from './model';

export type OrderRow = OrdersTables['orders'];

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: string | null): T | null => (v ? (JSON.parse(v) as T) : null);

export function snapshotOf(r: OrderRow): OrderSnapshot {
  return {
    id: r.id,
    state: r.state as OrderState,
    category: r.category_code,
    urgency: r.urgency as Urgency,
    reporterId: r.reporter_user_id,
    needsVisit: !!r.needs_visit,
    unitId: r.unit_id,
    clockStartedAt: num(r.clock_started_at),
    clockStoppedAt: num(r.clock_stopped_at),
    dispatchedAt: num(r.dispatched_at),
    signDeadline: num(r.sign_deadline),
    completionDeadline: num(r.completion_deadline),
    reopenedAt: num(r.reopened_at),
    suspended: !!r.suspended,
    pauses: JSON.parse(r.pauses || '[]'),
    signedAt: num(r.signed_at),
    firstContactAt: num(r.first_contact_at),
    reply: r.reply,
    repliedAt: num(r.replied_at),
    visitResult: r.visit_result as VisitResult | null,
    visitedAt: num(r.visited_at),
    closedAt: num(r.closed_at),
    archivedAt: num(r.archived_at),
    cancelledAt: num(r.cancelled_at),
    mergedInto: r.main_order_id,
    returnRequest: json(r.return_request),
    extensionRequest: json(r.extension_request),
    supervisionLevel: Number(r.supervision_level) as SupervisionLevel,
    bounceCount: Number(r.bounce_count),
    reopenCount: Number(r.reopen_count),
    extensionCount: Number(r.extension_count),
    urgeCount: Number(r.urge_count),
    lastUrgedAt: num(r.last_urged_at),
  };
}

const COLUMN_OF: { [K in keyof OrderSnapshot]?: keyof OrderRow } = {
  state: 'state',
  category: 'category_code',
  urgency: 'urgency',
  reporterId: 'reporter_user_id',
  needsVisit: 'needs_visit',
  unitId: 'unit_id',
  clockStartedAt: 'clock_started_at',
  clockStoppedAt: 'clock_stopped_at',
  dispatchedAt: 'dispatched_at',
  signDeadline: 'sign_deadline',
  completionDeadline: 'completion_deadline',
  reopenedAt: 'reopened_at',
  suspended: 'suspended',
  pauses: 'pauses',
  signedAt: 'signed_at',
  firstContactAt: 'first_contact_at',
  reply: 'reply',
  repliedAt: 'replied_at',
  visitResult: 'visit_result',
  visitedAt: 'visited_at',
  closedAt: 'closed_at',
  archivedAt: 'archived_at',
  cancelledAt: 'cancelled_at',
  mergedInto: 'main_order_id',
  returnRequest: 'return_request',
  extensionRequest: 'extension_request',
  supervisionLevel: 'supervision_level',
  bounceCount: 'bounce_count',
  reopenCount: 'reopen_count',
  extensionCount: 'extension_count',
  urgeCount: 'urge_count',
  lastUrgedAt: 'last_urged_at',
};

const JSON_KEYS = new Set<keyof OrderSnapshot>(['pauses', 'returnRequest', 'extensionRequest']);
const BOOL_KEYS = new Set<keyof OrderSnapshot>(['needsVisit', 'suspended']);

/** The columns a model patch changes. */
export function columnsOf(patch: Partial<OrderSnapshot>): Partial<OrderRow> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch) as Array<[keyof OrderSnapshot, unknown]>) {
    const col = COLUMN_OF[k];
    if (!col) continue;
    if (JSON_KEYS.has(k)) out[col] = v === null || v === undefined ? (k === 'pauses' ? '[]' : null) : JSON.stringify(v);
    else if (BOOL_KEYS.has(k)) out[col] = v ? 1 : 0;
    else out[col] = v ?? null;
  }
  return out as Partial<OrderRow>;
}

/**
 * The lifecycle columns of an order just taken in: no clock, no unit, no deadlines, nothing
 * counted yet. Intake and the demo history both start an order from these.
 */
export const FRESH_LIFECYCLE = {
  clock_started_at: null,
  clock_stopped_at: null,
  dispatched_at: null,
  sign_deadline: null,
  completion_deadline: null,
  reopened_at: null,
  suspended: 0,
  pauses: '[]',
  signed_at: null,
  first_contact_at: null,
  reply: null,
  replied_at: null,
  visit_result: null,
  visited_at: null,
  closed_at: null,
  archived_at: null,
  cancelled_at: null,
  return_request: null,
  extension_request: null,
  supervision_level: 0,
  bounce_count: 0,
  reopen_count: 0,
  extension_count: 0,
  urge_count: 0,
  last_urged_at: null,
  sla_status: 'normal',
} as const satisfies Partial<OrderRow>;
