import { createHash } from 'node:crypto';
import { importKmz } from '../waylines/kmz-import';
import type { FlightPath, PathPosition } from './sim-flight';

/** A flight the simulated dock has prepared: the path it will fly, home → waypoints → home. */
export interface Task {
  flightId: string;
  path: FlightPath;
  waypoints: number;
}

/**
 * flighttask_prepare as a dock handles it: download the KMZ by its URL, check the MD5 against the
 * fingerprint, read the waylines. Answers the result code the dock would reply with (0 = ready).
 */
export async function loadTask(
  data: Record<string, unknown>,
  home: { lng: number; lat: number },
): Promise<{ code: number; task?: Task }> {
  const file = data.file as { url?: string; fingerprint?: string } | undefined;
  if (!file?.url) return { code: 314013 };
  let buf: Buffer;
  try {
    const res = await fetch(file.url);
    if (!res.ok) return { code: 314013 };
    buf = Buffer.from(await res.arrayBuffer());
  } catch {
    return { code: 314013 };
  }
  if (file.fingerprint && createHash('md5').update(buf).digest('hex') !== file.fingerprint) return { code: 314005 };
  const route = await importKmz(buf, { name: 'task' });
  if (!route.ok) return { code: 321004 };
  const start = { ...home, height: 0 };
  const points = [start, ...route.route.waypoints.map((w) => ({ lng: w.lng, lat: w.lat, height: w.height })), start];
  const flightId = String(data.flight_id);
  return {
    code: 0,
    task: { flightId, path: { points, speed: route.route.globalSpeed }, waypoints: route.route.waypoints.length },
  };
}

/** The `data` of a flighttask_progress event at a point of the path. */
export function progressData(flightId: string, pos: PathPosition, status: string) {
  return {
    result: 0,
    output: {
      status,
      progress: { current_step: pos.done ? 25 : 19, percent: pos.percent },
      ext: {
        current_waypoint_index: Math.max(0, pos.waypointIndex),
        wayline_mission_state: pos.done ? 9 : 5,
        media_count: Math.max(0, pos.waypointIndex + 1),
        track_id: flightId,
        flight_id: flightId,
        wayline_id: 0,
      },
    },
  };
}

/** The aircraft's own OSD (on its serial), with the lifetime counters the statistics difference. */
export function aircraftOsdData(
  mode: number,
  pos: { lng: number; lat: number; height: number; heading: number; flownM: number },
  battery: number,
  totals: { time: number; distance: number; sorties: number },
  elapsedS: number,
) {
  return {
    mode_code: mode,
    latitude: pos.lat,
    longitude: pos.lng,
    height: 30 + pos.height,
    elevation: pos.height,
    attitude_head: pos.heading,
    horizontal_speed: mode === 5 ? 10 : 0,
    battery: { capacity_percent: battery, remain_flight_time: 1500, return_home_power: 20, landing_power: 10 },
    total_flight_time: totals.time + Math.round(elapsedS),
    total_flight_distance: totals.distance + Math.round(pos.flownM),
    total_flight_sorties: totals.sorties,
  };
}
