import type { FlightStatus } from '../dji/progress';
import { FLIGHT_STATE_LIST } from './missions.contract';

/**
 * A flight's life on the platform: planned → (prepare sent) preparing → prepared → (execute sent)
 * executing → the dock's own statuses from `flighttask_progress` (in_progress, paused, and the six
 * terminal ones). Pure and exhaustive: every status × event has an entry, null = not allowed.
 */
/** The one list of states is the contract's (the web reads it there too). */
export const FLIGHT_STATES = FLIGHT_STATE_LIST;
export type FlightState = (typeof FLIGHT_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<FlightState> = new Set([
  'ok',
  'partially_done',
  'failed',
  'rejected',
  'canceled',
  'timeout',
]);
export const isFinished = (s: FlightState) => TERMINAL_STATES.has(s);

export type FlightEvent =
  | { kind: 'prepare_sent' }
  | { kind: 'prepare_accepted' }
  | { kind: 'execute_sent' }
  | { kind: 'execute_accepted' }
  /** the dock answered a command with a non-zero result */
  | { kind: 'command_refused'; code: number }
  /** no services_reply after the retries */
  | { kind: 'command_timeout' }
  | { kind: 'progress'; status: FlightStatus; code: number }
  /** cancel before take-off (undo) or the planned flight dropped */
  | { kind: 'cancel' };

export type FlightEventKind = FlightEvent['kind'];
export const FLIGHT_EVENT_KINDS: readonly FlightEventKind[] = [
  'prepare_sent',
  'prepare_accepted',
  'execute_sent',
  'execute_accepted',
  'command_refused',
  'command_timeout',
  'progress',
  'cancel',
];

type Rule = (e: FlightEvent) => FlightState | null;
const to =
  (s: FlightState): Rule =>
  () =>
    s;
const no: Rule = () => null;
/** progress can arrive before the execute reply (the reply may reach another node later) */
const byProgress: Rule = (e) => (e.kind === 'progress' ? (e.status === 'sent' ? null : e.status) : null);

const TABLE: Record<FlightState, Record<FlightEventKind, Rule>> = {
  planned: {
    prepare_sent: to('preparing'),
    prepare_accepted: no,
    execute_sent: no,
    execute_accepted: no,
    command_refused: no,
    command_timeout: no,
    progress: no,
    cancel: to('canceled'),
  },
  preparing: {
    prepare_sent: to('preparing'),
    prepare_accepted: to('prepared'),
    execute_sent: no,
    execute_accepted: no,
    command_refused: to('rejected'),
    command_timeout: to('timeout'),
    progress: no,
    cancel: to('canceled'),
  },
  prepared: {
    prepare_sent: no,
    prepare_accepted: to('prepared'),
    execute_sent: to('executing'),
    execute_accepted: no,
    command_refused: to('rejected'),
    command_timeout: to('timeout'),
    progress: byProgress,
    cancel: to('canceled'),
  },
  executing: {
    prepare_sent: no,
    prepare_accepted: no,
    execute_sent: to('executing'),
    execute_accepted: to('executing'),
    command_refused: to('rejected'),
    command_timeout: to('timeout'),
    progress: byProgress,
    cancel: no,
  },
  in_progress: {
    prepare_sent: no,
    prepare_accepted: no,
    execute_sent: no,
    execute_accepted: to('in_progress'),
    command_refused: no,
    command_timeout: no,
    progress: byProgress,
    cancel: no,
  },
  paused: {
    prepare_sent: no,
    prepare_accepted: no,
    execute_sent: no,
    execute_accepted: to('paused'),
    command_refused: no,
    command_timeout: no,
    progress: byProgress,
    cancel: no,
  },
  ok: terminal(),
  partially_done: terminal(),
  failed: terminal(),
  rejected: terminal(),
  canceled: terminal(),
  timeout: terminal(),
};

function terminal(): Record<FlightEventKind, Rule> {
  return {
    prepare_sent: no,
    prepare_accepted: no,
    execute_sent: no,
    execute_accepted: no,
    command_refused: no,
    command_timeout: no,
    progress: no,
    cancel: no,
  };
}

/** The next state, or null when the event does not apply (a late or repeated message is ignored). */
export function nextFlightState(state: FlightState, e: FlightEvent): FlightState | null {
  return TABLE[state][e.kind](e);
}

/** In the air (or about to be): cancelling means return home, not undo. */
export const isAirborneState = (s: FlightState) => s === 'executing' || s === 'in_progress' || s === 'paused';
