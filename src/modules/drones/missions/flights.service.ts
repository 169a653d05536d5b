import type { AuditContext } from '../../../platform/audit';
import { FLIGHT_ENTITY, FlightTransitions } from './flight-transitions';
import { FLIGHT_JOB, FlightProgress } from './flight-progress';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { cancelJob, enqueueJob } from '../../../platform/jobs';
import type { DeviceRegistry } from '../devices/registry.service';
import type { Envelope } from '../dji/envelope';
import { dockSnapshot, pointOf } from '../dji/osd';
import type { TelemetryStore } from '../telemetry/telemetry.store';
import type { Route } from '../waylines/route';
import type { DockCommands } from './commands.service';
import { type FlightState, isAirborneState, isFinished } from './flight-state';
import { findFlight, type FlightRow, insertFlight, lockFlight, overlapping } from './missions.repo';
import { blocked, type CheckResult, expectedDurationS, preflight, type PreflightInput } from './preflight';
import { routeAround } from './point-route';
import type { WaylineRoutes } from './routes.service';
import type { OrgCheck } from '../org-check';

export { FLIGHT_ENTITY } from './flight-transitions';
export { FLIGHT_JOB } from './flight-progress';
/** Prepared this long before the take-off (DJI: at most 24 h ahead). */
const PREPARE_LEAD_MS = 10 * 60_000;
/** An immediate task must reach the dock within 30 s of its execute_time: keep well inside. */
const IMMEDIATE_DELAY_MS = 5_000;

export const SCENARIOS = [
  'river',
  'park',
  'campus',
  'construction',
  'environment',
  'fire',
  'emergency',
  'verification',
  'other',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface PlanFlight {
  routeId: string;
  /** null: the best dock (closest capable, online, idle, charged) */
  dockSn?: string | null;
  /** epoch ms; omitted: now */
  executeAt?: number;
  name?: string;
  scenario?: Scenario;
  orgId?: string | null;
  kind?: 'patrol' | 'emergency' | 'verify';
  orderId?: string | null;
  /** the reference of an airspace approval to fly above 120 m */
  heightApproval?: string | null;
  /** a fixed flight id (a schedule's take-off: the same on every node, so it is planned once); not from the API */
  id?: string;
}

/**
 * Flights: planned against the pre-flight checks, then sent the Cloud API way — the job runner
 * sends `flighttask_prepare` ahead of time and `flighttask_execute` at the time (the dock fires
 * nothing itself), each command waiting for its reply through the database; the outcome comes from
 * `flighttask_progress`. Every change is one transaction with its audit row and event.
 */
export class Flights {
  constructor(
    private p: PlatformContext,
    private registry: DeviceRegistry,
    private telemetry: TelemetryStore,
    private routes: WaylineRoutes,
    private commands: DockCommands,
    private checkOrg: OrgCheck,
    /** the enabled geofences for the checks (geofences/geofences.service.ts) */
    private geofences: { zones(): Promise<NonNullable<PreflightInput['geofences']>> } | null = null,
  ) {
    this.transitions = new FlightTransitions(telemetry);
    this.progress = new FlightProgress(p, routes, commands, this.transitions);
  }

  private transitions: FlightTransitions;
  private progress: FlightProgress;

  /** `flighttask_progress` from a dock (flight-progress.ts). */
  event(gatewaySn: string, msg: Envelope, at: number): Promise<number | null> {
    return this.progress.event(gatewaySn, msg, at);
  }

  async get(id: string): Promise<FlightRow> {
    const f = await findFlight(this.p.db, id);
    if (!f) throw notFound('flight');
    return f;
  }

  /** The checks for a route on a dock at a time, without planning anything. */
  async check(input: PlanFlight): Promise<{ dockSn: string; checks: CheckResult[]; route: Route }> {
    const routeRow = await this.routes.get(input.routeId);
    const route = JSON.parse(routeRow.route) as Route;
    const at = input.executeAt ?? this.p.clock.now();
    const dockSn = input.dockSn ?? (await this.bestDock(route));
    if (!dockSn) throw conflict('no_dock', '没有可用的机场 / no dock is available');
    const dock = await this.registry.get(dockSn).catch(() => null);
    if (!dock || dock.domain !== 'dock') throw badRequest('invalid_dock', '不是已登记的机场 / not a registered dock');
    const t = this.telemetry.get(dockSn);
    const hasT = Object.keys(t.at).length > 0;
    const end = at + expectedDurationS(this.dockPoint(dock), route) * 1000;
    const conflicts = await overlapping(this.p.db, dockSn, at, end);
    const geofences = this.geofences ? await this.geofences.zones() : undefined;
    const checks = preflight({
      dockOnline: dock.online === 1,
      dock: hasT ? dockSnapshot(t) : null,
      dockPoint: this.dockPoint(dock),
      route,
      heightApproved: !!input.heightApproval,
      conflicts,
      geofences,
    });
    return { dockSn, checks, route };
  }

  async plan(ctx: AuditContext, input: PlanFlight): Promise<FlightRow> {
    const now = this.p.clock.now();
    const at = input.executeAt ?? now + IMMEDIATE_DELAY_MS;
    if (at < now - 1000) throw badRequest('in_the_past', '起飞时间已过 / the take-off time has passed');
    if (at > now + 366 * 86_400_000) throw badRequest('too_far_ahead', '只能安排一年内的航班 / plan within a year');
    await this.checkOrg(input.orgId);
    const { dockSn, checks, route } = await this.check({ ...input, executeAt: at });
    const stop = blocked(checks);
    if (stop.length)
      throw conflict(
        'preflight_failed',
        `起飞前检查未通过 / pre-flight checks failed: ${stop.map((c) => c.message).join('; ')}`,
        { checks },
      );
    const dock = await this.registry.get(dockSn);
    const routeRow = await this.routes.get(input.routeId);
    const id = input.id ?? crypto.randomUUID();
    // read before the transaction: on SQLite the one connection is the transaction's until it ends
    const aircraftSn = (await this.registry.list()).find((d) => d.gateway_sn === dockSn)?.sn ?? null;
    return this.p.transact(ctx, async (w) => {
      await insertFlight(w.trx, {
        id,
        name: input.name ?? routeRow.name,
        route_id: routeRow.id,
        scenario: input.scenario ?? routeRow.scenario,
        org_id: input.orgId ?? routeRow.org_id,
        kind: input.kind ?? 'patrol',
        order_id: input.orderId ?? null,
        dock_sn: dockSn,
        aircraft_sn: aircraftSn,
        state: 'planned',
        execute_at: at,
        expected_end_at: at + expectedDurationS(this.dockPoint(dock), route) * 1000,
        checks: JSON.stringify(checks),
        height_approval: input.heightApproval ?? null,
        result_code: null,
        reason: null,
        percent: null,
        waypoint_index: null,
        media_count: null,
        prepared_at: null,
        executed_at: null,
        finished_at: null,
        totals_start: null,
        flown_s: null,
        flown_m: null,
        created_by: ctx.actorId,
        created_at: w.now,
        updated_at: w.now,
      });
      await enqueueJob(
        w.trx,
        FLIGHT_JOB.prepare,
        { runAt: Math.max(w.now, at - PREPARE_LEAD_MS), payload: { flightId: id }, dedupeKey: `drones.prepare:${id}` },
        w.now,
      );
      await enqueueJob(
        w.trx,
        FLIGHT_JOB.execute,
        { runAt: at, payload: { flightId: id }, dedupeKey: `drones.execute:${id}` },
        w.now,
      );
      w.audit({
        action: 'drones.flight.planned',
        entityType: FLIGHT_ENTITY,
        entityId: id,
        after: { routeId: routeRow.id, dockSn, executeAt: at, kind: input.kind ?? 'patrol' },
      });
      w.emit({
        type: 'drones.flight.changed',
        entityType: FLIGHT_ENTITY,
        entityId: id,
        data: { id, state: 'planned', dockSn },
      });
      return (await findFlight(w.trx, id))!;
    });
  }

  /**
   * An emergency or verification flight to a point: a route around it is made and kept (so the
   * flight can be flown again), the closest capable dock chosen unless one is named, sent now.
   */
  async toPoint(
    ctx: AuditContext,
    input: {
      lng: number;
      lat: number;
      kind: 'emergency' | 'verify';
      name: string;
      orderId?: string;
      dockSn?: string;
      height?: number;
    },
  ): Promise<FlightRow> {
    const route = routeAround(input, { name: input.name, height: input.height });
    const dockSn = input.dockSn ?? (await this.bestDock(route));
    if (!dockSn) throw conflict('no_dock', '附近没有空闲且电量充足的机场 / no idle, charged dock is available');
    const { row } = await this.routes.create(ctx, {
      route,
      scenario: input.kind === 'verify' ? 'verification' : 'emergency',
    });
    return this.plan(ctx, {
      routeId: row.id,
      dockSn,
      kind: input.kind,
      orderId: input.orderId ?? null,
      name: input.name,
      scenario: input.kind === 'verify' ? 'verification' : 'emergency',
    });
  }

  /** Cancel: dropped before it was sent; `flighttask_undo` before take-off; `return_home` in the air. */
  async cancel(ctx: AuditContext, id: string): Promise<FlightRow> {
    return this.p.transact(ctx, async (w) => {
      const f = await lockFlight(w.trx, id, this.p.dialect);
      if (!f) throw notFound('flight');
      const state = f.state as FlightState;
      if (isFinished(state)) throw conflict('flight_finished', '航班已结束 / the flight has finished');
      if (isAirborneState(state)) {
        this.commands.queue(w, f.dock_sn, 'return_home', {}, f.id, ctx.actorId);
        w.audit({ action: 'drones.flight.return_home', entityType: FLIGHT_ENTITY, entityId: id });
        w.emit({
          type: 'drones.flight.changed',
          entityType: FLIGHT_ENTITY,
          entityId: id,
          data: { id, state, returning: true },
        });
        return f;
      }
      if (state === 'preparing' || state === 'prepared')
        this.commands.queue(w, f.dock_sn, 'flighttask_undo', { flight_ids: [f.id] }, f.id, ctx.actorId);
      await cancelJob(w.trx, `drones.prepare:${id}`);
      await cancelJob(w.trx, `drones.execute:${id}`);
      return this.transitions.apply(
        w,
        f,
        { kind: 'cancel' },
        { reason: '已取消 / canceled' },
        'drones.flight.canceled',
      );
    });
  }

  /** Pause or resume a flight in the air. */
  async pauseOrResume(ctx: AuditContext, id: string, what: 'pause' | 'resume'): Promise<void> {
    await this.p.transact(ctx, async (w) => {
      const f = await lockFlight(w.trx, id, this.p.dialect);
      if (!f) throw notFound('flight');
      const ok = what === 'pause' ? f.state === 'in_progress' : f.state === 'paused';
      if (!ok)
        throw conflict(
          'invalid_state',
          `航班状态为 ${f.state}，不能${what === 'pause' ? '暂停' : '继续'} / cannot ${what} a flight that is ${f.state}`,
        );
      this.commands.queue(
        w,
        f.dock_sn,
        what === 'pause' ? 'flighttask_pause' : 'flighttask_recovery',
        {},
        f.id,
        ctx.actorId,
      );
      w.audit({ action: `drones.flight.${what}`, entityType: FLIGHT_ENTITY, entityId: id });
    });
  }

  /** flighttask_resource_get: the KMZ of a flight, a fresh URL. */
  async resource(flightId: string): Promise<{ url: string; fingerprint: string } | null> {
    const f = await findFlight(this.p.db, flightId);
    if (!f) return null;
    return this.routes.fileOf(f.route_id);
  }

  private dockPoint(d: { sn: string; home_lng: number | null; home_lat: number | null }) {
    const p = pointOf(this.telemetry.get(d.sn).values);
    return p ?? (d.home_lng !== null && d.home_lat !== null ? { lng: d.home_lng, lat: d.home_lat } : null);
  }

  /** The closest online, idle dock with its aircraft in and charged enough, by distance to the route's first waypoint. */
  private async bestDock(route: Route): Promise<string | null> {
    const first = route.waypoints[0];
    let best: { sn: string; d: number } | null = null;
    for (const d of await this.registry.list()) {
      if (d.domain !== 'dock' || d.online !== 1) continue;
      const t = this.telemetry.get(d.sn);
      const s = dockSnapshot(t);
      if (s.modeCode !== 0 || s.droneInDock !== true || (s.droneBattery ?? 0) < 50) continue;
      const pt = this.dockPoint(d);
      if (!pt) continue;
      const dist = Math.hypot((pt.lng - first.lng) * Math.cos((first.lat * Math.PI) / 180), pt.lat - first.lat);
      if (!best || dist < best.d) best = { sn: d.sn, d: dist };
    }
    return best?.sn ?? null;
  }
}
