import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { AppError, badRequest, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { enqueueJob } from '../../../platform/jobs';
import type { DeviceRegistry } from '../devices/registry.service';
import type { Flights, Scenario } from '../missions/flights.service';
import type { RouteRow } from '../missions/missions.repo';
import type { WaylineRoutes } from '../missions/routes.service';
import type { OrgCheck } from '../org-check';
import { occurrenceFlightId, occurrences, passWindow, type RepeatRule, ruleProblem } from './occurrences';
import {
  decidedTimes,
  enabledSchedules,
  findSchedule,
  flightExists,
  insertSchedule,
  insertSkippedRun,
  lockSchedule,
  type ScheduleRow,
  stalePlannedFlights,
  updateSchedule,
  upsertPlannedRun,
} from './schedules.repo';

export const SCHEDULE_ENTITY = 'drone_schedule';
export const SCHEDULE_JOB = 'drones.schedules.materialise';
/** Take-offs are planned this far ahead (the dock is sent `flighttask_prepare` by the flight's own job). */
export const HORIZON_MS = 24 * 3600_000;
/** The materialising job runs this often (a new or edited schedule is materialised at once as well). */
export const TICK_MS = 10 * 60_000;

export interface ScheduleInput {
  name: string;
  routeId: string;
  dockSn?: string | null;
  scenario: string;
  purpose: string;
  orgId?: string | null;
  cron: string;
  startDate: string;
  endDate?: string | null;
  enabled?: boolean;
}

const ruleOf = (s: Pick<ScheduleRow, 'cron' | 'start_date' | 'end_date'>): RepeatRule => ({
  cron: s.cron,
  startDate: s.start_date,
  endDate: s.end_date,
});

/**
 * Recurring schedules: a route flown by a dock (or the best one) at the times of a cron rule.
 * A job materialises each take-off of the coming day as a planned flight through `Flights.plan`
 * — its checks, its jobs — or records it as skipped with the reason. Each take-off is decided
 * once across nodes and restarts: its flight id is derived from schedule, revision and time (the
 * flights table's key), and its run row's key is the same triple.
 */
export class Schedules {
  private pass: Promise<void> = Promise.resolve();

  constructor(
    private p: PlatformContext,
    private flights: Flights,
    private routes: WaylineRoutes,
    private registry: DeviceRegistry,
    private checkOrg: OrgCheck,
  ) {
    p.jobs.register(SCHEDULE_JOB, async (trx, job) => {
      const now = p.clock.now();
      const slot = Math.floor(Number(job.payload.slot ?? now) / TICK_MS) * TICK_MS;
      // the next tick with this one's done mark: the chain neither breaks nor forks across nodes
      await enqueueJob(trx, SCHEDULE_JOB, tick(Math.max(slot + TICK_MS, now)), now);
      // planning runs after this commit, outside the job's transaction: Flights.plan reads and
      // writes in transactions of its own (on SQLite the one connection is the job's until it ends)
      this.kick();
    });
  }

  /** Starts the chain of materialising jobs (once per slot across nodes: the job's dedupe key). */
  async start(): Promise<void> {
    const now = this.p.clock.now();
    await enqueueJob(this.p.db, SCHEDULE_JOB, tick(now), now);
  }

  /** Resolves when the materialising passes asked for so far have ended (tests, shutdown). */
  settled(): Promise<void> {
    return this.pass;
  }

  /** Runs a pass after the ones already asked for. */
  kick(): Promise<void> {
    this.pass = this.pass
      .then(() => this.materialiseAll())
      .catch((err) => this.p.logger.warn({ err: (err as Error).message }, 'drone schedules: a pass failed'));
    return this.pass;
  }

  async get(id: string): Promise<ScheduleRow> {
    const s = await findSchedule(this.p.db, id);
    if (!s) throw notFound('schedule');
    return s;
  }

  async create(ctx: AuditContext, input: ScheduleInput): Promise<ScheduleRow> {
    await this.validate(input);
    const id = newId(this.p.clock.now());
    await this.p.transact(ctx, async (w) => {
      await insertSchedule(w.trx, {
        id,
        name: input.name,
        route_id: input.routeId,
        dock_sn: input.dockSn ?? null,
        scenario: input.scenario,
        purpose: input.purpose,
        org_id: input.orgId ?? null,
        cron: input.cron.trim().replace(/\s+/g, ' '),
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        enabled: input.enabled === false ? 0 : 1,
        revision: 1,
        active_from: w.now,
        created_by: ctx.actorId,
        created_at: w.now,
        updated_at: w.now,
      });
      w.audit({ action: 'drones.schedule.created', entityType: SCHEDULE_ENTITY, entityId: id, after: { ...input } });
      w.emit({ type: 'drones.schedule.changed', entityType: SCHEDULE_ENTITY, entityId: id, data: { id } });
    });
    await this.kick();
    return this.get(id);
  }

  /**
   * An edit starts a new revision: the earlier one's flights not yet sent to the dock are
   * canceled (a disabled schedule's too), and the new form's take-offs are planned from now on.
   */
  async update(ctx: AuditContext, id: string, patch: Partial<ScheduleInput>): Promise<ScheduleRow> {
    const before = await this.get(id);
    const merged: ScheduleInput = {
      name: patch.name ?? before.name,
      routeId: patch.routeId ?? before.route_id,
      dockSn: patch.dockSn !== undefined ? patch.dockSn : before.dock_sn,
      scenario: patch.scenario ?? before.scenario,
      purpose: patch.purpose ?? before.purpose,
      orgId: patch.orgId !== undefined ? patch.orgId : before.org_id,
      cron: patch.cron ?? before.cron,
      startDate: patch.startDate ?? before.start_date,
      endDate: patch.endDate !== undefined ? patch.endDate : before.end_date,
      enabled: patch.enabled ?? before.enabled === 1,
    };
    await this.validate(merged);
    const saved = await this.p.transact(ctx, async (w) => {
      const s = await lockSchedule(w.trx, id, this.p.dialect);
      if (!s) throw notFound('schedule');
      const revision = s.revision + 1;
      await updateSchedule(w.trx, id, {
        name: merged.name,
        route_id: merged.routeId,
        dock_sn: merged.dockSn ?? null,
        scenario: merged.scenario,
        purpose: merged.purpose,
        org_id: merged.orgId ?? null,
        cron: merged.cron.trim().replace(/\s+/g, ' '),
        start_date: merged.startDate,
        end_date: merged.endDate ?? null,
        enabled: merged.enabled ? 1 : 0,
        revision,
        active_from: w.now,
        updated_at: w.now,
      });
      w.audit({
        action: merged.enabled ? 'drones.schedule.updated' : 'drones.schedule.disabled',
        entityType: SCHEDULE_ENTITY,
        entityId: id,
        before: { revision: s.revision, enabled: s.enabled === 1, cron: s.cron },
        after: { revision, ...patch },
      });
      w.emit({ type: 'drones.schedule.changed', entityType: SCHEDULE_ENTITY, entityId: id, data: { id, revision } });
      return revision;
    });
    const stale = await stalePlannedFlights(this.p.db, id, merged.enabled ? saved : null, this.p.clock.now());
    for (const f of stale) await this.flights.cancel(ctx, f.id).catch(() => {}); // one sent meanwhile goes ahead
    await this.kick();
    return this.get(id);
  }

  /** Every enabled schedule's take-offs of the coming day, each decided once. */
  async materialiseAll(): Promise<void> {
    for (const s of await enabledSchedules(this.p.db)) {
      try {
        await this.materialise(s);
      } catch (err) {
        this.p.logger.warn({ err: (err as Error).message, schedule: s.id }, 'drone schedule: not materialised');
      }
    }
  }

  private async materialise(s: ScheduleRow): Promise<void> {
    const now = this.p.clock.now();
    const win = passWindow(now, Number(s.active_from), HORIZON_MS);
    const due = occurrences(ruleOf(s), win.from, win.to);
    if (!due.length) return;
    const decided = await decidedTimes(this.p.db, s.id, s.revision, due[0], due[due.length - 1]);
    for (const at of due) if (!decided.has(at)) await this.decide(s, at);
  }

  /** One take-off: a planned flight, or a skipped run with the reason the plan was refused. */
  private async decide(s: ScheduleRow, at: number): Promise<void> {
    const flightId = occurrenceFlightId(s.id, s.revision, at);
    const ctx: AuditContext = { actorId: null, actorName: `定时计划 / schedule: ${s.name}`, ip: null };
    try {
      await this.flights.plan(ctx, {
        id: flightId,
        routeId: s.route_id,
        dockSn: s.dock_sn,
        executeAt: at,
        name: s.name,
        scenario: s.scenario as Scenario,
        orgId: s.org_id,
        kind: 'patrol',
      });
    } catch (err) {
      // another node (or this one before a restart) planned it: the flight's key says so
      if (!(await flightExists(this.p.db, flightId))) {
        if (!(err instanceof AppError) || err.status >= 500) throw err; // the database, not the take-off: next pass
        await this.skipped(s, at, flightId, err);
        return;
      }
    }
    await this.p.transact(ctx, async (w) => {
      await upsertPlannedRun(w.trx, {
        schedule_id: s.id,
        revision: s.revision,
        occurrence_at: at,
        state: 'planned',
        flight_id: flightId,
        code: null,
        reason: null,
        checks: null,
        created_at: w.now,
        updated_at: w.now,
      });
    });
  }

  private async skipped(s: ScheduleRow, at: number, flightId: string, err: AppError): Promise<void> {
    const checks = (err.details as { checks?: unknown[] } | undefined)?.checks ?? [];
    await this.p.transact({ actorId: null, actorName: `定时计划 / schedule: ${s.name}`, ip: null }, async (w) => {
      if (await flightExists(w.trx, flightId)) return; // planned meanwhile by another node
      const r = await insertSkippedRun(w.trx, {
        schedule_id: s.id,
        revision: s.revision,
        occurrence_at: at,
        state: 'skipped',
        flight_id: null,
        code: err.code,
        reason: err.message,
        checks: JSON.stringify(checks),
        created_at: w.now,
        updated_at: w.now,
      });
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return;
      w.audit({
        action: 'drones.schedule.skipped',
        entityType: SCHEDULE_ENTITY,
        entityId: s.id,
        after: { occurrenceAt: at, revision: s.revision, code: err.code, reason: err.message },
      });
      w.emit({
        type: 'drones.schedule.skipped',
        entityType: SCHEDULE_ENTITY,
        entityId: s.id,
        data: { id: s.id, occurrenceAt: at, code: err.code },
      });
    });
  }

  /** 400s before anything is written: the rule, the route, the dock, the unit. */
  private async validate(input: ScheduleInput): Promise<RouteRow> {
    const problem = ruleProblem(
      { cron: input.cron, startDate: input.startDate, endDate: input.endDate ?? null },
      this.p.clock.now(),
    );
    // a schedule switched off may have run its course; one that is to fly must have a take-off ahead
    if (problem && !(problem.code === 'no_occurrence' && input.enabled === false))
      throw badRequest(problem.code, problem.message);
    const route = await this.routes.get(input.routeId).catch(() => null);
    if (!route)
      throw badRequest('unknown_route', `航线 ${input.routeId} 不存在 / route ${input.routeId} does not exist`);
    if (input.dockSn) {
      const dock = await this.registry.get(input.dockSn).catch(() => null);
      if (dock?.domain !== 'dock')
        throw badRequest('invalid_dock', `${input.dockSn} 不是已登记的机场 / not a registered dock`);
    }
    await this.checkOrg(input.orgId);
    return route;
  }
}

/** The materialising job of the tick slot holding `at` (its dedupe key makes it one row across nodes). */
function tick(at: number) {
  const slot = Math.floor(at / TICK_MS) * TICK_MS;
  return { runAt: at, payload: { slot }, dedupeKey: `${SCHEDULE_JOB}:${slot}`, maxAttempts: 3 };
}
