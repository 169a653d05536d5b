/**
 * Property-style walks: thousands of random steps from new drafts of several item shapes, by
 * random actors, mostly through the actions offered to them and sometimes through anything at all.
 * After every step the invariants of a case must hold; every row of TRANSITIONS must be taken.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_INFO, ACTION_TYPES, type CaseAction } from './actions';
import { TRANSITIONS, applyPatch, availableActions, candidateInputs, transition } from './case-state';
import { REFUSAL_STATUS } from './guards';
import { CASE_STATES, FINAL_STATES, type CaseState } from './states';
import { ACTORS, DAY, FIXTURES, HOUR, ITEM, NOW, OPTS, at, draft, frozen, isWorkingDay } from './testing';
import { caseClock, preReviewClock } from './time-limit';
import { CASE_ROLES, type CaseActor, type CaseSnapshot } from './types';

/** mulberry32: a small seeded generator, so a failing walk can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHAPES: Array<() => CaseSnapshot> = [
  () => draft({ draftExpiresAt: at('2026-03-05 00:00') }),
  () => draft({ channel: 'window', parts: [] }),
  () => ({
    ...draft({ channel: 'window', parts: [] }),
    item: { ...ITEM, kind: 'immediate', promisedLimitDays: 0, chain: [], feeRequired: false },
  }),
  () => ({ ...draft(), item: { ...ITEM, chain: [{ role: 'approver', name: '审批' }], extensionMaxDays: 0 } }),
  () => ({ ...draft({ channel: 'kiosk' }), item: { ...ITEM, preReview: null, originalsRequired: false } }),
  // decided with its fee still open: the fee may be recorded at the issuing window
  () => ({ ...FIXTURES.decided(), fee: null }),
];

const ACTOR_POOL: CaseActor[] = [
  ...CASE_ROLES.map((r) => ACTORS[r]),
  { userId: 'u-staff', roles: ['reviewer', 'approver'], orgIds: ['dept-market', 'dept-tax'] },
  { userId: 'u-hall', roles: ['window_clerk', 'issuing_window'], siteIds: ['site-centre'] },
  { userId: 'u-stranger', roles: ['applicant'] },
];

const GARBAGE: CaseAction[] = [
  { type: 'decide', outcome: 'maybe', text: '' } as never,
  { type: 'rate', level: 0 },
  { type: 'request_correction', items: [{ materialId: 'nope', name: 'x', problem: 'y' }] },
  { type: 'supply_correction', materialIds: [] },
  { type: 'deliver', method: 'mail' } as never,
  { type: 'extend_limit', days: -1, reason: 'x' },
];

function checkInvariants(c: CaseSnapshot, at: number) {
  const s = c.state;
  const openPauses = c.pauses.filter((p) => p.to === null);
  expect(CASE_STATES).toContain(s);
  if (['accepted', 'decided', 'delivered', 'rated'].includes(s)) expect(c.acceptedAt).not.toBeNull();
  if (['decided', 'delivered', 'rated'].includes(s)) expect(c.decision).not.toBeNull();
  if (['delivered', 'rated'].includes(s)) expect(c.delivery).not.toBeNull();
  expect(c.rating !== null).toBe(s === 'rated');
  expect(c.closing !== null).toBe(['expired', 'rejected', 'returned', 'withdrawn'].includes(s));
  expect(c.preReview.some((r) => r.endedAt === null) && c.closing === null).toBe(s === 'pre_review');
  // 补正: exactly one open notice and its pause while awaiting; none otherwise
  const openNotices = c.corrections.filter((n) => n.suppliedAt === null && c.closing === null);
  expect(openNotices.length).toBe(s === 'awaiting_correction' ? 1 : 0);
  expect(openPauses.filter((p) => p.kind === 'correction').length).toBe(s === 'awaiting_correction' ? 1 : 0);
  expect(openPauses.filter((p) => p.kind === 'special_step').length).toBeLessThanOrEqual(s === 'accepted' ? 1 : 0);
  // 一次性告知: later notices only repeat lines of the first
  for (const n of c.corrections.slice(1)) {
    for (const i of n.items) expect(c.corrections[0].items.some((f) => f.name === i.name)).toBe(true);
  }
  if (c.decision && c.steps.some((x) => x.result === 'decided'))
    expect(c.parts.every((p) => p.doneAt !== null)).toBe(true);
  expect(c.stepIndex).toBeGreaterThanOrEqual(0);
  expect(c.stepIndex).toBeLessThanOrEqual(Math.max(0, c.item.chain.length - 1));
  const clock = caseClock(c, at, isWorkingDay);
  if (clock) {
    expect(clock.elapsedDays).toBeGreaterThanOrEqual(0);
    expect(clock.paused).toBe(openPauses.length > 0 && clock.status !== 'done_on_time' && clock.status !== 'done_late');
  }
  preReviewClock(c, at, isWorkingDay);
}

describe('random walks', () => {
  it('keep every invariant, refuse cleanly, and take every row of the table', () => {
    const takenRows = new Set<string>();
    const reached = new Set<CaseState>();
    let steps = 0;
    let refusals = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const rand = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      let c = SHAPES[seed % SHAPES.length]();
      let now = c.state === 'draft' ? at('2026-03-02 09:00') : NOW;
      for (let i = 0; i < 40; i++) {
        now += Math.floor(rand() * 30 * HOUR);
        const actor = pick(ACTOR_POOL);
        let action: CaseAction;
        const offered = availableActions(c, actor, now, OPTS);
        // coverage-guided half the time: prefer an offered action whose row no walk has taken yet
        const fresh = offered.filter((a) => !takenRows.has(`${a}/${c.state}`));
        if (fresh.length > 0 && rand() < 0.5) action = pick(candidateInputs(pick(fresh), c, actor));
        else if (offered.length > 0 && rand() < 0.85) action = pick(candidateInputs(pick(offered), c, actor));
        else if (rand() < 0.5) action = pick(GARBAGE);
        else action = pick(candidateInputs(pick(ACTION_TYPES), c, actor));
        const before = JSON.stringify(c);
        const r = transition(frozen(c), action, actor, now, OPTS);
        steps++;
        if (!r.ok) {
          refusals++;
          expect(r.status, `seed ${seed} step ${i}`).toBe(REFUSAL_STATUS[r.code]);
          expect(JSON.stringify(c)).toBe(before);
          continue;
        }
        const rows = TRANSITIONS.filter((row) => row.action === action.type && row.from === c.state);
        expect(rows.length, `seed ${seed}: ${action.type} from ${c.state} has a row`).toBeGreaterThan(0);
        const row = rows.find((x) => x.roles.includes(r.event.data.as as never));
        expect(row, `seed ${seed}: ${action.type} as ${String(r.event.data.as)}`).toBeDefined();
        if (row && row.to !== 'origin') expect(r.patch.state).toBe(row.to);
        expect(r.event.type).toBe(ACTION_INFO[action.type].event);
        takenRows.add(`${row?.action}/${row?.from}`);
        c = applyPatch(c, r.patch);
        reached.add(c.state);
        checkInvariants(c, now);
        if (FINAL_STATES.includes(c.state)) {
          for (const a of ACTOR_POOL) expect(availableActions(c, a, now + DAY, OPTS)).toEqual([]);
          break;
        }
      }
    }
    const allRows = new Set(TRANSITIONS.map((r) => `${r.action}/${r.from}`));
    expect([...allRows].filter((r) => !takenRows.has(r))).toEqual([]);
    expect(CASE_STATES.filter((s) => !reached.has(s) && s !== 'draft')).toEqual([]);
    expect(refusals).toBeGreaterThan(steps / 20);
  });
});
