import type { Work } from '../../../platform/transact';
import { aircraftSnapshot } from '../dji/osd';
import type { TelemetryStore } from '../telemetry/telemetry.store';
import { type FlightEvent, type FlightState, isFinished, nextFlightState } from './flight-state';
import { type FlightRow, updateFlight } from './missions.repo';

export const FLIGHT_ENTITY = 'drone_flight';

/**
 * Applies a flight's transitions from the pure table (flight-state.ts) inside the caller's
 * transaction, for the planning side (cancel) and the dock side (replies, progress, jobs) alike.
 */
export class FlightTransitions {
  constructor(private telemetry: TelemetryStore) {}

  /** One transition: state, fields, audit row and event together (a late message that does not apply changes nothing). */
  async apply(
    w: Work,
    f: FlightRow,
    e: FlightEvent,
    patch: Partial<FlightRow>,
    action: string | null,
    at = w.now,
  ): Promise<FlightRow> {
    const next = nextFlightState(f.state as FlightState, e);
    const changedFields = Object.keys(patch).length > 0;
    if (next === null && !changedFields) return f;
    const state = next ?? (f.state as FlightState);
    const finished = isFinished(state) && !isFinished(f.state as FlightState);
    await updateFlight(w.trx, f.id, {
      ...patch,
      state,
      updated_at: w.now,
      ...(finished ? { finished_at: at } : {}),
      ...this.flown(f, state, at),
    });
    if (next !== null && next !== f.state) {
      w.audit({
        action: action ?? `drones.flight.${next}`,
        entityType: FLIGHT_ENTITY,
        entityId: f.id,
        before: { state: f.state },
        after: { state: next, reason: patch.reason ?? null },
      });
      if (f.aircraft_sn) this.telemetry.setFlight(f.aircraft_sn, isFinished(next) ? null : f.id);
    }
    w.emit({
      type: 'drones.flight.changed',
      entityType: FLIGHT_ENTITY,
      entityId: f.id,
      data: { id: f.id, state, percent: patch.percent ?? f.percent },
    });
    return { ...f, ...patch, state };
  }

  /**
   * Hours and kilometres from the aircraft's lifetime counters: taken when the flight is first in
   * progress, differenced when it ends (the time between execute and end when a counter is missing).
   */
  private flown(f: FlightRow, state: FlightState, at: number): Partial<FlightRow> {
    const a = f.aircraft_sn ? aircraftSnapshot(this.telemetry.get(f.aircraft_sn)) : null;
    if (!f.totals_start && (state === 'in_progress' || state === 'paused'))
      return {
        totals_start: JSON.stringify({ s: a?.totalFlightTimeS ?? null, m: a?.totalFlightDistanceM ?? null, at }),
      };
    if (!isFinished(state) || isFinished(f.state as FlightState) || !f.totals_start) return {};
    const start = JSON.parse(f.totals_start) as { s: number | null; m: number | null; at: number };
    const s =
      a?.totalFlightTimeS != null && start.s != null
        ? Math.max(0, a.totalFlightTimeS - start.s)
        : Math.max(0, (at - start.at) / 1000);
    const m = a?.totalFlightDistanceM != null && start.m != null ? Math.max(0, a.totalFlightDistanceM - start.m) : null;
    return { flown_s: s, flown_m: m };
  }
}
