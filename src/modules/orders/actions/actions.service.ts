import type { Principal } from '../../../platform/auth/principal';
import { SYSTEM_CONTEXT, type AuditContext } from '../../../platform/audit';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { insertRow, updateVersioned } from '../../../platform/db/rows';
import type { Work } from '../../../platform/transact';
import type { OrdersDeps, OrderChange } from '../deps';
import { actorOf, assertCanSee, SYSTEM_ACTOR } from './actor';
import { transition, availableActions, type Actor, type OrderAction, type OrderEvent } from '../model';
import { columnsOf, snapshotOf, type OrderRow } from '../row';
import { deadlineStamp } from '../metrics/facts';
import { findMergeTarget, findOrder, patchOrder } from '../orders.repo';
import { checkReplyPhotos, linkReplyPhotos, PHOTO_ACTIONS } from '../photos/reply-photos';

/** Extra inputs a dispatcher may give with `dispatch`: a corrected category, a note. */
export interface ActionExtras {
  note?: string;
  categoryCode?: string;
  /** 处置后照片 (file ids) sent with the unit's reply; refused with any other action. */
  photos?: string[];
}

/** A dispatcher's change of the suggested category: a training sample for the classifier. */
interface Correction {
  text: string;
  categoryCode: string;
}

/** Performs state-machine actions on orders: one transaction per action, with timeline, audit and event. */
export class OrderActions {
  constructor(private d: OrdersDeps) {}

  async perform(
    principal: Principal,
    ctx: AuditContext,
    orderId: string,
    action: OrderAction,
    extras: ActionExtras = {},
  ) {
    const actor = actorOf(principal, this.d.units);
    const corrections: Correction[] = [];
    const after = await this.d.p.transact(ctx, async (w) => {
      corrections.length = 0;
      const row = await this.load(w, orderId);
      assertCanSee(principal, row, this.d.units);
      return this.apply(w, row, action, actor, principal, extras, corrections);
    });
    // the running model learns a dispatcher's correction once it is stored, not before: a refused
    // action rolls the sample back, and the model must not keep what the database does not
    for (const c of corrections) this.d.classifier.learn(c.text, c.categoryCode);
    return after;
  }

  /** The platform acting (auto-dispatch, SLA jobs) inside an existing transaction. */
  async performAsSystem(w: Work, row: OrderRow, action: OrderAction, extras: ActionExtras = {}) {
    return this.apply(w, row, action, SYSTEM_ACTOR, null, extras);
  }

  async load(w: Work, orderId: string): Promise<OrderRow> {
    const row = await findOrder(w.trx, orderId);
    if (!row) throw notFound('order');
    return row;
  }

  allowed(principal: Principal, row: OrderRow, now: number) {
    return availableActions(snapshotOf(row), actorOf(principal, this.d.units), now, { deadlines: this.d.deadlines });
  }

  private async apply(
    w: Work,
    row: OrderRow,
    action: OrderAction,
    actor: Actor,
    principal: Principal | null,
    extras: ActionExtras,
    corrections: Correction[] = [],
  ) {
    let current = row;
    if (action.type === 'dispatch' || action.type === 'redispatch') {
      const unit = this.d.units.get(action.unitId);
      if (!unit || !['department', 'community', 'unit', 'grid'].includes(unit.kind)) {
        throw badRequest('invalid_unit', `unit ${action.unitId} is not a department, community, unit or grid`);
      }
    }
    if (action.type === 'dispatch') {
      if (extras.categoryCode && extras.categoryCode !== row.category_code) {
        current = await this.recategorise(w, row, extras.categoryCode, corrections);
      }
      if (!current.category_code)
        throw badRequest('category_required', '分拨前请先确定诉求分类 / choose a category before dispatching');
    }
    if (action.type === 'merge') {
      const main = await findMergeTarget(w.trx, action.mainOrderId);
      if (!main) throw badRequest('unknown_main_order', `main order ${action.mainOrderId} does not exist`);
      action = { ...action, mainOrderState: main.state as any };
    }
    const result = transition(snapshotOf(current), action, actor, w.now, { deadlines: this.d.deadlines });
    if (!result.ok) throw new AppError(result.status, result.code, result.reason);
    const photos = extras.photos ?? [];
    if (photos.length) {
      if (!PHOTO_ACTIONS.has(action.type))
        throw badRequest('attachments_not_allowed', `照片只能随提交办结上传 / ${action.type} takes no attachments`);
      await checkReplyPhotos(w, photos, principal?.id ?? null);
    }
    // the step lists its photos: the timeline shows them where they were sent
    const event = photos.length ? { ...result.event, data: { ...result.event.data, photos } } : result.event;
    const after = await this.save(w, current, columnsOf(result.patch), event, principal, extras.note ?? noteOf(action));
    if (photos.length) await linkReplyPhotos(w, after.id, photos);
    return after;
  }

  private async recategorise(w: Work, row: OrderRow, code: string, corrections: Correction[]): Promise<OrderRow> {
    if (!this.d.categories.isActiveLeaf(code))
      throw badRequest('invalid_category', `category ${code} is not an active leaf category`);
    const cat = this.d.categories.get(code)!;
    const patch = { category_code: code, request_type: cat.request_type };
    if (row.suggested_category && row.suggested_category !== code) {
      const text = `${row.title} ${row.description}`;
      await this.d.classifier.recordCorrection(w.trx, text, code, w.now);
      corrections.push({ text, categoryCode: code });
    }
    await patchOrder(w.trx, row.id, patch);
    await this.timeline(
      w,
      row.id,
      'order.recategorised',
      null,
      null,
      null,
      { from: row.category_code, to: code },
      row.unit_id,
    );
    return { ...row, ...patch };
  }

  /**
   * Writes a change: the row (optimistic version check), the timeline entry, the audit row, the
   * event, and whatever the hooks add (SLA jobs, notifications) — all in the caller's transaction.
   */
  async save(
    w: Work,
    before: OrderRow,
    columns: Partial<OrderRow>,
    event: OrderEvent,
    principal: Principal | null,
    note: string | null,
  ): Promise<OrderRow> {
    const version = Number(before.version);
    const changed = await updateVersioned(
      w.trx,
      'orders',
      { ...columns, updated_at: w.now, version: version + 1 },
      before.id,
      version,
    );
    if (changed !== 1) {
      throw conflict(
        'concurrent_change',
        '工单已被他人修改，请刷新后重试 / the order changed meanwhile; reload and retry',
      );
    }
    const after = { ...before, ...columns, updated_at: w.now, version: version + 1 } as OrderRow;
    // the deadlines this step left, where they moved: the timeline alone must be enough to recompute 考核 (metrics/reference.ts)
    const stamp = deadlineStamp({ before, after });
    const data = stamp ? { ...event.data, deadlines: stamp } : event.data;
    // a step the system takes (auto-dispatch at intake, SLA rules) is the system's on the timeline,
    // even inside a person's request; the audit row keeps the request's user, who set it off
    const row = timelineRow(
      w,
      after.id,
      event.type,
      before.state,
      after.state,
      note,
      data,
      after.unit_id ?? before.unit_id,
    );
    if (principal === null) Object.assign(row, { actor_id: null, actor_name: SYSTEM_CONTEXT.actorName });
    await insertRow(w.trx, 'order_events', row);
    w.audit({
      action: event.type,
      entityType: 'order',
      entityId: after.id,
      before: auditShape(before),
      after: auditShape(after),
    });
    w.emit({
      type: event.type,
      entityType: 'order',
      entityId: after.id,
      data: { number: after.number, from: before.state, to: after.state, unitId: after.unit_id },
    });
    const change: OrderChange = { before, after, event, actor: principal };
    for (const hook of this.d.hooks) await hook(w, change);
    return after;
  }

  async timeline(
    w: Work,
    orderId: string,
    type: string,
    from: string | null,
    to: string | null,
    note: string | null,
    data: Record<string, unknown>,
    unitId: string | null,
  ) {
    await insertRow(w.trx, 'order_events', timelineRow(w, orderId, type, from, to, note, data, unitId));
  }
}

function noteOf(a: OrderAction): string | null {
  const x = a as Record<string, unknown>;
  for (const k of ['reason', 'note', 'reply']) if (typeof x[k] === 'string' && x[k]) return x[k] as string;
  return null;
}

/** The audit row keeps the fields that matter for accountability, not the whole text twice. */
function auditShape(r: OrderRow) {
  return {
    state: r.state,
    unitId: r.unit_id,
    category: r.category_code,
    signDeadline: r.sign_deadline,
    completionDeadline: r.completion_deadline,
    suspended: r.suspended,
    supervisionLevel: r.supervision_level,
    visitResult: r.visit_result,
    mainOrderId: r.main_order_id,
    version: r.version,
  };
}

/** A timeline entry of this use case (who, when, from which state to which, note, data). */
export function timelineRow(
  w: Work,
  orderId: string,
  type: string,
  from: string | null,
  to: string | null,
  note: string | null,
  data: Record<string, unknown>,
  unitId: string | null,
) {
  return {
    id: newId(w.now),
    order_id: orderId,
    at: w.now,
    type,
    actor_id: w.ctx.actorId,
    actor_name: w.ctx.actorName,
    unit_id: unitId,
    from_state: from,
    to_state: to,
    note,
    data: JSON.stringify(data),
  };
}
