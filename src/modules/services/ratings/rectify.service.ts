/**
 * The 差评 ledger: assign, call-back (回访核实) by a named person, fix (整改) or explain as a
 * groundless rating (不实差评), and staff appeals (申诉) with their review. Each step is one
 * transaction: the row locked, the rule checked, the change, its audit row and its event.
 */
import type { AuditContext } from '../../../platform/audit';
import { conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { Work } from '../../../platform/transact';
import { queueReport, type RatingsDeps } from './deps';
import { APPEAL_ENTITY, RATING_ENTITY, RATINGS_EVENTS, RECTIFICATION_ENTITY } from './events';
import type { RectificationStatus } from './ratings.contract';
import {
  appealOf,
  findAppeal,
  findRating,
  findRectification,
  insertAppeal,
  listAppeals,
  listRectifications,
  lockAppeal,
  lockRectification,
  rectificationOf,
  updateAppeal,
  updateRating,
  updateRectification,
  type RectificationFilter,
  type RectificationRecord,
} from './ratings.repo';
import { appealView, rectificationView } from './ratings.view';
import { rectificationMessage } from './report';
import { appealProblem, stepTo, type RectificationStep } from './rules';

type Patch = Parameters<typeof updateRectification>[2];

export class RectifyService {
  constructor(private d: RatingsDeps) {}

  async list(f: Omit<RectificationFilter, 'limit'> & { limit?: number }) {
    const rows = await listRectifications(this.d.p.db, { ...f, limit: f.limit ?? 200 }, this.d.p.clock.now());
    return { items: rows.map((r) => rectificationView(r, Number(r.level))) };
  }

  async get(id: string) {
    const db = this.d.p.db;
    const x = await findRectification(db, id);
    if (!x) throw notFound('rectification');
    const r = await findRating(db, x.rating_id);
    return rectificationView(x, Number(r?.level ?? 0));
  }

  /** Who works on it (not a status change: any open rectification). */
  async assign(ctx: AuditContext, id: string, body: { assigneeId?: string; assigneeName: string }) {
    await this.d.p.transact(ctx, async (w) => {
      const x = await this.lock(w, id);
      if (x.status !== 'open' && x.status !== 'called_back')
        throw conflict('closed', '整改已结束 / the rectification is closed');
      const patch = { assignee_id: body.assigneeId ?? null, assignee_name: body.assigneeName, updated_at: w.now };
      await updateRectification(w.trx, id, patch);
      this.record(w, x, 'assign', x.status as RectificationStatus, patch);
    });
    return this.get(id);
  }

  async callback(ctx: AuditContext, id: string, body: { by: string; reached: boolean; note: string }) {
    return this.step(ctx, id, 'callback', (x, now) => ({
      callback_at: now,
      callback_by: body.by,
      callback_reached: body.reached ? 1 : 0,
      callback_note: body.note,
      callback_overdue: now > Number(x.callback_due) ? 1 : x.callback_overdue,
    }));
  }

  async fix(ctx: AuditContext, id: string, body: { by: string; text: string }) {
    return this.step(ctx, id, 'fix', (x, now) => ({
      fixed_at: now,
      fixed_by: body.by,
      fix_text: body.text,
      fix_overdue: now > Number(x.fix_due) ? 1 : x.fix_overdue,
    }));
  }

  /** 不实差评: explained to the applicant, marked; it leaves 差评率 but stays in the count. */
  async explain(ctx: AuditContext, id: string, body: { by: string; explanation: string }) {
    return this.step(ctx, id, 'explain', (x, now) => ({
      fixed_at: now,
      fixed_by: body.by,
      explanation: body.explanation,
      fix_overdue: now > Number(x.fix_due) ? 1 : x.fix_overdue,
    }));
  }

  private async step(
    ctx: AuditContext,
    id: string,
    step: RectificationStep,
    patchOf: (x: RectificationRecord, now: number) => Patch,
  ) {
    await this.d.p.transact(ctx, async (w) => {
      const x = await this.lock(w, id);
      const next = stepTo(x.status as RectificationStatus, step);
      if (!('status' in next)) throw conflict(next.code, next.message);
      const patch = { ...patchOf(x, w.now), status: next.status, updated_at: w.now };
      await updateRectification(w.trx, id, patch);
      if (step === 'explain') await updateRating(w.trx, x.rating_id, { groundless: 1 });
      this.record(w, x, step, next.status, patch);
      if (step === 'fix' || step === 'explain')
        queueReport(w, 'rectification', id, rectificationMessage({ ...x, ...patch } as RectificationRecord));
    });
    return this.get(id);
  }

  private async lock(w: Work, id: string): Promise<RectificationRecord> {
    const x = await lockRectification(w.trx, this.d.p.dialect, id);
    if (!x) throw notFound('rectification');
    return x;
  }

  private record(w: Work, x: RectificationRecord, step: string, status: RectificationStatus, patch: Patch) {
    w.audit({
      action: `services.rating.rectification.${step}`,
      entityType: RECTIFICATION_ENTITY,
      entityId: x.id,
      before: x,
      after: patch,
    });
    w.emit({
      type: RATINGS_EVENTS.rectificationChanged,
      entityType: RECTIFICATION_ENTITY,
      entityId: x.id,
      data: { id: x.id, ratingId: x.rating_id, number: x.number, status, step, departmentId: x.department_id },
    });
  }

  // ---- appeals (申诉) ----

  async appeals(status?: string, limit = 200) {
    return { items: (await listAppeals(this.d.p.db, status, limit)).map(appealView) };
  }

  /** A staff member appeals a 差评 they consider malicious or not about their service. */
  async appeal(ctx: AuditContext, ratingId: string, reason: string) {
    const id = newId(this.d.p.clock.now());
    await this.d.p.transact(ctx, async (w) => {
      const r = await findRating(w.trx, ratingId);
      if (!r) throw notFound('rating');
      const problem = appealProblem({ bad: r.bad === 1, voided: r.voided === 1 }, !!(await appealOf(w.trx, ratingId)));
      if (problem) throw conflict(problem.code, problem.message);
      const row = {
        id,
        rating_id: ratingId,
        status: 'pending',
        reason,
        filed_by: ctx.actorId,
        filed_by_name: ctx.actorName,
        filed_at: w.now,
        reviewed_by: null,
        reviewed_by_name: null,
        review_note: null,
        reviewed_at: null,
      };
      await insertAppeal(w.trx, row);
      w.audit({ action: 'services.rating.appeal_filed', entityType: APPEAL_ENTITY, entityId: id, after: row });
      w.emit({
        type: RATINGS_EVENTS.appealFiled,
        entityType: APPEAL_ENTITY,
        entityId: id,
        data: { id, ratingId, number: r.number },
      });
    });
    return appealView((await findAppeal(this.d.p.db, id))!);
  }

  /** 申诉复核: accepted, the rating is void (out of every figure, its rectification closed); rejected, it stands. */
  async review(ctx: AuditContext, id: string, decision: 'accept' | 'reject', note: string) {
    await this.d.p.transact(ctx, async (w) => {
      const a = await lockAppeal(w.trx, this.d.p.dialect, id);
      if (!a) throw notFound('appeal');
      if (a.status !== 'pending') throw conflict('already_reviewed', '该申诉已复核 / the appeal has been reviewed');
      if (a.filed_by && a.filed_by === ctx.actorId)
        throw conflict('own_appeal', '不能复核自己提出的申诉 / you cannot review your own appeal');
      const status = decision === 'accept' ? 'accepted' : 'rejected';
      const patch = {
        status,
        reviewed_by: ctx.actorId,
        reviewed_by_name: ctx.actorName,
        review_note: note,
        reviewed_at: w.now,
      };
      await updateAppeal(w.trx, id, patch);
      if (decision === 'accept') {
        await updateRating(w.trx, a.rating_id, { voided: 1, current: 0 });
        w.audit({
          action: 'services.rating.voided',
          entityType: RATING_ENTITY,
          entityId: a.rating_id,
          after: { appealId: id },
        });
        const x = await rectificationOf(w.trx, a.rating_id);
        const next = x ? stepTo(x.status as RectificationStatus, 'void') : null;
        if (x && next && 'status' in next) {
          const p = { status: next.status, updated_at: w.now };
          await updateRectification(w.trx, x.id, p);
          this.record(w, x, 'void', next.status, p);
        }
      }
      w.audit({
        action: 'services.rating.appeal_reviewed',
        entityType: APPEAL_ENTITY,
        entityId: id,
        before: a,
        after: patch,
      });
      w.emit({
        type: RATINGS_EVENTS.appealReviewed,
        entityType: APPEAL_ENTITY,
        entityId: id,
        data: { id, ratingId: a.rating_id, decision },
      });
    });
    return appealView((await findAppeal(this.d.p.db, id))!);
  }
}
