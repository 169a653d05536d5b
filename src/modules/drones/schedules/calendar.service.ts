import type { Static } from '@sinclair/typebox';
import type { PlatformContext } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import type { DeviceRegistry } from '../devices/registry.service';
import { listRoutes } from '../missions/missions.repo';
import { expectedDurationS } from '../missions/preflight';
import type { Route } from '../waylines/route';
import { occurrences } from './occurrences';
import type { Calendar, CalendarItem } from './schedules.contract';
import {
  calendarFlights,
  decidedTimes,
  enabledSchedules,
  lastSkipped,
  listSchedules,
  runsOf,
  skippedRuns,
} from './schedules.repo';
import type { ScheduleRow } from './schedules.repo';
import { runView, scheduleView } from './schedules.view';

type Item = Static<typeof CalendarItem>;
/** A week view asks for 7 days; a month is the most one question may cover. */
const MAX_SPAN_MS = 31 * 86_400_000;
const WEEK_MS = 7 * 86_400_000;
/** A take-off not yet planned is drawn this long when its route cannot be measured. */
const DEFAULT_DURATION_MS = 20 * 60_000;

/**
 * The flights calendar and the schedules as the pages read them: flights planned and flown, and
 * the take-offs of the enabled schedules not planned yet, across all docks (or one), in a span.
 */
export class FlightCalendar {
  constructor(
    private p: PlatformContext,
    private registry: DeviceRegistry,
  ) {}

  async calendar(q: { from: number; to: number; dockSn?: string }): Promise<Static<typeof Calendar>> {
    if (q.to <= q.from) throw badRequest('invalid_range', '结束时间须晚于开始时间 / `to` must be after `from`');
    if (q.to - q.from > MAX_SPAN_MS)
      throw badRequest('range_too_long', '一次最多查询 31 天 / ask for at most 31 days at a time');
    const now = this.p.clock.now();
    const devices = await this.registry.list();
    const docks = devices
      .filter((d) => d.domain === 'dock')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => ({ sn: d.sn, name: d.name, online: d.online === 1 }));
    const home = new Map(
      devices
        .filter((d) => d.home_lng !== null && d.home_lat !== null)
        .map((d) => [d.sn, { lng: d.home_lng!, lat: d.home_lat! }]),
    );
    const items: Item[] = (await calendarFlights(this.p.db, q)).map((f) => ({
      kind: 'flight',
      id: f.id,
      name: f.name,
      dockSn: f.dock_sn,
      start: Number(f.execute_at),
      end: Number(f.finished_at ?? f.expected_end_at),
      scenario: f.scenario as Item['scenario'],
      state: f.state as Item['state'],
      flightId: f.id,
      scheduleId: f.schedule_id ?? null,
      orderId: f.order_id,
      reason: f.reason,
    }));
    for (const r of await skippedRuns(this.p.db, q.from, q.to)) {
      if (q.dockSn && r.dock_sn !== q.dockSn) continue;
      const at = Number(r.occurrence_at);
      items.push({
        kind: 'skipped',
        id: `${r.schedule_id}:${r.revision}:${at}`,
        name: r.name,
        dockSn: r.dock_sn,
        start: at,
        end: at + DEFAULT_DURATION_MS,
        scenario: r.scenario as Item['scenario'],
        state: null,
        flightId: null,
        scheduleId: r.schedule_id,
        orderId: null,
        reason: r.reason,
      });
    }
    const routes = new Map((await listRoutes(this.p.db)).map((r) => [r.id, r]));
    for (const s of await enabledSchedules(this.p.db)) {
      if (q.dockSn && s.dock_sn !== q.dockSn) continue;
      const from = Math.max(q.from, now, Number(s.active_from));
      const coming = occurrences(this.rule(s), from, q.to);
      if (!coming.length) continue;
      const decided = await decidedTimes(this.p.db, s.id, s.revision, coming[0], coming[coming.length - 1]);
      const route = routes.get(s.route_id);
      const ms = route
        ? expectedDurationS(s.dock_sn ? (home.get(s.dock_sn) ?? null) : null, JSON.parse(route.route) as Route) * 1000
        : DEFAULT_DURATION_MS;
      for (const at of coming) {
        if (decided.has(at)) continue;
        items.push({
          kind: 'occurrence',
          id: `${s.id}:${s.revision}:${at}`,
          name: s.name,
          dockSn: s.dock_sn,
          start: at,
          end: at + ms,
          scenario: s.scenario as Item['scenario'],
          state: null,
          flightId: null,
          scheduleId: s.id,
          orderId: null,
          reason: null,
        });
      }
    }
    items.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
    return { from: q.from, to: q.to, docks, items };
  }

  /** Every schedule with its route's name, its next five take-offs and its last skip of the week. */
  async list() {
    const now = this.p.clock.now();
    const [rows, routes, skips] = await Promise.all([
      listSchedules(this.p.db),
      listRoutes(this.p.db),
      lastSkipped(this.p.db, now - WEEK_MS),
    ]);
    const names = new Map(routes.map((r) => [r.id, r.name]));
    return rows.map((s) => this.view(s, names.get(s.route_id) ?? null, skips.get(s.id) ?? null, now));
  }

  async detail(s: ScheduleRow) {
    const now = this.p.clock.now();
    const [routes, skips, runs] = await Promise.all([
      listRoutes(this.p.db),
      lastSkipped(this.p.db, now - WEEK_MS),
      runsOf(this.p.db, s.id, 100),
    ]);
    const name = routes.find((r) => r.id === s.route_id)?.name ?? null;
    return { schedule: this.view(s, name, skips.get(s.id) ?? null, now), runs: runs.map(runView) };
  }

  private view(
    s: ScheduleRow,
    routeName: string | null,
    skip: { occurrence_at: number; code: string | null; reason: string | null } | null,
    now: number,
  ) {
    const next =
      s.enabled === 1 ? occurrences(this.rule(s), Math.max(now, Number(s.active_from)), now + 400 * 86_400_000, 5) : [];
    return scheduleView(s, { routeName, next, lastSkipped: skip });
  }

  private rule(s: ScheduleRow) {
    return { cron: s.cron, startDate: s.start_date, endDate: s.end_date };
  }
}
