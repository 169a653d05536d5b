/**
 * 办件 use cases: load → the model's transition → save, each one transaction with its step row,
 * audit row, outbox event and re-planned clock jobs. The number (办件编号) is given in the
 * transaction in which the case first leaves its draft.
 */
import type { AuditContext } from '../../../platform/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { PlatformContext } from '../../../platform/context';
import type { Tx } from '../../../platform/db/connect';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { OrgLookup } from '../org-check';
import { findSite } from '../sites/sites.repo';
import { actorOf, PERM_ACCEPT } from './actor';
import type { NewCaseBody, SaveCaseBody } from './cases.contract';
import {
  findCase,
  insertCase,
  insertMaterials,
  insertParts,
  insertStep,
  lockCase,
  nextSequence,
  nextStepSeq,
  provideOpenMaterials,
  replaceMaterials,
  replacePauses,
  setMaterial,
  updateCase,
  updatePart,
  type CaseRows,
} from './cases.repo';
import { CASE_ENTITY, DAY_MS, DRAFT_DAYS, workingDaysOf } from './deps';
import { planDraftExpiry, replan } from './clocks';
import {
  ACTION_INFO,
  dayOf,
  formatCaseNumber,
  transition,
  type CaseAction,
  type CaseActor,
  type CaseSnapshot,
} from './model';
import { loadGuide, materialRows, numberCode, checkApplicant } from './intake';
import { rowPatchOf, snapshotOf } from './row';

export class CasesService {
  readonly isWorkingDay;
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
  ) {
    this.isWorkingDay = workingDaysOf(p);
  }

  /** A new draft (草稿): online by the applicant, or at a window by a clerk of a site handling the item. */
  async create(pr: Principal, ctx: AuditContext, body: NewCaseBody): Promise<string> {
    const now = this.p.clock.now();
    const { item, guide, terms } = await loadGuide(this.p.db, body.itemId);
    const { actor } = await actorOf(this.p.db, this.orgs, pr);
    const clerk = pr.permissions.has(PERM_ACCEPT);
    const channel = body.channel ?? (clerk ? 'window' : 'online');
    if ((channel === 'window' || channel === 'kiosk') && !clerk)
      throw forbidden('仅窗口人员可登记窗口办件 / only window clerks register window cases');
    // 帮办代办 filed by the agent themselves: the delegation must name them
    if (channel === 'agent' && !clerk && body.agent?.userId !== pr.id)
      throw badRequest(
        'delegation_required',
        '代办申请须有授权给您的代办委托 / an agent files under a delegation to them',
      );
    const siteId =
      body.siteId ?? (channel === 'window' ? actor.siteIds?.find((s) => terms.siteIds.includes(s)) : terms.siteIds[0]);
    if (!siteId || !terms.siteIds.includes(siteId))
      throw new AppError(409, 'item_not_at_site', '该场所不办理此事项 / the site does not handle the item');
    if (channel === 'window' && !actor.siteIds?.includes(siteId))
      throw forbidden('您不在该场所的窗口 / you do not work at that site’s windows');
    const applicant = checkApplicant(body.applicant, now);
    const materials = materialRows(guide, body.situation ?? {}, now);
    const parts = await this.partsOf(terms.kind, body.parts ?? []);
    if (body.agent && body.agent.expiresAt <= now)
      throw badRequest('delegation_expired', '代办授权已过期 / the delegation has expired');
    const id = newId(now);
    await this.p.transact(ctx, async (w) => {
      await insertCase(w.trx, {
        id,
        number: null,
        item_id: item.id,
        item_version: item.version,
        item_terms: JSON.stringify(terms),
        item_type: guide.itemType,
        kind: terms.kind,
        situation: JSON.stringify(body.situation ?? {}),
        form: JSON.stringify(body.form ?? {}),
        applicant_kind: body.applicant.kind,
        applicant_id_no: applicant.idNo,
        applicant_name: body.applicant.name,
        applicant_phone: body.applicant.phone.replace(/[\s-]/g, ''),
        applicant_user_id: channel === 'online' ? pr.id : null,
        agent: body.agent ? JSON.stringify(body.agent) : null,
        agent_user_id: body.agent?.userId ?? null,
        channel,
        site_id: siteId,
        department_id: guide.departmentId,
        decided_site_id: null,
        issue_site_id: null,
        state: 'draft',
        created_at: w.now,
        created_by: pr.id,
        updated_at: w.now,
        draft_expires_at: w.now + DRAFT_DAYS * DAY_MS,
        submitted_at: null,
        accepted_at: null,
        accepted_by: null,
        step_index: 0,
        pre_review: '[]',
        originals: null,
        corrections: '[]',
        review_steps: '[]',
        extension: null,
        fee: null,
        decision: null,
        outcome: null,
        decided_at: null,
        delivery: null,
        rating: null,
        closing: null,
        due_at: null,
        due_soon_at: null,
        overdue_alerted_for: null,
        due_soon_alerted_for: null,
      });
      await insertMaterials(
        w.trx,
        materials.map((m) => ({ ...m, case_id: id })),
      );
      await insertParts(
        w.trx,
        parts.map((pt) => ({ ...pt, case_id: id, done_at: null, done_by: null, opinion: null })),
      );
      await insertStep(w.trx, {
        case_id: id,
        seq: 1,
        action: 'create',
        from_state: 'draft',
        to_state: 'draft',
        actor_id: pr.id,
        role: clerk && channel !== 'online' ? 'window_clerk' : 'applicant',
        at: w.now,
        comment: null,
        data: JSON.stringify({ channel }),
      });
      await planDraftExpiry(w.trx, id, w.now + DRAFT_DAYS * DAY_MS, w.now);
      w.audit({
        action: 'services.case.created',
        entityType: CASE_ENTITY,
        entityId: id,
        after: { itemId: item.id, version: item.version, channel, siteId },
      });
      w.emit({
        type: 'case.created',
        entityType: CASE_ENTITY,
        entityId: id,
        data: { caseId: id, itemId: item.id, channel, siteId, departmentId: guide.departmentId },
      });
    });
    return id;
  }

  private async partsOf(kind: string, departmentIds: readonly string[]) {
    if (kind !== 'joint') {
      if (departmentIds.length) throw badRequest('not_joint', '非联办件不能设联办部门 / only a 联办件 has joint parts');
      return [];
    }
    if (!departmentIds.length)
      throw badRequest('parts_required', '联办件须列明联办部门 / a 联办件 names its co-handling departments');
    const orgs = await this.orgs();
    return departmentIds.map((d) => {
      const o = orgs.get(d);
      if (!o) throw badRequest('unknown_org', `组织 ${d} 不存在 / no organisation ${d}`);
      return { id: newId(this.p.clock.now()), department_id: d, name: o.name };
    });
  }

  /** Saves a draft's answers, form and applicant (the model says whether the draft may still change). */
  async save(pr: Principal, ctx: AuditContext, id: string, body: SaveCaseBody): Promise<void> {
    const now = this.p.clock.now();
    const { actor } = await actorOf(this.p.db, this.orgs, pr);
    const pre = await findCase(this.p.db, id);
    if (!pre) throw notFound('case');
    const { guide } = await loadGuide(this.p.db, pre.item_id, pre.item_version);
    const applicant = body.applicant ? checkApplicant(body.applicant, now) : null;
    const materials = body.situation ? materialRows(guide, body.situation, now) : null;
    await this.p.transact(ctx, async (w) => {
      const rows = await this.locked(w.trx, id);
      const r = this.decide(snapshotOf(rows), { type: 'save_draft' }, actor, w.now);
      await updateCase(w.trx, id, {
        ...(body.situation ? { situation: JSON.stringify(body.situation) } : {}),
        ...(body.form ? { form: JSON.stringify(body.form) } : {}),
        ...(body.applicant && applicant
          ? {
              applicant_kind: body.applicant.kind,
              applicant_id_no: applicant.idNo,
              applicant_name: body.applicant.name,
              applicant_phone: body.applicant.phone.replace(/[\s-]/g, ''),
            }
          : {}),
        updated_at: w.now,
      });
      if (materials)
        await replaceMaterials(
          w.trx,
          id,
          materials.map((m) => ({ ...m, case_id: id })),
        );
      w.audit({ action: 'services.case.draft_saved', entityType: CASE_ENTITY, entityId: id, after: body });
      w.emit({ type: r.event.type, entityType: CASE_ENTITY, entityId: id, data: r.event.data });
    });
  }

  /** One action of the state machine on a case. */
  async act(pr: Principal, ctx: AuditContext, id: string, action: CaseAction): Promise<void> {
    const { actor } = await actorOf(this.p.db, this.orgs, pr);
    const pre = await findCase(this.p.db, id);
    if (!pre) throw notFound('case');
    const site = await findSite(this.p.db, pre.site_id);
    const code = numberCode(site?.code ?? 'GC');
    await this.p.transact(ctx, async (w) => {
      const rows = await this.locked(w.trx, id);
      const c = snapshotOf(rows);
      const r = this.decide(c, action, actor, w.now);
      const patch = { ...r.patch };
      if (c.number === null && patch.state !== undefined && !['draft', 'expired'].includes(patch.state)) {
        const seq = await nextSequence(w.trx, code, dayOf(w.now));
        patch.number = formatCaseNumber(code, w.now, seq);
      }
      const after: CaseSnapshot = { ...c, ...patch };
      const clockCols = await replan(w.trx, rows.row, after, w.now, this.isWorkingDay);
      await updateCase(w.trx, id, {
        ...rowPatchOf(patch),
        ...clockCols,
        ...(patch.decision ? { decided_site_id: c.siteId } : {}),
        ...(patch.delivery ? { issue_site_id: c.issueSiteId ?? c.siteId } : {}),
        updated_at: w.now,
      });
      if (patch.pauses)
        await replacePauses(
          w.trx,
          id,
          patch.pauses.map((pp, i) => ({
            case_id: id,
            seq: i + 1,
            kind: pp.kind,
            ref: pp.ref,
            label: pp.label,
            from_at: pp.from,
            to_at: pp.to,
          })),
        );
      if (patch.parts)
        for (const part of patch.parts) {
          const old = c.parts.find((x) => x.id === part.id);
          if (old && old.doneAt !== part.doneAt)
            await updatePart(w.trx, part.id, { done_at: part.doneAt, done_by: part.doneBy, opinion: part.opinion });
        }
      await this.markMaterials(w.trx, id, action, w.now);
      const seq = await nextStepSeq(w.trx, id);
      const data = { ...r.event.data, number: after.number };
      await insertStep(w.trx, {
        case_id: id,
        seq,
        action: action.type,
        from_state: c.state,
        to_state: after.state,
        actor_id: pr.id,
        role: String(r.event.data.as),
        at: w.now,
        comment: commentOf(action),
        data: JSON.stringify(data),
      });
      w.audit({
        action: `services.case.${action.type}`,
        entityType: CASE_ENTITY,
        entityId: id,
        before: { state: c.state },
        after: { state: after.state, number: after.number, action },
      });
      w.emit({ type: r.event.type, entityType: CASE_ENTITY, entityId: id, data });
    });
  }

  private async locked(trx: Tx, id: string): Promise<CaseRows> {
    const rows = await lockCase(trx, id, this.p.dialect);
    if (!rows) throw notFound('case');
    return rows;
  }

  private decide(c: CaseSnapshot, action: CaseAction, actor: CaseActor, now: number) {
    const r = transition(c, action, actor, now, { isWorkingDay: this.isWorkingDay });
    if (!r.ok) throw new AppError(r.status, r.code, r.reason);
    return r;
  }

  /** Per-material status: 预审 comments return a material, a 补正 notice marks it missing, the supply provides it. */
  private async markMaterials(trx: Tx, id: string, a: CaseAction, now: number) {
    if (a.type === 'return_pre_review')
      for (const m of a.comments)
        await setMaterial(trx, id, m.materialId, { status: 'returned', comment: m.comment.trim(), updated_at: now });
    if (a.type === 'request_correction')
      for (const m of a.items)
        if (m.materialId)
          await setMaterial(trx, id, m.materialId, { status: 'missing', comment: m.problem.trim(), updated_at: now });
    if (a.type === 'supply_correction')
      for (const m of a.materialIds)
        await setMaterial(trx, id, m, { status: 'provided', comment: null, updated_at: now });
    if (a.type === 'submit' || a.type === 'request_pre_review' || a.type === 'accept')
      await provideOpenMaterials(trx, id, now);
  }
}

const commentOf = (a: CaseAction): string | null => {
  const r = a as Record<string, unknown>;
  const v = r.opinion ?? r.reason ?? r.note ?? r.comment ?? r.text ?? null;
  return typeof v === 'string' ? v : null;
};

export const actionLabel = (type: string) =>
  type in ACTION_INFO ? ACTION_INFO[type as keyof typeof ACTION_INFO].zh : type === 'create' ? '创建申请' : type;
