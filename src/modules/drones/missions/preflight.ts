import { distanceMeters, type LngLat } from '../../../platform/geo';
import type { DockSnapshot } from '../dji/osd';
import type { Route } from '../waylines/route';
import type { CompiledZone } from '../geofences/geometry';
import { geofenceChecks } from '../geofences/route-checks';

/**
 * The checks before a flight is sent to a dock, each with its reason in both languages. Pure: the
 * service gives the dock's latest telemetry, its online state, the route and the flights already
 * planned. A failed check blocks the flight; a warning is shown and recorded.
 */
export interface PreflightInput {
  dockOnline: boolean;
  dock: DockSnapshot | null;
  /** the dock's position: its telemetry, else its registered home point */
  dockPoint: { lng: number; lat: number } | null;
  route: Route;
  /** a recorded approval to fly above 120 m (controlled airspace above that) */
  heightApproved: boolean;
  /** other flights of this dock, or in the same area, overlapping [start, end] */
  conflicts: { id: string; name: string }[];
  /** the enabled geofences, compiled (geofences/geometry.ts); omitted: not checked */
  geofences?: readonly CompiledZone[];
  limits?: Partial<PreflightLimits>;
}

export interface PreflightLimits {
  minBattery: number;
  maxWind: number;
  /** rainfall 0 none, 1 light, 2 moderate, 3 heavy */
  maxRainfall: number;
  minStorageMb: number;
  /** the dock's operating radius (Dock 2: ~10 km; a street keeps it shorter) */
  maxRangeM: number;
  maxHeightM: number;
}

export const DEFAULT_LIMITS: PreflightLimits = {
  minBattery: 30,
  maxWind: 12,
  maxRainfall: 1,
  minStorageMb: 1024,
  maxRangeM: 7000,
  maxHeightM: 120,
};

export interface CheckResult {
  code: string;
  ok: boolean;
  /** blocks the flight when not ok (otherwise a warning) */
  blocking: boolean;
  message: string;
}

const bi = (zh: string, en: string) => `${zh} / ${en}`;

export function preflight(i: PreflightInput): CheckResult[] {
  const L = { ...DEFAULT_LIMITS, ...i.limits };
  const d = i.dock;
  const out: CheckResult[] = [];
  const add = (code: string, ok: boolean, message: string, blocking = true) =>
    out.push({ code, ok, blocking, message });

  add(
    'dock_online',
    i.dockOnline,
    i.dockOnline ? bi('机场在线', 'dock online') : bi('机场离线', 'the dock is offline'),
  );
  if (!d) {
    add('telemetry', false, bi('尚未收到机场遥测', 'no telemetry from the dock yet'));
    if (i.geofences) out.push(...geofenceChecks(i.route, i.dockPoint, i.geofences));
    return out;
  }
  const idle = d.modeCode === 0;
  add(
    'dock_idle',
    idle,
    idle
      ? bi('机场空闲', 'dock idle')
      : bi(
          `机场不在空闲状态（模式 ${d.modeCode ?? '未知'}）`,
          `the dock is not idle (mode ${d.modeCode ?? 'unknown'})`,
        ),
  );
  // 5 = idle; DJI docks also report 255 when no task ever ran
  const taskFree = d.taskStep === null || d.taskStep === 5 || d.taskStep === 255;
  add(
    'task_free',
    taskFree,
    taskFree ? bi('无进行中的任务', 'no task running') : bi('机场正在执行其他任务', 'the dock is running another task'),
  );
  add(
    'emergency_stop',
    d.emergencyStop !== true,
    d.emergencyStop
      ? bi('机场急停按钮被按下', 'the emergency stop is pressed')
      : bi('急停未触发', 'emergency stop released'),
  );
  // in the dock the aircraft is normally powered off: paired and in the dock is what counts
  const aircraftReady = d.droneInDock === true && d.subDevicePaired !== false;
  add(
    'aircraft_in_dock',
    aircraftReady,
    aircraftReady
      ? bi('飞行器在舱且已配对', 'aircraft in the dock and paired')
      : bi('飞行器不在舱内或未配对', 'the aircraft is not in the dock or not paired'),
  );
  const battery = d.droneBattery;
  add(
    'battery',
    battery !== null && battery >= L.minBattery,
    battery === null
      ? bi('电量未知', 'battery unknown')
      : battery >= L.minBattery
        ? bi(`电量 ${battery}%`, `battery ${battery} %`)
        : bi(`电量 ${battery}%，低于 ${L.minBattery}%`, `battery ${battery} %, below ${L.minBattery} %`),
  );
  const storage = d.storageFreeMb;
  add(
    'storage',
    storage === null || storage >= L.minStorageMb,
    storage === null ? bi('存储空间未知', 'storage unknown') : bi(`剩余存储 ${storage} MB`, `${storage} MB free`),
    storage !== null,
  );
  const wind = d.windSpeed;
  add(
    'wind',
    wind === null || wind <= L.maxWind,
    wind === null
      ? bi('风速未知', 'wind unknown')
      : wind <= L.maxWind
        ? bi(`风速 ${wind} m/s`, `wind ${wind} m/s`)
        : bi(`风速 ${wind} m/s，超过 ${L.maxWind} m/s`, `wind ${wind} m/s, above ${L.maxWind} m/s`),
    wind !== null,
  );
  const rain = d.rainfall;
  add(
    'rain',
    rain === null || rain <= L.maxRainfall,
    rain === null
      ? bi('降雨未知', 'rain unknown')
      : rain <= L.maxRainfall
        ? bi('降雨在允许范围', 'rain within limits')
        : bi('降雨过大', 'too much rain'),
    rain !== null,
  );

  const far = farthest(i.dockPoint, i.route);
  if (far !== null)
    add(
      'range',
      far <= L.maxRangeM,
      far <= L.maxRangeM
        ? bi(`航线距机场最远 ${Math.round(far)} m`, `route within ${Math.round(far)} m of the dock`)
        : bi(
            `航线最远处距机场 ${Math.round(far)} m，超出 ${L.maxRangeM} m`,
            `route reaches ${Math.round(far)} m from the dock, beyond ${L.maxRangeM} m`,
          ),
    );
  else add('range', false, bi('机场位置未知，无法核对航程', 'the dock position is unknown: range cannot be checked'));

  const top = Math.max(...i.route.waypoints.map((w) => w.height));
  const heightOk = top <= L.maxHeightM || i.heightApproved;
  add(
    'height',
    heightOk,
    top <= L.maxHeightM
      ? bi(`最高 ${top} m`, `highest ${top} m`)
      : i.heightApproved
        ? bi(`最高 ${top} m（已备案审批）`, `highest ${top} m (approval recorded)`)
        : bi(
            `最高 ${top} m，超过 ${L.maxHeightM} m 需空域审批`,
            `highest ${top} m: above ${L.maxHeightM} m needs an airspace approval`,
          ),
  );
  add(
    'airspace_conflict',
    i.conflicts.length === 0,
    i.conflicts.length === 0
      ? bi('同时段无冲突航班', 'no other flight at that time')
      : bi(
          `与 ${i.conflicts.map((c) => c.name).join('、')} 时段冲突`,
          `overlaps ${i.conflicts.map((c) => c.name).join(', ')}`,
        ),
  );
  if (i.geofences) out.push(...geofenceChecks(i.route, i.dockPoint, i.geofences));
  return out;
}

export const blocked = (results: readonly CheckResult[]) => results.filter((r) => !r.ok && r.blocking);

function farthest(dock: { lng: number; lat: number } | null, route: Route): number | null {
  if (!dock) return null;
  const from: LngLat = [dock.lng, dock.lat];
  return Math.max(...route.waypoints.map((w) => distanceMeters(from, [w.lng, w.lat])));
}

/** Route length in metres (dock → waypoints → dock), for the flight's expected duration. */
export function routeLengthM(dock: { lng: number; lat: number } | null, route: Route): number {
  const pts: LngLat[] = route.waypoints.map((w) => [w.lng, w.lat]);
  if (dock) pts.unshift([dock.lng, dock.lat]), pts.push([dock.lng, dock.lat]);
  let m = 0;
  for (let k = 1; k < pts.length; k++) m += distanceMeters(pts[k - 1], pts[k]);
  return m;
}

/** Seconds the flight is expected to take, with a margin for take-off, actions and landing. */
export function expectedDurationS(dock: { lng: number; lat: number } | null, route: Route): number {
  return Math.round(routeLengthM(dock, route) / Math.max(1, route.globalSpeed) + 120 + route.waypoints.length * 3);
}
