/**
 * Which telemetry points are kept as history: in flight one point per `flightEveryMs` (5 s), on
 * the ground one per `groundEveryMs` (a dock does not move; its point is kept to show it was there),
 * and always the first point after a change between ground and air so take-off and landing are on
 * the track. Pure: the caller keeps the last kept instant and airborne flag per device.
 */
export interface SamplerState {
  lastAt: number;
  airborne: boolean;
}

export interface SamplerRule {
  flightEveryMs: number;
  groundEveryMs: number;
}

export const DEFAULT_SAMPLER: SamplerRule = { flightEveryMs: 5_000, groundEveryMs: 10 * 60_000 };

export function keepPoint(
  prev: SamplerState | undefined,
  at: number,
  airborne: boolean,
  rule = DEFAULT_SAMPLER,
): boolean {
  if (!prev) return true;
  if (prev.airborne !== airborne) return true;
  if (at < prev.lastAt) return false;
  return at - prev.lastAt >= (airborne ? rule.flightEveryMs : rule.groundEveryMs);
}
