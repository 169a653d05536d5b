import type { Static } from '@sinclair/typebox';
import type { Flight, WaylineRoute } from './missions.contract';
import type { FlightRow, RouteRow } from './missions.repo';

export function routeView(r: RouteRow): Static<typeof WaylineRoute> {
  return {
    id: r.id,
    name: r.name,
    scenario: r.scenario as Static<typeof WaylineRoute>['scenario'],
    orgId: r.org_id,
    md5: r.md5,
    waypoints: r.waypoints,
    lengthM: r.length_m,
    maxHeight: r.max_height,
    createdAt: r.created_at,
    route: JSON.parse(r.route),
  };
}

export function flightView(f: FlightRow): Static<typeof Flight> {
  return {
    id: f.id,
    name: f.name,
    routeId: f.route_id,
    scenario: f.scenario as Static<typeof Flight>['scenario'],
    orgId: f.org_id,
    kind: f.kind as Static<typeof Flight>['kind'],
    orderId: f.order_id,
    dockSn: f.dock_sn,
    aircraftSn: f.aircraft_sn,
    state: f.state as Static<typeof Flight>['state'],
    executeAt: f.execute_at,
    expectedEndAt: f.expected_end_at,
    checks: JSON.parse(f.checks),
    heightApproval: f.height_approval,
    resultCode: f.result_code,
    reason: f.reason,
    percent: f.percent,
    waypointIndex: f.waypoint_index,
    mediaCount: f.media_count,
    preparedAt: f.prepared_at,
    executedAt: f.executed_at,
    finishedAt: f.finished_at,
    createdAt: f.created_at,
  };
}
