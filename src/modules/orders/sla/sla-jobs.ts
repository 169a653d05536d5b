import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { Queryable, Tx } from '../../../platform/db/connect';
import { cancelJob, enqueueJob, JOB_INSERT, jobRow, type Job } from '../../../platform/jobs';
import { workIn, type Work } from '../../../platform/transact';
import type { OrderHook } from '../deps';
import type { OrdersServices } from '../services';
import { SYSTEM_ACTOR } from '../actions/actor';
import { transition, type OrderAction } from '../model';
import { snapshotOf, type OrderRow } from '../row';
import { CLOCK_LABEL, formatBeijing, formatWorkingHours } from '../notifications/templates';
import {
  SLA_CLOCK_JOBS,
  SLA_JOB,
  asLevel,
  clockLevel,
  clockRuns,
  nextSlaStatus,
  pausedSince,
  planSla,
  slaJobKey,
  slaLevelOf,
  worse,
  type EscalationStep,
  type PlannedSlaJob,
  type SlaJobKind,
  type SlaJobPayload,
  type SlaRules,
} from './sla-rules';
import { readSlaRules } from './settings';
import { eventDataOf, lockOrder, patchOrder, runningOrders } from '../orders.repo';

/** Columns whose change can move a clock; other changes (urge, contact…) plan nothing. */
const CLOCK_COLUMNS = [
  'state',
  'sign_deadline',
  'completion_deadline',
  'suspended',
  'signed_at',
  'clock_started_at',
  'clock_stopped_at',
  'reopened_at',
  'pauses',
] as const satisfies ReadonlyArray<keyof OrderRow>;

const LEVEL_LABEL = ['', '一级', '二级', '三级'];

export function registerSlaJobs(mod: OrdersServices) {
  const d = mod.deps;
  const p = d.p;
  const calc = d.deadlines;
  const rulesIn = async (db: Queryable) =>
    (
      await readSlaRules(db, (err) =>
        p.logger.error({ err }, 'orders.sla_rules in settings is invalid; using the defaults'),
      )
    ).rules;

  async function enqueue(db: Queryable, j: PlannedSlaJob, now: number, dedupeKey = j.key, runAt = j.runAt) {
    await enqueueJob(db, j.kind, { runAt, payload: { ...j.payload }, dedupeKey }, now);
  }

  const hook: OrderHook = async (w, { before, after, event }) => {
    if (event.type.startsWith('order.sla_')) return; // raised by the jobs below
    if (before && CLOCK_COLUMNS.every((k) => String(before[k]) === String(after[k]))) return;
    const rules = await rulesIn(w.trx);
    const o = snapshotOf(after);
    const status = nextSlaStatus(after.sla_status, slaLevelOf(o, w.now, calc, rules.dueSoonRatio), clockRuns(o));
    if (status !== after.sla_status) {
      await patchOrder(w.trx, after.id, { sla_status: status });
      after.sla_status = status; // the row the caller gets back matches the database
    }
    const resumed = !!before && Number(before.suspended) === 1 && Number(after.suspended) === 0;
    // appended (written at the end of the change's transaction): nothing in it reads jobs back
    const later = (j: PlannedSlaJob, dedupeKey: string) =>
      w.append('jobs', jobRow(j.kind, { runAt: j.runAt, payload: { ...j.payload }, dedupeKey }, w.now), JOB_INSERT);
    for (const j of planSla(o, calc, rules)) {
      later(j, j.key);
      // A deadline a 挂起 did not move (it began at or after it) keeps its key, and its job may
      // have come due, and been passed over, during the pause: let it run once more now.
      // (Escalations get new keys on resume; raise() never reports the same deadline twice.)
      if (resumed && j.kind !== SLA_JOB.escalate && j.runAt <= w.now) later(j, `${j.key}#resumed${o.pauses.length}`);
    }
  };

  /** Whether this clock's deadline was already reported at this level (a job run twice, a resume). */
  async function alreadyRaised(w: Work, orderId: string, type: string, job: SlaJobPayload): Promise<boolean> {
    const rows = await eventDataOf(w.trx, orderId, type);
    return rows.some((r) => {
      const data = JSON.parse(r.data) as { clock?: unknown; deadline?: unknown };
      return data.clock === job.clock && Number(data.deadline) === job.deadline;
    });
  }
  mod.addHook(hook);

  /** An action by the platform, if the state machine allows it now (else the order is left as is). */
  async function tryAsSystem(w: Work, row: OrderRow, action: OrderAction): Promise<OrderRow> {
    if (!transition(snapshotOf(row), action, SYSTEM_ACTOR, w.now, { deadlines: calc }).ok) return row;
    return mod.actions.performAsSystem(w, row, action);
  }

  async function applyStep(w: Work, row: OrderRow, job: SlaJobPayload, step: EscalationStep): Promise<OrderRow> {
    const label = CLOCK_LABEL[job.clock];
    const late =
      step.afterWorkingDays > 0 ? `超过${label}时限${step.afterWorkingDays}个工作日仍未${label}` : `已超过${label}时限`;
    const extra = step.note ? `，${step.note}` : '';
    if (step.action === 'urge') return tryAsSystem(w, row, { type: 'urge', note: `${late}，系统自动催办${extra}` });
    let current = row;
    while (Number(current.supervision_level) < (step.level ?? 1)) {
      const level = Number(current.supervision_level) + 1;
      const next = await tryAsSystem(w, current, {
        type: 'supervise',
        note: `${late}，系统自动${LEVEL_LABEL[level]}督办${extra}`,
      });
      if (next === current) break;
      current = next;
    }
    return current;
  }

  async function raise(w: Work, row: OrderRow, kind: SlaJobKind, job: SlaJobPayload, rules: SlaRules): Promise<void> {
    const o = snapshotOf(row);
    const level = kind === SLA_JOB.overdue || kind === SLA_JOB.signOverdue ? 'overdue' : 'due_soon';
    // a 临期 job that finds the order already overdue leaves the report to the overdue job
    if (clockLevel(o, job.clock, w.now, calc, rules.dueSoonRatio) !== level) return;
    const type = level === 'overdue' ? 'order.sla_overdue' : 'order.sla_due_soon';
    if (await alreadyRaised(w, row.id, type, job)) return;
    const stored = asLevel(row.sla_status);
    const status = worse(stored, level);
    if (status !== row.sla_status) await patchOrder(w.trx, row.id, { sla_status: status });
    const after: OrderRow = { ...row, sla_status: status };
    const at = pausedSince(o) ?? w.now;
    const label = CLOCK_LABEL[job.clock];
    const data: Record<string, unknown> = { orderId: row.id, clock: job.clock, deadline: job.deadline };
    let note: string;
    if (level === 'overdue') {
      data.overdueMs = calc.workingMsBetween(job.deadline, at);
      note = `已超过${label}时限（${formatBeijing(job.deadline)}）`;
    } else {
      data.remainingMs = calc.workingMsBetween(at, job.deadline);
      note = `临近${label}时限（${formatBeijing(job.deadline)}），剩余约${formatWorkingHours(data.remainingMs as number)}个工作小时`;
    }
    await mod.actions.timeline(w, row.id, type, row.state, row.state, note, data, row.unit_id);
    w.audit({
      action: type,
      entityType: 'order',
      entityId: row.id,
      before: { slaStatus: stored },
      after: { slaStatus: status, clock: job.clock, deadline: job.deadline },
    });
    w.emit({
      type,
      entityType: 'order',
      entityId: row.id,
      data: { number: row.number, clock: job.clock, deadline: job.deadline, unitId: row.unit_id },
    });
    for (const h of d.hooks) await h(w, { before: row, after, event: { type, data }, actor: null });
    if (level !== 'overdue') return;
    let current = after;
    for (const step of rules[job.clock])
      if (step.afterWorkingDays <= 0) current = await applyStep(w, current, job, step);
  }

  const handler =
    (kind: SlaJobKind) =>
    async (trx: Tx, job: Job): Promise<void> => {
      const payload = readPayload(job.payload);
      if (!payload) return;
      await workIn(trx, p.clock.now(), SYSTEM_CONTEXT, async (w) => {
        // held while deciding: a user's action (or another node's SLA job on it) waits
        const row = await lockOrder(w.trx, p.dialect, payload.orderId);
        if (!row) return;
        const rules = await rulesIn(w.trx);
        const planned = planSla(snapshotOf(row), calc, rules).find((j) => j.key === slaJobKey(kind, payload));
        if (!planned) return; // stale: the deadline moved, the clock stopped or the order is suspended
        if (w.now < planned.runAt) {
          // not due any more at this instant (the rules or the calendar changed): come back then
          await enqueue(w.trx, planned, w.now, `${planned.key}#${planned.runAt}`);
          return;
        }
        if (kind === SLA_JOB.escalate) {
          const o = snapshotOf(row);
          if (
            planned.payload.step &&
            clockLevel(o, planned.payload.clock, w.now, calc, rules.dueSoonRatio) === 'overdue'
          ) {
            await applyStep(w, row, planned.payload, planned.payload.step);
          }
          return;
        }
        await raise(w, row, kind, planned.payload, rules);
      });
    };
  for (const kind of SLA_CLOCK_JOBS) p.jobs.register(kind, handler(kind));

  // After the rules changed: move pending jobs to their new instants, add jobs for new steps.
  p.jobs.register(SLA_JOB.replan, async (trx) => {
    const now = p.clock.now();
    const rules = await rulesIn(trx);
    const rows = await runningOrders(trx);
    for (const row of rows) {
      for (const j of planSla(snapshotOf(row), calc, rules)) {
        await cancelJob(trx, j.key);
        await enqueue(trx, j, now);
      }
    }
  });
}

function readPayload(x: Record<string, unknown>): SlaJobPayload | null {
  if (
    typeof x.orderId !== 'string' ||
    typeof x.deadline !== 'number' ||
    (x.clock !== 'sign' && x.clock !== 'completion')
  )
    return null;
  return x as unknown as SlaJobPayload;
}
