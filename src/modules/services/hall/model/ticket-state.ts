/**
 * A hall ticket's life (取号 → 叫号 → 办理 → 结束) as one transition table, so every
 * (state, action) pair has a stated answer and the tests can walk all of them.
 */

export const TICKET_STATES = [
  'waiting',
  'called',
  'serving',
  'parked',
  'done',
  'no_show',
  'cancelled',
  'closed',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_ACTIONS = [
  'call',
  'recall',
  'noShow',
  'serve',
  'addService',
  'transfer',
  'park',
  'unpark',
  'finish',
  'cancel',
  'closeDay',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const FINAL_TICKET_STATES: ReadonlySet<TicketState> = new Set(['done', 'no_show', 'cancelled', 'closed']);

/** state → action → next state; a missing entry is a refused action. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketState, Partial<Record<TicketAction, TicketState>>>> = {
  waiting: { call: 'called', cancel: 'cancelled', closeDay: 'closed' },
  // a transfer sends the visitor back to a queue (another group or one counter), keeping the arrival time
  called: {
    recall: 'called',
    noShow: 'no_show',
    serve: 'serving',
    transfer: 'waiting',
    park: 'parked',
    closeDay: 'closed',
  },
  serving: { addService: 'serving', transfer: 'waiting', park: 'parked', finish: 'done', closeDay: 'closed' },
  // parked in the clerk's own pool (e.g. waiting for a copy), called back by that clerk
  parked: { unpark: 'called', closeDay: 'closed' },
  done: {},
  no_show: {},
  cancelled: {},
  closed: {},
};

export interface TicketFacts {
  state: TicketState;
  /** how many times the number has been called again since the first call */
  recalls: number;
}

export interface HallRules {
  /** recalls after which a no-show may be recorded (a no-show before that is refused) */
  recallsBeforeNoShow: number;
  /** most recalls of one call; past it the clerk must record the no-show */
  maxRecalls: number;
}

export const DEFAULT_HALL_RULES: HallRules = { recallsBeforeNoShow: 2, maxRecalls: 3 };

export type TicketRefusal = 'not_allowed' | 'recalls_exhausted' | 'too_early_for_no_show';

export type TicketStep = { ok: true; to: TicketState; recalls: number } | { ok: false; code: TicketRefusal };

export function stepTicket(t: TicketFacts, action: TicketAction, rules: HallRules = DEFAULT_HALL_RULES): TicketStep {
  const to = TICKET_TRANSITIONS[t.state][action];
  if (!to) return { ok: false, code: 'not_allowed' };
  if (action === 'recall' && t.recalls >= rules.maxRecalls) return { ok: false, code: 'recalls_exhausted' };
  if (action === 'noShow' && t.recalls < rules.recallsBeforeNoShow) return { ok: false, code: 'too_early_for_no_show' };
  // the recall count belongs to one call: a new call (unpark, a transfer's next call) starts again at 0
  const recalls = action === 'recall' ? t.recalls + 1 : to === 'called' || to === 'waiting' ? 0 : t.recalls;
  return { ok: true, to, recalls };
}
