/**
 * The `orders` row of a demo order: the columns intake writes (where, what, who reported it,
 * what the classifier said), then the ones its life left (state, clocks, counters, version) and
 * the SLA status the SLA jobs would have raised by now.
 */
import { stageClockStatus } from '../model';
import { columnsOf, FRESH_LIFECYCLE, type OrderRow } from '../row';
import type { DemoRequest } from './demo-history';
import { titleOf } from './history-helpers';
import type { HistoryInputs } from './history-inputs';
import type { IntakeResult } from './history-intake';
import type { LifeResult } from './history-plan';

/** Where and what: the request's own place, or (a duplicate) its main order's, a few metres off. */
export type RowBase = Pick<OrderRow, 'address' | 'lng' | 'lat' | 'community_code' | 'grid_code'> &
  Partial<Pick<OrderRow, 'title' | 'description'>>;

export interface IntakeRowParts {
  id: string;
  number: string;
  q: DemoRequest;
  intake: Pick<IntakeResult, 'intakeCategory' | 'top'>;
  requestType: string | null;
  base: RowBase;
  reporter: { name: string; phone: string } | null;
  reporterUserId: string | null;
  needsVisit: boolean;
}

/** The row as intake writes it (state 待分拨, no lifecycle yet). */
export function intakeRow(x: IntakeRowParts): OrderRow {
  const { q, base } = x;
  return {
    id: x.id,
    number: x.number,
    channel: q.channel,
    category_code: x.intake.intakeCategory,
    suggested_category: x.intake.top.categoryCode,
    suggestion_confidence: x.intake.top.confidence,
    request_type: x.requestType,
    title: base.title ?? titleOf(q.text),
    description: base.description ?? q.text,
    address: base.address,
    lng: base.lng,
    lat: base.lat,
    community_code: base.community_code,
    grid_code: base.grid_code,
    reporter_name: x.reporter?.name ?? null,
    reporter_phone: x.reporter?.phone ?? null,
    reporter_user_id: x.reporterUserId,
    urgency: q.urgency,
    state: 'pending_dispatch',
    unit_id: null,
    main_order_id: null,
    needs_visit: x.needsVisit ? 1 : 0,
    attachments: '[]',
    source_ref: null,
    ...FRESH_LIFECYCLE,
    created_at: q.createdAt,
    updated_at: q.createdAt,
    version: 1,
    demo: 1,
  };
}

/** Writes what the order's life left into its row. */
export function settleRow(row: OrderRow, life: LifeResult, inputs: HistoryInputs): void {
  const snap = life.snap;
  Object.assign(row, columnsOf(snap), { version: life.version, updated_at: life.updatedAt });
  row.request_type = inputs.category(row.category_code)?.request_type ?? row.request_type;
  if (snap.clockStartedAt !== null) {
    // the worse of the sign-for and the completion clock, as the SLA jobs would have raised it
    const clock = stageClockStatus(snap, inputs.now, (a, b) => inputs.workingMsBetween(a, b, snap.pauses));
    row.sla_status = clock.status === 'overdue' || clock.status === 'due_soon' ? clock.status : 'normal';
  }
}
