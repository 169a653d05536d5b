/**
 * The clerk's window queues (预审, 待受理, 待补正, 待送达 at the sites in the caller's scope), the
 * department reviewer's queue with each case's clock read now, and the lookup of an applicant's
 * earlier cases by ID number: checksum-checked, masked, and audited as a PII lookup.
 */
import type { AuditContext } from '../../../platform/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, forbidden } from '../../../platform/errors';
import type { OrgLookup } from '../org-check';
import { actorOf } from './actor';
import { applicantIdProblem, maskIdNo } from './applicant';
import type { CaseRows } from './cases.repo';
import { caseRowView, clockView } from './cases.view';
import { CASE_ENTITY, workingDaysOf } from './deps';
import { caseClock, currentStep, preReviewClock } from './model';
import type { DepartmentQueueQuery, WindowQueue, WindowQueueQuery } from './queues.contract';
import { listQueue, withChildren, type QueueFilter } from './queues.repo';
import { snapshotOf } from './row';

const WINDOW_STATES: Record<WindowQueue, string[]> = {
  pre_review: ['pre_review'],
  acceptance: ['submitted'],
  correction: ['awaiting_correction'],
  handout: ['decided'],
};

/** The audit action of an ID-number lookup (who looked up whose cases, when). */
export const LOOKUP_AUDIT = 'services.case.id_lookup';

export class CaseQueues {
  private isWorkingDay;
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
  ) {
    this.isWorkingDay = workingDaysOf(p);
  }

  async window(pr: Principal, q: WindowQueueQuery) {
    const scope = await actorOf(this.p.db, this.orgs, pr);
    const siteIds = pick(q.siteId, scope.siteIds, pr.allScope);
    return this.page({
      states: WINDOW_STATES[q.kind],
      siteIds,
      itemId: q.itemId,
      order: q.kind === 'handout' ? 'recent' : 'fifo',
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
  }

  async department(pr: Principal, q: DepartmentQueueQuery) {
    const scope = await actorOf(this.p.db, this.orgs, pr);
    const now = this.p.clock.now();
    return this.page({
      states: ['accepted'],
      departmentIds: pick(q.departmentId, scope.orgIds, pr.allScope),
      itemId: q.itemId,
      overdueAt: q.clock === 'overdue' ? now : undefined,
      dueSoonAt: q.clock === 'due_soon' ? now : undefined,
      order: 'due',
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
  }

  /** An applicant's earlier cases in the caller's sites and departments (street-wide callers: all). */
  async lookup(pr: Principal, ctx: AuditContext, raw: string) {
    const compact = raw.replace(/\s+/g, '').toUpperCase();
    const kind = /^\d{17}[\dX]$/.test(compact) ? 'person' : 'enterprise';
    const { idNo, problem } = applicantIdProblem(kind, compact, this.p.clock.now());
    if (problem) throw badRequest('invalid_id_no', problem);
    const scope = await actorOf(this.p.db, this.orgs, pr);
    const list = await this.page({
      states: [],
      idNo,
      anyOf: pr.allScope ? undefined : { siteIds: scope.siteIds, departmentIds: scope.orgIds },
      order: 'recent',
      limit: 100,
      offset: 0,
    });
    await this.p.transact(ctx, async (w) => {
      w.audit({
        action: LOOKUP_AUDIT,
        entityType: CASE_ENTITY,
        entityId: maskIdNo(idNo),
        after: { idNo: maskIdNo(idNo), matches: list.total },
      });
    });
    return { idNo: maskIdNo(idNo), ...list };
  }

  private async page(f: QueueFilter) {
    const { rows, total } = await listQueue(this.p.db, f);
    const now = this.p.clock.now();
    const items = (await withChildren(this.p.db, rows)).map((r) => this.rowOf(r, now));
    return { items, total };
  }

  private rowOf(rows: CaseRows, now: number) {
    const c = snapshotOf(rows);
    const clock =
      c.state === 'pre_review' ? preReviewClock(c, now, this.isWorkingDay) : caseClock(c, now, this.isWorkingDay);
    return {
      ...caseRowView(rows.row),
      stepName: c.state === 'accepted' ? currentStep(c).name : null,
      clock: clockView(clock),
    };
  }
}

/** One asked-for site or department, if in scope; else every one in scope. */
function pick(asked: string | undefined, scope: readonly string[], all: boolean): string[] {
  if (!asked) return [...scope];
  if (!all && !scope.includes(asked)) throw forbidden('不在您的数据范围内 / outside your data scope');
  return [asked];
}
