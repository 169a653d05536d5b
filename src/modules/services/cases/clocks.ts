/**
 * The case clock's alerts through the job runner: a due-soon and an overdue job at the instants the
 * model's clock gives (caseClock → dueSoonAt, dueAt). Planned in the transaction of every change;
 * a pause (补正, 特别程序) leaves no planned instant, a resume plans the moved ones. Job keys carry
 * the instant, so a re-plan cancels the old job and a job fires at most once per instant; the
 * handler re-reads the case and alerts only if the clock (read then) really is due soon / late.
 */
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import type { Tx } from '../../../platform/db/connect';
import { cancelJob, enqueueJob, type Job } from '../../../platform/jobs';
import { workIn } from '../../../platform/transact';
import { lockCase, updateCase, type CaseRecord } from './cases.repo';
import { CASE_ENTITY, workingDaysOf } from './deps';
import { caseClock, transition, type CaseSnapshot, type IsWorkingDay } from './model';
import { snapshotOf } from './row';

export const OVERDUE_JOB = 'services.case.overdue';
export const DUE_SOON_JOB = 'services.case.due_soon';
export const DRAFT_EXPIRY_JOB = 'services.case.draft_expiry';

export const CASE_CLOCK_EVENTS = { dueSoon: 'case.due_soon', overdue: 'case.overdue' } as const;

const key = (kind: string, caseId: string, at: number) => `${kind}:${caseId}:${at}`;

/** The instants the clock of `c` is planned at (null: none — not running, or paused). */
export function plannedInstants(c: CaseSnapshot, now: number, isWorkingDay: IsWorkingDay) {
  if (c.state !== 'accepted') return { dueAt: null, dueSoonAt: null };
  const clock = caseClock(c, now, isWorkingDay);
  if (!clock || clock.paused) return { dueAt: null, dueSoonAt: null };
  return { dueAt: clock.dueAt, dueSoonAt: clock.dueSoonAt };
}

/** Re-plans the alert jobs of a changed case, in its transaction; returns the columns to store. */
export async function replan(
  trx: Tx,
  before: CaseRecord,
  after: CaseSnapshot,
  now: number,
  isWorkingDay: IsWorkingDay,
) {
  const next = plannedInstants(after, now, isWorkingDay);
  const prevDue = before.due_at === null ? null : Number(before.due_at);
  const prevSoon = before.due_soon_at === null ? null : Number(before.due_soon_at);
  if (prevDue !== next.dueAt) {
    if (prevDue !== null) await cancelJob(trx, key(OVERDUE_JOB, after.id, prevDue));
    if (next.dueAt !== null)
      await enqueueJob(
        trx,
        OVERDUE_JOB,
        {
          runAt: next.dueAt,
          payload: { caseId: after.id, at: next.dueAt },
          dedupeKey: key(OVERDUE_JOB, after.id, next.dueAt),
        },
        now,
      );
  }
  if (prevSoon !== next.dueSoonAt) {
    if (prevSoon !== null) await cancelJob(trx, key(DUE_SOON_JOB, after.id, prevSoon));
    if (next.dueSoonAt !== null)
      await enqueueJob(
        trx,
        DUE_SOON_JOB,
        {
          runAt: next.dueSoonAt,
          payload: { caseId: after.id, at: next.dueSoonAt },
          dedupeKey: key(DUE_SOON_JOB, after.id, next.dueSoonAt),
        },
        now,
      );
  }
  return { due_at: next.dueAt, due_soon_at: next.dueSoonAt };
}

export async function planDraftExpiry(trx: Tx, caseId: string, at: number, now: number) {
  await enqueueJob(
    trx,
    DRAFT_EXPIRY_JOB,
    { runAt: at, payload: { caseId }, dedupeKey: key(DRAFT_EXPIRY_JOB, caseId, at) },
    now,
  );
}

export function registerCaseJobs(p: PlatformContext) {
  const isWorkingDay = workingDaysOf(p);

  const alert = (kind: 'overdue' | 'due_soon') => async (trx: Tx, job: Job) => {
    const caseId = String(job.payload.caseId);
    const at = Number(job.payload.at);
    await workIn(trx, p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      const rows = await lockCase(trx, caseId, p.dialect);
      if (!rows) return;
      if (rows.row.state !== 'accepted') return;
      const planned = kind === 'overdue' ? rows.row.due_at : rows.row.due_soon_at;
      const alerted = kind === 'overdue' ? rows.row.overdue_alerted_for : rows.row.due_soon_alerted_for;
      // a re-planned clock has its own job; an alert already raised for this instant is not raised again
      if (planned === null || Number(planned) !== at || (alerted !== null && Number(alerted) === at)) return;
      const c = snapshotOf(rows);
      const clock = caseClock(c, w.now, isWorkingDay);
      const late = clock?.status === 'overdue';
      if (!clock || (kind === 'overdue' ? !late : clock.status !== 'due_soon' && !late)) return;
      await updateCase(trx, caseId, kind === 'overdue' ? { overdue_alerted_for: at } : { due_soon_alerted_for: at });
      const data = {
        caseId,
        number: c.number,
        dueDate: clock.dueDate,
        remainingDays: clock.remainingDays,
        departmentId: c.departmentId,
      };
      w.emit({
        type: kind === 'overdue' ? CASE_CLOCK_EVENTS.overdue : CASE_CLOCK_EVENTS.dueSoon,
        entityType: CASE_ENTITY,
        entityId: caseId,
        data,
      });
      w.audit({ action: `services.case.${kind}`, entityType: CASE_ENTITY, entityId: caseId, after: data });
    });
  };
  p.jobs.register(OVERDUE_JOB, alert('overdue'));
  p.jobs.register(DUE_SOON_JOB, alert('due_soon'));

  // a draft not submitted within DRAFT_DAYS is closed by the model's expire_draft (audited)
  p.jobs.register(DRAFT_EXPIRY_JOB, async (trx, job) => {
    const caseId = String(job.payload.caseId);
    await workIn(trx, p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      const rows = await lockCase(trx, caseId, p.dialect);
      if (!rows) return;
      if (rows.row.state !== 'draft') return;
      const c = snapshotOf(rows);
      const r = transition(c, { type: 'expire_draft' }, { userId: 'system', roles: ['system'] }, w.now, {
        isWorkingDay,
      });
      if (!r.ok) return;
      await updateCase(trx, caseId, { state: 'expired', closing: JSON.stringify(r.patch.closing), updated_at: w.now });
      w.emit({ type: r.event.type, entityType: CASE_ENTITY, entityId: caseId, data: r.event.data });
      w.audit({ action: 'services.case.draft_expired', entityType: CASE_ENTITY, entityId: caseId });
    });
  });
}
