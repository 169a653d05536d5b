/** What clients see of an order: masked personal data, labels, clocks. */
import { maskName, maskPhone } from '../../identity/pii';
import { STATE_LABELS, stageClockStatus, type OrderState } from '../model';
import { snapshotOf, type OrderRow } from '../row';
import type { OrderView, PublicOrder, SlaStatus, Urgency, VisitResult } from '../contract';

export interface OrderLookups {
  unitName(id: string | null): string | null;
  categoryPath(code: string | null): string | null;
  workingMsBetween(from: number, to: number, pauses?: { from: number; to: number | null }[]): number;
}

export function orderView(r: OrderRow, now: number, l: OrderLookups, opts: { revealed?: boolean } = {}): OrderView {
  const snap = snapshotOf(r);
  // the model already accounts for pauses (its deadlines move on resume): give it plain working time
  const clock = snap.clockStartedAt ? stageClockStatus(snap, now, (a, b) => l.workingMsBetween(a, b)) : null;
  const label = STATE_LABELS[r.state as OrderState];
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    state: r.state as OrderState,
    stateLabel: label?.zh ?? r.state,
    stateLabelEn: label?.en ?? r.state,
    categoryCode: r.category_code,
    categoryPath: l.categoryPath(r.category_code),
    suggestedCategory: r.suggested_category,
    suggestionConfidence: r.suggestion_confidence === null ? null : Number(r.suggestion_confidence),
    requestType: r.request_type,
    title: r.title,
    description: r.description,
    address: r.address,
    location: r.lng === null || r.lat === null ? null : { lng: Number(r.lng), lat: Number(r.lat) },
    communityCode: r.community_code,
    gridCode: r.grid_code,
    reporter: {
      name: opts.revealed ? r.reporter_name : maskName(r.reporter_name),
      phone: opts.revealed ? r.reporter_phone : maskPhone(r.reporter_phone),
      masked: !opts.revealed,
    },
    urgency: r.urgency as Urgency,
    unitId: r.unit_id,
    unitName: l.unitName(r.unit_id),
    mainOrderId: r.main_order_id,
    needsVisit: !!r.needs_visit,
    attachments: JSON.parse(r.attachments || '[]') as string[],
    sourceRef: r.source_ref,
    dispatchedAt: num(r.dispatched_at),
    signDeadline: num(r.sign_deadline),
    completionDeadline: num(r.completion_deadline),
    signedAt: num(r.signed_at),
    firstContactAt: num(r.first_contact_at),
    reply: r.reply,
    repliedAt: num(r.replied_at),
    visitResult: r.visit_result as VisitResult | null,
    visitedAt: num(r.visited_at),
    closedAt: num(r.closed_at),
    suspended: !!r.suspended,
    returnRequest: r.return_request ? JSON.parse(r.return_request) : null,
    extensionRequest: r.extension_request ? JSON.parse(r.extension_request) : null,
    supervisionLevel: Number(r.supervision_level),
    bounceCount: Number(r.bounce_count),
    reopenCount: Number(r.reopen_count),
    urgeCount: Number(r.urge_count),
    slaStatus: r.sla_status as SlaStatus,
    clock,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    version: Number(r.version),
    demo: !!r.demo,
  };
}

export type { OrderView };

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** What a citizen tracking their order sees: progress, never the staff's internals. */
export function publicOrderView(v: OrderView): PublicOrder {
  return {
    number: v.number,
    state: v.state,
    stateLabel: v.stateLabel,
    stateLabelEn: v.stateLabelEn,
    title: v.title,
    categoryPath: v.categoryPath,
    address: v.address,
    unitName: v.unitName,
    createdAt: v.createdAt,
    completionDeadline: v.completionDeadline,
    reply: v.state === 'closed' || v.state === 'archived' || v.state === 'pending_visit' ? v.reply : null,
    closedAt: v.closedAt,
    mainOrderNumber: null,
  };
}
