import { isObject, num } from './envelope';

/**
 * `flighttask_progress` events: the outcome of a flight (a command's services_reply only says the
 * dock accepted it). The failure reason is the code in `data.result`.
 */
export const FLIGHT_STATUSES = [
  'sent',
  'in_progress',
  'paused',
  'ok',
  'rejected',
  'failed',
  'canceled',
  'timeout',
  'partially_done',
] as const;
export type FlightStatus = (typeof FLIGHT_STATUSES)[number];

const TERMINAL = new Set<FlightStatus>(['ok', 'rejected', 'failed', 'canceled', 'timeout', 'partially_done']);
export const isTerminal = (s: FlightStatus) => TERMINAL.has(s);

export interface FlightProgress {
  flightId: string | null;
  status: FlightStatus;
  resultCode: number;
  percent: number | null;
  currentStep: number | null;
  waypointIndex: number | null;
  waylineMissionState: number | null;
  mediaCount: number | null;
  trackId: string | null;
  breakReason: number | null;
}

export function parseProgress(data: Record<string, unknown>, bid: string): FlightProgress | null {
  const output = isObject(data.output) ? data.output : null;
  if (!output) return null;
  const status = output.status;
  if (typeof status !== 'string' || !(FLIGHT_STATUSES as readonly string[]).includes(status)) return null;
  const progress = isObject(output.progress) ? output.progress : {};
  const ext = isObject(output.ext) ? output.ext : {};
  const breakPoint = isObject(ext.break_point) ? ext.break_point : {};
  const flightId = typeof ext.flight_id === 'string' && ext.flight_id ? ext.flight_id : bid || null;
  return {
    flightId,
    status: status as FlightStatus,
    resultCode: num(data.result) ?? 0,
    percent: num(progress.percent),
    currentStep: num(progress.current_step),
    waypointIndex: num(ext.current_waypoint_index),
    waylineMissionState: num(ext.wayline_mission_state),
    mediaCount: num(ext.media_count),
    trackId: typeof ext.track_id === 'string' ? ext.track_id : null,
    breakReason: num(breakPoint.break_reason),
  };
}

/** The order statuses may move in: a late `in_progress` never undoes a terminal status. */
export function nextFlightStatus(current: FlightStatus | null, reported: FlightStatus): FlightStatus {
  if (current && isTerminal(current)) return current;
  return reported;
}

/** A flight id as the dock accepts it: none of <>:"/|?*._\ (DJI's rule for flighttask_prepare). */
export function isValidFlightId(id: string): boolean {
  return id.length > 0 && id.length <= 64 && !/[<>:"/|?*._\\]/.test(id);
}
