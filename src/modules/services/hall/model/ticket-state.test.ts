import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HALL_RULES,
  FINAL_TICKET_STATES,
  stepTicket,
  TICKET_ACTIONS,
  TICKET_STATES,
  TICKET_TRANSITIONS,
  type TicketAction,
  type TicketState,
} from './ticket-state';

/**
 * Every (state, action) pair written out by hand, apart from the table in ticket-state.ts:
 * '-' is refused, otherwise the state it leads to.
 */
const GRID = `
            call    recall  noShow   serve    addService  transfer  park    unpark  finish  cancel     closeDay
  waiting   called  -       -        -        -           -         -       -       -       cancelled  closed
  called    -       called  no_show  serving  -           waiting   parked  -       -       -          closed
  serving   -       -       -        -        serving     waiting   parked  -       done    -          closed
  parked    -       -       -        -        -           -         -       called  -       -          closed
  done      -       -       -        -        -           -         -       -       -       -          -
  no_show   -       -       -        -        -           -         -       -       -       -          -
  cancelled -       -       -        -        -           -         -       -       -       -          -
  closed    -       -       -        -        -           -         -       -       -       -          -
`;
const [header, ...rows] = GRID.trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/));
const EXPECTED = Object.fromEntries(
  rows.map(([state, ...cells]) => [state, Object.fromEntries(header.map((a, i) => [a, cells[i]]))]),
) as Record<TicketState, Record<TicketAction, TicketState | '-'>>;

describe('ticket state machine: all states × actions', () => {
  // enough recalls for a no-show, room for one more recall: only the table decides
  const recalls = DEFAULT_HALL_RULES.recallsBeforeNoShow;
  for (const state of TICKET_STATES)
    for (const action of TICKET_ACTIONS) {
      const want = EXPECTED[state][action];
      it(`${state} + ${action} → ${want}`, () => {
        const r = stepTicket({ state, recalls }, action);
        if (want === '-') expect(r).toEqual({ ok: false, code: 'not_allowed' });
        else expect(r).toMatchObject({ ok: true, to: want });
        expect(TICKET_TRANSITIONS[state][action] ?? '-').toBe(want);
      });
    }

  it('the hand-written grid names every state and action once', () => {
    expect([...header].sort()).toEqual([...TICKET_ACTIONS].sort());
    expect(rows.map((r) => r[0]).sort()).toEqual([...TICKET_STATES].sort());
  });

  it('final states accept nothing and every other state can be closed at night', () => {
    for (const s of TICKET_STATES) {
      const allowed = TICKET_ACTIONS.filter((a) => TICKET_TRANSITIONS[s][a]);
      if (FINAL_TICKET_STATES.has(s)) expect(allowed).toEqual([]);
      else expect(allowed).toContain('closeDay');
    }
  });
});

describe('ticket guards and the recall count', () => {
  const rules = { recallsBeforeNoShow: 2, maxRecalls: 3 };

  it('a no-show needs the configured recalls first', () => {
    expect(stepTicket({ state: 'called', recalls: 0 }, 'noShow', rules)).toEqual({
      ok: false,
      code: 'too_early_for_no_show',
    });
    expect(stepTicket({ state: 'called', recalls: 1 }, 'noShow', rules)).toEqual({
      ok: false,
      code: 'too_early_for_no_show',
    });
    expect(stepTicket({ state: 'called', recalls: 2 }, 'noShow', rules)).toEqual({
      ok: true,
      to: 'no_show',
      recalls: 2,
    });
  });

  it('recalls count up to the limit and then are refused', () => {
    let t = { state: 'called' as TicketState, recalls: 0 };
    for (let i = 1; i <= 3; i++) {
      const r = stepTicket(t, 'recall', rules);
      expect(r).toEqual({ ok: true, to: 'called', recalls: i });
      if (r.ok) t = { state: r.to, recalls: r.recalls };
    }
    expect(stepTicket(t, 'recall', rules)).toEqual({ ok: false, code: 'recalls_exhausted' });
  });

  it('a new call starts the recall count again: first call, unpark, and the queue a transfer sends it to', () => {
    expect(stepTicket({ state: 'waiting', recalls: 0 }, 'call', rules)).toMatchObject({ recalls: 0 });
    expect(stepTicket({ state: 'parked', recalls: 2 }, 'unpark', rules)).toMatchObject({ to: 'called', recalls: 0 });
    expect(stepTicket({ state: 'called', recalls: 3 }, 'transfer', rules)).toMatchObject({ to: 'waiting', recalls: 0 });
    expect(stepTicket({ state: 'called', recalls: 2 }, 'serve', rules)).toMatchObject({ to: 'serving', recalls: 2 });
  });
});
