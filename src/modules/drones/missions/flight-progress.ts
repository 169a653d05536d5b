import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import type { Tx } from '../../../platform/db/connect';
import { enqueueJob } from '../../../platform/jobs';
import { type Work, workIn } from '../../../platform/transact';
import { dockErrorBilingual } from '../dji/codes';
import type { Envelope } from '../dji/envelope';
import { isTerminal, parseProgress } from '../dji/progress';
import { prepareData } from '../dji/services';
import type { Route } from '../waylines/route';
import type { CommandOutcome, DockCommands } from './commands.service';
import { type FlightEvent, type FlightState, isFinished } from './flight-state';
import { FLIGHT_ENTITY, type FlightTransitions } from './flight-transitions';
import { findRoute, lockFlight } from './missions.repo';
import type { WaylineRoutes } from './routes.service';

export const FLIGHT_JOB = { prepare: 'drones.flight.prepare', execute: 'drones.flight.execute' } as const;
/** The execute job waits for the prepare reply this long past the planned time, then gives up. */
const EXECUTE_GRACE_MS = 30_000;

/**
 * The dock's side of a flight: the jobs that send `flighttask_prepare` ahead of time and
 * `flighttask_execute` at the time (the dock fires nothing itself), the commands' replies, and the
 * `flighttask_progress` events that carry the outcome.
 */
export class FlightProgress {
  constructor(
    private p: PlatformContext,
    private routes: WaylineRoutes,
    private commands: DockCommands,
    private transitions: FlightTransitions,
  ) {
    commands.onOutcome((w, cmd, outcome) => this.commandOutcome(w, cmd.bid, cmd.method, outcome));
    p.jobs.register(FLIGHT_JOB.prepare, (trx, job) => this.prepareJob(trx, String(job.payload.flightId)));
    p.jobs.register(FLIGHT_JOB.execute, (trx, job) => this.executeJob(trx, String(job.payload.flightId)));
  }

  /** `flighttask_progress` (and its siblings): the outcome of a flight, from the dock. */
  async event(gatewaySn: string, msg: Envelope, at: number): Promise<number | null> {
    if (msg.method !== 'flighttask_progress') return null;
    const progress = parseProgress(msg.data, msg.bid);
    if (!progress?.flightId) return null;
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const f = await lockFlight(w.trx, progress.flightId!, this.p.dialect);
      if (!f || f.dock_sn !== gatewaySn) return;
      // events may be handled out of order (each in its own transaction): a late one never moves a
      // finished flight's figures, and a flight's percentage only goes forward
      if (isFinished(f.state as FlightState) && !isTerminal(progress.status)) return;
      const patch = {
        percent: progress.percent === null ? f.percent : Math.max(progress.percent, f.percent ?? 0),
        waypoint_index: progress.waypointIndex ?? f.waypoint_index,
        media_count: progress.mediaCount ?? f.media_count,
      };
      const failed =
        ['failed', 'rejected', 'timeout', 'partially_done'].includes(progress.status) && progress.resultCode !== 0;
      await this.transitions.apply(
        w,
        f,
        { kind: 'progress', status: progress.status, code: progress.resultCode },
        {
          ...patch,
          ...(failed ? { result_code: progress.resultCode, reason: dockErrorBilingual(progress.resultCode) } : {}),
        },
        null,
        at,
      );
    });
    return 0;
  }

  private async commandOutcome(w: Work, flightId: string, method: string, outcome: CommandOutcome): Promise<void> {
    const f = await lockFlight(w.trx, flightId, this.p.dialect);
    if (!f) return;
    let e: FlightEvent | null = null;
    if (outcome.kind === 'timeout')
      e = method === 'flighttask_prepare' || method === 'flighttask_execute' ? { kind: 'command_timeout' } : null;
    else if (outcome.kind === 'refused')
      e =
        method === 'flighttask_prepare' || method === 'flighttask_execute'
          ? { kind: 'command_refused', code: outcome.code }
          : null;
    else if (method === 'flighttask_prepare') e = { kind: 'prepare_accepted' };
    else if (method === 'flighttask_execute') e = { kind: 'execute_accepted' };
    const reason =
      outcome.kind === 'refused'
        ? dockErrorBilingual(outcome.code)
        : outcome.kind === 'timeout'
          ? `机场未应答 ${method}（已重试） / the dock did not answer ${method} (retried)`
          : undefined;
    if (!e) {
      // a pause, resume, undo or return home: recorded on the flight's audit trail only
      w.audit({
        action: `drones.command.${outcome.kind}`,
        entityType: FLIGHT_ENTITY,
        entityId: f.id,
        after: { method, reason: reason ?? null },
      });
      return;
    }
    await this.transitions.apply(
      w,
      f,
      e,
      {
        ...(reason ? { reason } : {}),
        ...(outcome.kind === 'refused' ? { result_code: outcome.code } : {}),
        ...(e.kind === 'prepare_accepted' ? { prepared_at: w.now } : {}),
      },
      null,
    );
  }

  private async prepareJob(trx: Tx, flightId: string): Promise<void> {
    await workIn(trx, this.p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      const f = await lockFlight(trx, flightId, this.p.dialect);
      if (!f || f.state !== 'planned') return;
      const routeRow = await findRoute(trx, f.route_id);
      const file = routeRow ? await this.routes.fileOfRow(routeRow) : null;
      if (!file || !routeRow) {
        await this.transitions.apply(
          w,
          f,
          { kind: 'command_refused', code: -1 },
          { reason: '航线已删除 / the route was deleted' },
          null,
        );
        return;
      }
      const route = JSON.parse(routeRow.route) as Route;
      const immediate = f.execute_at - w.now <= 30_000;
      const data = prepareData({
        flightId: f.id,
        executeTime: f.execute_at,
        taskType: immediate ? 0 : 1,
        fileUrl: file.url,
        fingerprint: file.fingerprint,
        waylineType: 0,
        rthAltitude: Math.min(1500, Math.max(20, route.globalRthHeight)),
        exitWaylineWhenRcLost: route.exitOnRcLost === 'executeLostAction' ? 1 : 0,
      });
      this.commands.queue(w, f.dock_sn, 'flighttask_prepare', data, f.id, null);
      await this.transitions.apply(w, f, { kind: 'prepare_sent' }, {}, null);
    });
  }

  private async executeJob(trx: Tx, flightId: string): Promise<void> {
    await workIn(trx, this.p.clock.now(), SYSTEM_CONTEXT, async (w) => {
      const f = await lockFlight(trx, flightId, this.p.dialect);
      if (!f) return;
      if (f.state === 'prepared') {
        this.commands.queue(w, f.dock_sn, 'flighttask_execute', { flight_id: f.id }, f.id, null);
        await this.transitions.apply(w, f, { kind: 'execute_sent' }, { executed_at: w.now }, null);
        return;
      }
      if (f.state === 'planned' || f.state === 'preparing') {
        // the prepare reply has not come yet: try again shortly, within the dock's 30 s window
        if (w.now < f.execute_at + EXECUTE_GRACE_MS) {
          await enqueueJob(trx, FLIGHT_JOB.execute, { runAt: w.now + 2000, payload: { flightId } }, w.now);
          return;
        }
        await this.transitions.apply(
          w,
          f,
          { kind: 'command_timeout' },
          { reason: '起飞前准备未完成 / the dock did not confirm the preparation in time' },
          null,
        );
      }
    });
  }
}
