/**
 * The two derivations of the facts — from the orders row before/after each change (facts.ts, the
 * fast path's write side) and from the timeline alone (reference.ts) — must agree on every order
 * the state machine can produce. Pure: the real `transition` with a fake calendar, random lives.
 */
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  availableActions,
  minimalAction,
  newOrderSnapshot,
  transition,
  type Actor,
  type OrderAction,
  type OrderSnapshot,
  type VisitResult,
} from '../model';
import { OPTS, DAY, HOUR, T0 } from '../model/testing';
import { columnsOf, type OrderRow } from '../row';
import { COUNTERS, type Fact, type Period } from './definitions';
import { deadlineStamp, factsOfChange, type WorkingMs } from './facts';
import { isOverdueOpen, replayOrder, type TimelineEvent } from './reference';

const UNITS = ['u-1', 'u-2', 'u-3'];
const STAFF: Actor = { userId: 'u-staff', roles: ['dispatcher', 'handler'], orgIds: UNITS };

/** Every hour counts (the fake calendar), less the pauses. */
const workingMs: WorkingMs = (from, to, pauses) => {
  if (to <= from) return 0;
  let ms = to - from;
  for (const p of pauses) {
    const a = Math.max(from, p.from);
    const b = Math.min(to, p.to ?? to);
    if (b > a) ms -= b - a;
  }
  return ms;
};

const rowOf = (s: OrderSnapshot): OrderRow => ({ id: s.id, number: s.id, ...columnsOf(s) }) as OrderRow;

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Life {
  rowFacts: Fact[];
  events: TimelineEvent[];
  last: OrderSnapshot;
}

/** Plays `steps` random actions on one order, recording both derivations' inputs. */
function live(id: string, seed: number, steps: number): Life {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  let snap = newOrderSnapshot({ id, needsVisit: rand() < 0.8 });
  let t = T0 + Math.floor(rand() * 10) * DAY;
  const rowFacts: Fact[] = [];
  const events: TimelineEvent[] = [];
  for (let i = 0; i < steps; i++) {
    // sometimes minutes, sometimes days: deadlines are met and missed
    t += rand() < 0.6 ? Math.floor(rand() * 4 * HOUR) + 60_000 : Math.floor(rand() * 3 * DAY) + 60_000;
    // lives that end at once (cancel, merge, 直接答复) are rarer than in a uniform pick
    const types = availableActions(snap, STAFF, t, OPTS).filter(
      (x) => !['merge', 'cancel', 'direct_reply'].includes(x) || rand() < 0.1,
    );
    if (types.length === 0) break;
    const type = types.includes('dispatch') && rand() < 0.9 ? 'dispatch' : pick(types);
    let action: OrderAction = minimalAction(type, snap);
    if (type === 'dispatch') action = { type, unitId: pick(UNITS) };
    if (type === 'visit')
      action = {
        type,
        result: pick<VisitResult>(['satisfied', 'basically_satisfied', 'unsatisfied', 'unsatisfied', 'unreachable']),
      };
    if (type === 'request_extension') action = { type, reason: '需协调', addWorkingDays: 1 + Math.floor(rand() * 3) };
    const r = transition(snap, action, STAFF, t, OPTS);
    if (!r.ok) continue;
    const after = applyPatch(snap, r.patch);
    const change = { before: rowOf(snap), after: rowOf(after), event: r.event };
    rowFacts.push(...factsOfChange(change, t, workingMs));
    const stamp = deadlineStamp(change);
    events.push({
      id: `${id}-${String(i).padStart(4, '0')}`,
      orderId: id,
      at: t,
      type: r.event.type,
      unitId: change.after.unit_id ?? change.before.unit_id,
      toState: after.state,
      data: JSON.parse(JSON.stringify(stamp ? { ...r.event.data, deadlines: stamp } : r.event.data)),
    });
    snap = after;
  }
  return { rowFacts, events, last: snap };
}

/** Facts summed per unit and instant, zero counters dropped: the shape the ledger stores. */
function ledger(facts: readonly Fact[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of facts) {
    const row = (out[`${f.unitId}@${f.at}`] ??= {});
    for (const c of COUNTERS) if (f.counters[c]) row[c] = (row[c] ?? 0) + f.counters[c]!;
  }
  for (const k of Object.keys(out)) if (Object.keys(out[k]).length === 0) delete out[k];
  return out;
}

/** The open-overdue rule over the final row, as repo.ts's SQL states it. */
function overdueOpenRow(s: OrderSnapshot, p: Period, asOf: number): boolean {
  const due = s.completionDeadline;
  if (!s.unitId || due === null || due < p.from || due >= Math.min(p.to, asOf)) return false;
  if (s.state === 'pending_sign' || s.state === 'handling') {
    if (!s.suspended) return true;
    return (s.pauses.at(-1)?.from ?? 0) > due;
  }
  return s.state === 'pending_review' && s.clockStoppedAt !== null && s.clockStoppedAt > due;
}

describe('facts from the row (fast path) = facts from the timeline (reference)', () => {
  it('agree on 200 random order lives, fact for fact, and on which orders are overdue and open', () => {
    let withFacts = 0;
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const life = live(`o-${n}`, 1000 + n, 40);
      const replay = replayOrder(life.events, Number.MAX_SAFE_INTEGER, workingMs);
      expect(ledger(replay.facts), `order o-${n}: ${life.events.map((e) => e.type).join(' ')}`).toEqual(
        ledger(life.rowFacts),
      );
      if (life.rowFacts.length) withFacts++;
      for (const f of life.rowFacts) for (const c of COUNTERS) if (f.counters[c]) seen.add(c);
      for (const [from, len] of [
        [T0, 30 * DAY],
        [T0 + 5 * DAY, 3 * DAY],
        [T0 - DAY, 200 * DAY],
      ] as const) {
        const period: Period = { from, to: from + len, month: null, label: '' };
        const asOf = life.events.at(-1)?.at ?? T0;
        for (const at of [asOf, asOf + 2 * DAY]) {
          expect(
            isOverdueOpen(replayOrder(life.events, at, workingMs).open, period, at),
            `order o-${n} open at ${at}`,
          ).toBe(overdueOpenRow(life.last, period, at));
        }
      }
    }
    expect(withFacts).toBeGreaterThan(150);
    // the random lives reached every counter
    expect([...seen].sort()).toEqual([...COUNTERS].sort());
  });

  it('counts a typical late order the way the rules say', () => {
    // dispatched, signed 2 days late (deadline 1 day), replied on day 6 (deadline day 5), approved, satisfied
    const t = (d: number) => T0 + d * DAY;
    let s = newOrderSnapshot({ id: 'o-late' });
    const events: TimelineEvent[] = [];
    const rowFacts: Fact[] = [];
    const steps: Array<[number, OrderAction]> = [
      [0, { type: 'dispatch', unitId: 'u-1' }],
      [2, { type: 'sign' }],
      [6, { type: 'submit_reply', reply: '已处理' }],
      [6.5, { type: 'approve_reply' }],
      [7, { type: 'visit', result: 'satisfied' }],
    ];
    steps.forEach(([d, a], i) => {
      const r = transition(s, a, STAFF, t(d), OPTS);
      if (!r.ok) throw new Error(r.reason);
      const after = applyPatch(s, r.patch);
      const change = { before: rowOf(s), after: rowOf(after), event: r.event };
      rowFacts.push(...factsOfChange(change, t(d), workingMs));
      const stamp = deadlineStamp(change);
      events.push({
        id: String(i),
        orderId: 'o-late',
        at: t(d),
        type: r.event.type,
        unitId: after.unitId ?? s.unitId,
        toState: after.state,
        data: { ...r.event.data, ...(stamp ? { deadlines: stamp } : {}) },
      });
      s = after;
    });
    const want = {
      [`u-1@${t(0)}`]: { dispatched: 1, signedLate: 1 },
      [`u-1@${t(5)}`]: { overdueClosed: 1 }, // the missed deadline, at its own instant
      [`u-1@${t(6.5)}`]: { completed: 1, handlingMs: 6 * DAY },
      [`u-1@${t(7)}`]: { visited: 1, satisfied: 1, closed: 1, solved: 1 },
    };
    expect(ledger(rowFacts)).toEqual(want);
    expect(ledger(replayOrder(events, t(8), workingMs).facts)).toEqual(want);
  });
});
