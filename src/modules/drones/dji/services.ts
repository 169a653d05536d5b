import { isValidFlightId } from './progress';

/**
 * Commands the cloud sends on `thing/product/{gateway}/services`. Each is answered on
 * `services_reply` with `{ result }` — that only says the dock accepted it.
 */
export interface PrepareTask {
  flightId: string;
  /** epoch ms; required for immediate (0) and timed (1) tasks */
  executeTime: number;
  taskType: 0 | 1 | 2;
  fileUrl: string;
  /** MD5 of the KMZ, hex */
  fingerprint: string;
  waylineType: 0 | 1 | 2 | 3;
  rthAltitude: number;
  exitWaylineWhenRcLost: 0 | 1;
  /** only for conditional tasks */
  ready?: { batteryCapacity: number; beginTime: number; endTime: number };
  minStorageMb?: number;
  simulate?: { lat: number; lng: number };
}

export function prepareData(t: PrepareTask): Record<string, unknown> {
  if (!isValidFlightId(t.flightId)) throw new Error(`invalid flight id ${t.flightId}`);
  if (t.rthAltitude < 20 || t.rthAltitude > 1500) throw new Error('rth_altitude must be 20–1500 m');
  const data: Record<string, unknown> = {
    flight_id: t.flightId,
    execute_time: t.executeTime,
    task_type: t.taskType,
    wayline_type: t.waylineType,
    file: { url: t.fileUrl, fingerprint: t.fingerprint },
    rth_altitude: t.rthAltitude,
    // docks support only the preset height mode
    rth_mode: 1,
    out_of_control_action: 0,
    exit_wayline_when_rc_lost: t.exitWaylineWhenRcLost,
  };
  if (t.ready)
    data.ready_conditions = {
      battery_capacity: t.ready.batteryCapacity,
      begin_time: t.ready.beginTime,
      end_time: t.ready.endTime,
    };
  if (t.minStorageMb !== undefined) data.executable_conditions = { storage_capacity: t.minStorageMb };
  if (t.simulate) data.simulate_mission = { is_enable: 1, latitude: t.simulate.lat, longitude: t.simulate.lng };
  return data;
}

export const SERVICE_METHODS = [
  'flighttask_prepare',
  'flighttask_execute',
  'flighttask_undo',
  'flighttask_pause',
  'flighttask_recovery',
  'return_home',
  'return_home_cancel',
  'upload_flighttask_media_prioritize',
  'flight_areas_update',
  'live_start_push',
  'live_stop_push',
  'live_set_quality',
  'live_lens_change',
] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** The `result` of a services_reply (0 accepted); null when the reply is not readable. */
export function replyResult(data: Record<string, unknown>): number | null {
  const r = data.result;
  return typeof r === 'number' && Number.isInteger(r) ? r : null;
}
