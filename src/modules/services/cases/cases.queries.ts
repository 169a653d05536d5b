/** Reading cases: the queues, one case with its steps and clocks, public tracking, documents. */
import type { Principal } from '../../../platform/auth/principal';
import type { PlatformContext } from '../../../platform/context';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors';
import { ITEM_TYPE_LABELS } from '../catalogue/catalogue.contract';
import type { OrgLookup } from '../org-check';
import { findSite } from '../sites/sites.repo';
import { maskPhone } from './applicant';
import { actorOf, PERM_ACCEPT, PERM_READ, PERM_REVIEW, type ActorScope } from './actor';
import { CASE_ACTION_TYPES, CASE_STATE_CODES, type CaseListQuery } from './cases.contract';
import { findCaseByNumber, listCases, loadCase, stepsOf, type CaseListFilter, type CaseRows } from './cases.repo';
import { caseDetailView, caseRowView, clockView, stepLabel } from './cases.view';
import { workingDaysOf } from './deps';
import { documentHtml } from './documents.html';
import { loadGuide } from './intake';
import {
  STATE_LABELS,
  availableActions,
  availableDocuments,
  buildDocument,
  caseClock,
  parseCaseNumber,
  preReviewClock,
  type CaseState,
  type DocumentContext,
  type DocumentKind,
} from './model';
import { snapshotOf } from './row';

const staffOf = (pr: Principal) => [PERM_ACCEPT, PERM_REVIEW, PERM_READ].some((x) => pr.permissions.has(x));
const ACTIONS: ReadonlySet<string> = new Set(CASE_ACTION_TYPES);
const STATES: ReadonlySet<string> = new Set(CASE_STATE_CODES);

export class CaseQueries {
  private isWorkingDay;
  constructor(
    private p: PlatformContext,
    private orgs: OrgLookup,
  ) {
    this.isWorkingDay = workingDaysOf(p);
  }

  async list(pr: Principal, q: CaseListQuery) {
    const scope = await actorOf(this.p.db, this.orgs, pr);
    const staff = staffOf(pr);
    const queue =
      q.queue ?? (!staff ? 'mine' : pr.allScope ? null : pr.permissions.has(PERM_ACCEPT) ? 'site' : 'department');
    const f: CaseListFilter = { limit: q.limit ?? 50, offset: q.offset ?? 0 };
    if (queue !== 'mine' && !staff) throw forbidden('只能查看本人的办件 / you may list your own cases only');
    if (queue === 'mine') f.applicantUserId = pr.id;
    if (queue === 'site' || (queue === null && q.siteId)) f.siteIds = pick(q.siteId, scope.siteIds, pr.allScope);
    if (queue === 'department' || (queue === null && q.departmentId))
      f.departmentIds = pick(q.departmentId, scope.orgIds, pr.allScope);
    if (q.state) {
      const states = q.state.split(',').map((s) => s.trim());
      const bad = states.find((s) => !STATES.has(s));
      if (bad) throw badRequest('invalid_state', `未知状态 ${bad} / unknown state`);
      f.states = states;
    }
    if (q.itemId) f.itemId = q.itemId;
    if (q.clock === 'overdue') f.overdueAt = this.p.clock.now();
    if (q.clock === 'due_soon') f.dueSoonAt = this.p.clock.now();
    if (q.q) {
      const parsed = parseCaseNumber(q.q);
      if (parsed.ok) f.number = parsed.number;
      else if (/^[0-9A-Za-z]{15,18}$/.test(q.q.trim())) f.idNo = q.q.trim().toUpperCase();
      else throw badRequest('invalid_q', '请输入办件编号或身份证号 / enter a case number or an ID number');
    }
    const { rows, total } = await listCases(this.p.db, f);
    return { items: rows.map(caseRowView), total };
  }

  private async visible(pr: Principal, id: string): Promise<{ rows: CaseRows; scope: ActorScope }> {
    const rows = await loadCase(this.p.db, id);
    if (!rows) throw notFound('case');
    const scope = await actorOf(this.p.db, this.orgs, pr);
    const r = rows.row;
    const own = r.applicant_user_id === pr.id || r.agent_user_id === pr.id;
    const inScope =
      staffOf(pr) &&
      (pr.allScope ||
        scope.siteIds.includes(r.site_id) ||
        scope.orgIds.includes(r.department_id) ||
        rows.parts.some((pt) => scope.orgIds.includes(pt.department_id)));
    if (!own && !inScope) throw notFound('case');
    return { rows, scope };
  }

  async detail(pr: Principal, id: string) {
    const { rows, scope } = await this.visible(pr, id);
    const c = snapshotOf(rows);
    const now = this.p.clock.now();
    const opts = { isWorkingDay: this.isWorkingDay };
    const ctx = await this.documentContext(rows);
    return caseDetailView(rows, c, await stepsOf(this.p.db, id), {
      clock: clockView(caseClock(c, now, this.isWorkingDay)),
      legalClock: clockView(caseClock(c, now, this.isWorkingDay, { basis: 'legal' })),
      preReviewClock: clockView(preReviewClock(c, now, this.isWorkingDay)),
      actions: availableActions(c, scope.actor, now, opts).filter((a) => ACTIONS.has(a)),
      documents: availableDocuments(c, ctx).map((d) => d.kind),
    });
  }

  /** 办件编号 + the phone given at application (the phone is the secret; the route limits guesses per address). */
  async track(number: string, phone: string) {
    const parsed = parseCaseNumber(number);
    const miss = () => notFound('case');
    if (!parsed.ok) throw badRequest(parsed.code === 'malformed' ? 'invalid_number' : parsed.code, parsed.reason);
    const row = await findCaseByNumber(this.p.db, parsed.number);
    if (!row || row.applicant_phone !== phone.replace(/[\s-]/g, '')) throw miss();
    const rows = (await loadCase(this.p.db, row.id)) as CaseRows;
    const c = snapshotOf(rows);
    const clock = caseClock(c, this.p.clock.now(), this.isWorkingDay);
    const steps = await stepsOf(this.p.db, row.id);
    return {
      number: parsed.number,
      itemName: c.item.name,
      state: c.state,
      stateLabel: STATE_LABELS[c.state].zh,
      applicantName: `${c.applicantName.slice(0, 1)}${'*'.repeat(Math.max(1, c.applicantName.length - 1))}`,
      submittedAt: c.submittedAt,
      acceptedAt: c.acceptedAt,
      dueDate: clock?.dueDate ?? null,
      outcome: c.decision?.outcome ?? null,
      steps: steps.map((s) => ({ label: stepLabel(s.action), at: Number(s.at) })),
      phone: maskPhone(row.applicant_phone),
    };
  }

  async document(pr: Principal, id: string, kind: DocumentKind): Promise<string> {
    const { rows } = await this.visible(pr, id);
    const r = buildDocument(kind, snapshotOf(rows), await this.documentContext(rows));
    if (!r.ok) throw new AppError(409, r.code, r.reason);
    return documentHtml(r.document);
  }

  private async documentContext(rows: CaseRows): Promise<DocumentContext> {
    const { guide } = await loadGuide(this.p.db, rows.row.item_id, rows.row.item_version);
    const site = await findSite(this.p.db, rows.row.site_id);
    return {
      organName: guide.implementingBody,
      siteName: site?.name ?? '',
      siteAddress: site?.address ?? '',
      consultPhone: guide.consultPhone,
      complaintPhone: guide.complaintPhone,
      itemType: ITEM_TYPE_LABELS[guide.itemType] ?? guide.itemType,
      isWorkingDay: this.isWorkingDay,
    };
  }
}

/** One asked-for site or department, if in scope; else every one in scope. */
function pick(asked: string | undefined, scope: readonly string[], all: boolean): string[] {
  if (!asked) return [...scope];
  if (!all && !scope.includes(asked)) throw forbidden('不在您的数据范围内 / outside your data scope');
  return [asked];
}

export type { CaseState };
