import { isObject, num } from './envelope';

/**
 * A device's telemetry as the platform keeps it: the union of the partial OSD and state messages
 * it has received. A real dock splits its OSD over several messages, so each message updates only
 * the keys it carries; a key is taken only from a message at least as new as the one it came from
 * last (out-of-order delivery never rolls a value back). Known keys are type-checked one by one —
 * a field of the wrong type is dropped and reported, the rest of the message still counts.
 */
export interface Telemetry {
  values: Record<string, unknown>;
  /** epoch ms of the message each key last came from */
  at: Record<string, number>;
}

export const EMPTY_TELEMETRY: Telemetry = { values: {}, at: {} };

type Check = (v: unknown) => boolean;
const isNum: Check = (v) => num(v) !== null;
const isObj: Check = (v) => isObject(v);
const isArr: Check = (v) => Array.isArray(v);

/** The keys whose type is checked; other keys are kept as sent (DJI adds fields with new firmware). */
const CHECKS: Record<string, Check> = {
  mode_code: isNum,
  flighttask_step_code: isNum,
  latitude: isNum,
  longitude: isNum,
  height: isNum,
  elevation: isNum,
  heading: isNum,
  attitude_head: isNum,
  horizontal_speed: isNum,
  vertical_speed: isNum,
  home_distance: isNum,
  wind_speed: isNum,
  rainfall: isNum,
  environment_temperature: isNum,
  temperature: isNum,
  humidity: isNum,
  cover_state: isNum,
  drone_in_dock: isNum,
  emergency_stop_state: isNum,
  total_flight_time: isNum,
  total_flight_distance: isNum,
  total_flight_sorties: isNum,
  battery: isObj,
  drone_charge_state: isObj,
  sub_device: isObj,
  network_state: isObj,
  position_state: isObj,
  storage: isObj,
  media_file_detail: isObj,
  alternate_land_point: isObj,
  live_capacity: isObj,
  live_status: isArr,
};

/** Keys a message may not set (they would shadow Object.prototype members). */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export interface MergeResult {
  telemetry: Telemetry;
  /** keys taken from this message */
  changed: string[];
  /** keys dropped for a wrong type */
  rejected: string[];
}

export function mergeTelemetry(prev: Telemetry, data: Record<string, unknown>, timestamp: number): MergeResult {
  const values = { ...prev.values };
  const at = { ...prev.at };
  const changed: string[] = [];
  const rejected: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (FORBIDDEN.has(key) || key.length > 64) {
      rejected.push(key.slice(0, 64));
      continue;
    }
    const check = CHECKS[key];
    if (check && !check(value)) {
      rejected.push(key);
      continue;
    }
    if ((at[key] ?? -1) > timestamp) continue;
    values[key] = value;
    at[key] = timestamp;
    changed.push(key);
  }
  return { telemetry: { values, at }, changed, rejected };
}

const n = (x: unknown) => num(x);
const obj = (x: unknown): Record<string, unknown> => (isObject(x) ? x : {});

/** A point only when both coordinates are present, finite, in range and not the 0,0 a device reports without a fix. */
export function pointOf(v: Record<string, unknown>): { lng: number; lat: number } | null {
  const lat = n(v.latitude);
  const lng = n(v.longitude);
  if (lat === null || lng === null) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return { lng, lat };
}

/** The dock fields the platform reads (mode, cover, weather, aircraft in dock …). */
export interface DockSnapshot {
  modeCode: number | null;
  taskStep: number | null;
  point: { lng: number; lat: number } | null;
  coverState: number | null;
  droneInDock: boolean | null;
  emergencyStop: boolean | null;
  rainfall: number | null;
  windSpeed: number | null;
  temperatureOutside: number | null;
  humidity: number | null;
  droneBattery: number | null;
  droneCharging: boolean | null;
  subDeviceSn: string | null;
  subDevicePaired: boolean | null;
  storageFreeMb: number | null;
  remainUpload: number | null;
  networkQuality: number | null;
}

export function dockSnapshot(t: Telemetry): DockSnapshot {
  const v = t.values;
  const charge = obj(v.drone_charge_state);
  const sub = obj(v.sub_device);
  const storage = obj(v.storage);
  const total = n(storage.total);
  const used = n(storage.used);
  const flag = (x: unknown) => (n(x) === null ? null : n(x) === 1);
  return {
    modeCode: n(v.mode_code),
    taskStep: n(v.flighttask_step_code),
    point: pointOf(v),
    coverState: n(v.cover_state),
    droneInDock: flag(v.drone_in_dock),
    emergencyStop: flag(v.emergency_stop_state),
    rainfall: n(v.rainfall),
    windSpeed: n(v.wind_speed),
    temperatureOutside: n(v.environment_temperature),
    humidity: n(v.humidity),
    droneBattery: n(charge.capacity_percent),
    droneCharging: flag(charge.state),
    subDeviceSn: typeof sub.device_sn === 'string' ? sub.device_sn : null,
    subDevicePaired: flag(sub.device_paired),
    // storage is reported in KB
    storageFreeMb: total !== null && used !== null ? Math.max(0, Math.round((total - used) / 1024)) : null,
    remainUpload: n(obj(v.media_file_detail).remain_upload),
    networkQuality: n(obj(v.network_state).quality),
  };
}

export interface AircraftSnapshot {
  modeCode: number | null;
  point: { lng: number; lat: number } | null;
  /** ellipsoid height (m) */
  height: number | null;
  /** height above the take-off point (m) */
  elevation: number | null;
  heading: number | null;
  horizontalSpeed: number | null;
  battery: number | null;
  homeDistance: number | null;
  totalFlightTimeS: number | null;
  totalFlightDistanceM: number | null;
  totalSorties: number | null;
}

export function aircraftSnapshot(t: Telemetry): AircraftSnapshot {
  const v = t.values;
  return {
    modeCode: n(v.mode_code),
    point: pointOf(v),
    height: n(v.height),
    elevation: n(v.elevation),
    heading: n(v.attitude_head),
    horizontalSpeed: n(v.horizontal_speed),
    battery: n(obj(v.battery).capacity_percent),
    homeDistance: n(v.home_distance),
    totalFlightTimeS: n(v.total_flight_time),
    totalFlightDistanceM: n(v.total_flight_distance),
    totalSorties: n(v.total_flight_sorties),
  };
}

/** Aircraft mode codes in which it is in the air (take-off through landing). */
const AIRBORNE = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17]);
export function isAirborne(modeCode: number | null): boolean {
  return modeCode !== null && AIRBORNE.has(modeCode);
}
