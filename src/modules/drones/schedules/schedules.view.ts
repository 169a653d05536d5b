/** Schedule rows → the contract's responses. */
import type { Static } from '@sinclair/typebox';
import type { Schedule, ScheduleRun } from './schedules.contract';
import type { RunRow, ScheduleRow } from './schedules.repo';

type ScheduleView = Static<typeof Schedule>;

export function scheduleView(
  s: ScheduleRow,
  extra: {
    routeName: string | null;
    next: number[];
    lastSkipped: { occurrence_at: number; code: string | null; reason: string | null } | null;
  },
): ScheduleView {
  return {
    id: s.id,
    name: s.name,
    routeId: s.route_id,
    routeName: extra.routeName,
    dockSn: s.dock_sn,
    scenario: s.scenario as ScheduleView['scenario'],
    purpose: s.purpose,
    orgId: s.org_id,
    cron: s.cron,
    startDate: s.start_date,
    endDate: s.end_date,
    enabled: s.enabled === 1,
    revision: Number(s.revision),
    next: extra.next,
    lastSkipped: extra.lastSkipped
      ? {
          at: Number(extra.lastSkipped.occurrence_at),
          code: extra.lastSkipped.code ?? 'skipped',
          reason: extra.lastSkipped.reason ?? '',
        }
      : null,
    createdAt: Number(s.created_at),
    updatedAt: Number(s.updated_at),
  };
}

export function runView(r: RunRow & { flight_state: string | null }): Static<typeof ScheduleRun> {
  let checks: Static<typeof ScheduleRun>['checks'] = [];
  try {
    checks = r.checks ? JSON.parse(r.checks) : [];
  } catch {
    checks = [];
  }
  return {
    occurrenceAt: Number(r.occurrence_at),
    revision: Number(r.revision),
    state: r.state as 'planned' | 'skipped',
    flightId: r.flight_id,
    flightState: r.flight_state as Static<typeof ScheduleRun>['flightState'],
    code: r.code,
    reason: r.reason,
    checks,
  };
}
