import { describe, expect, it } from 'vitest';
import { FLIGHT_STATUSES } from '../dji/progress';
import { FLIGHT_EVENT_KINDS, FLIGHT_STATES, type FlightEvent, isFinished, nextFlightState } from './flight-state';

const sample = (kind: (typeof FLIGHT_EVENT_KINDS)[number]): FlightEvent[] =>
  kind === 'progress'
    ? FLIGHT_STATUSES.map((status) => ({ kind, status, code: 0 }))
    : kind === 'command_refused'
      ? [{ kind, code: 319001 }]
      : [{ kind } as FlightEvent];

describe('flight state machine', () => {
  it('has an answer for every state × event, and nothing leaves a finished flight', () => {
    for (const s of FLIGHT_STATES)
      for (const k of FLIGHT_EVENT_KINDS)
        for (const e of sample(k)) {
          const next = nextFlightState(s, e);
          if (isFinished(s)) expect(next, `${s} × ${k}`).toBeNull();
          if (next !== null) expect(FLIGHT_STATES).toContain(next);
        }
  });
  it('runs a whole flight and the failure paths', () => {
    let s = nextFlightState('planned', { kind: 'prepare_sent' })!;
    s = nextFlightState(s, { kind: 'prepare_accepted' })!;
    s = nextFlightState(s, { kind: 'execute_sent' })!;
    expect(s).toBe('executing');
    s = nextFlightState(s, { kind: 'progress', status: 'in_progress', code: 0 })!;
    // the execute reply arriving after the first progress keeps the flight in progress
    expect(nextFlightState(s, { kind: 'execute_accepted' })).toBe('in_progress');
    expect(nextFlightState(s, { kind: 'progress', status: 'ok', code: 0 })).toBe('ok');
    expect(nextFlightState('preparing', { kind: 'command_refused', code: 316009 })).toBe('rejected');
    expect(nextFlightState('executing', { kind: 'command_timeout' })).toBe('timeout');
    expect(nextFlightState('in_progress', { kind: 'cancel' })).toBeNull();
    expect(nextFlightState('prepared', { kind: 'cancel' })).toBe('canceled');
    expect(nextFlightState('executing', { kind: 'progress', status: 'sent', code: 0 })).toBeNull();
  });
});
