/**
 * The two geofence checks of the pre-flight list (missions/preflight.ts), pure: "no no-fly zone
 * entered" and "stays inside its stay-inside area", over the legs the aircraft flies — from the dock
 * to the first waypoint, waypoint to waypoint, and back — with reasons naming the zones.
 */
import type { Route } from '../waylines/route';
import { type CompiledZone, checkPath, type PathPoint } from './geometry';

export interface ZoneCheckResult {
  code: 'geofence_no_fly' | 'geofence_stay_inside';
  ok: boolean;
  blocking: boolean;
  message: string;
}

const bi = (zh: string, en: string) => `${zh} / ${en}`;
const names = (zs: { name: string }[], sep: string) =>
  zs.map((z) => (sep === '、' ? `「${z.name}」` : z.name)).join(sep);

/** The flown path: the dock (height 0 at take-off, up to the return height on the way back) around the waypoints. */
export function flownPath(route: Route, dock: { lng: number; lat: number } | null): PathPoint[] {
  const pts: PathPoint[] = route.waypoints.map((w) => ({ lng: w.lng, lat: w.lat, height: w.height }));
  if (!dock) return pts;
  return [
    { lng: dock.lng, lat: dock.lat, height: 0, transit: true },
    ...pts,
    { lng: dock.lng, lat: dock.lat, height: Math.max(0, route.globalRthHeight), transit: true },
  ];
}

export function geofenceChecks(
  route: Route,
  dock: { lng: number; lat: number } | null,
  zones: readonly CompiledZone[],
): ZoneCheckResult[] {
  const r = checkPath(flownPath(route, dock), zones);
  const nfz = zones.length - r.stayInside.length;
  const out: ZoneCheckResult[] = [];
  out.push({
    code: 'geofence_no_fly',
    ok: r.entered.length === 0,
    blocking: true,
    message:
      r.entered.length === 0
        ? bi(`未进入禁飞区（已核对 ${nfz} 个）`, `no no-fly zone entered (${nfz} checked)`)
        : bi(`航线进入禁飞区${names(r.entered, '、')}`, `the route enters no-fly zone ${names(r.entered, ', ')}`),
  });
  if (r.stayInside.length === 0) {
    out.push({
      code: 'geofence_stay_inside',
      ok: true,
      blocking: true,
      message: bi('未设限定作业区', 'no stay-inside area is set'),
    });
    return out;
  }
  const start = dock ? bi('机场', 'the dock') : bi('航线起点', 'the route’s start');
  const [startZh, startEn] = start.split(' / ');
  let ok = true;
  let message: string;
  if (!r.startArea) {
    ok = false;
    message = bi(
      `${startZh}不在任何限定作业区内（${names(r.stayInside, '、')}）`,
      `${startEn} is outside every stay-inside area (${names(r.stayInside, ', ')})`,
    );
  } else if (r.leaves) {
    ok = false;
    message = bi(`航线飞出限定作业区「${r.startArea.name}」`, `the route leaves stay-inside area ${r.startArea.name}`);
  } else if (r.heightOutside) {
    ok = false;
    message = bi(
      `航点高度超出限定作业区「${r.startArea.name}」的高度范围`,
      `waypoint heights are outside the height band of stay-inside area ${r.startArea.name}`,
    );
  } else message = bi(`航线在限定作业区「${r.startArea.name}」内`, `the route stays inside ${r.startArea.name}`);
  out.push({ code: 'geofence_stay_inside', ok, blocking: true, message });
  return out;
}
