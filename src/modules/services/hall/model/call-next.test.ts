import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEAD_START_MS,
  nextTicket,
  placeInLine,
  PRIORITIES,
  type Priority,
  type WaitingTicket,
  type WorkProfile,
} from './call-next';

const MIN = 60_000;
const NOW = 1_800_000_000_000;

const profile = (mode: WorkProfile['mode'], over: Partial<WorkProfile> = {}): WorkProfile => ({
  counterId: 'c5',
  groups: ['A', 'B'],
  mode,
  headStartMs: DEFAULT_HEAD_START_MS,
  fairnessCapMs: 60 * MIN,
  ...over,
});

let seq = 0;
const ticket = (t: Partial<WaitingTicket>): WaitingTicket => {
  seq++;
  return {
    id: `t${seq}`,
    groupCode: 'A',
    number: `A${String(seq).padStart(3, '0')}`,
    arrivedAt: NOW - 5 * MIN,
    priority: 'normal',
    forCounterId: null,
    transferredAt: null,
    ...t,
  };
};

/**
 * The rule written a second, independent way: a sort key per ticket, compared in order.
 * The exhaustive test below checks nextTicket against it over every small queue.
 */
function reference(queue: WaitingTicket[], p: WorkProfile, now: number): WaitingTicket | null {
  const ok = queue.filter((t) => (t.forCounterId ? t.forCounterId === p.counterId : p.groups.includes(t.groupCode)));
  if (!ok.length) return null;
  const key = (t: WaitingTicket): number[] => {
    const mine = t.forCounterId === p.counterId;
    const capped = now - t.arrivedAt >= p.fairnessCapMs;
    const groupRank = p.mode === 'groupOrder' ? p.groups.indexOf(t.groupCode) : 0;
    const tie = [t.arrivedAt, Number(t.number.slice(1))];
    if (mine) return [0, t.transferredAt ?? t.arrivedAt, ...tie];
    if (capped) return [1, 0, ...tie];
    return [2, groupRank, -(Math.max(0, now - t.arrivedAt) + p.headStartMs[t.priority]), ...tie];
  };
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  };
  return [...ok].sort((a, b) => cmp(key(a), key(b)))[0];
}

describe('nextTicket: every queue of up to two tickets agrees with the reference', () => {
  const groups = ['A', 'B', 'C'];
  const fors = [null, 'c5', 'c9'];
  const waits = [2 * MIN, 25 * MIN, 70 * MIN];
  const variants: Omit<WaitingTicket, 'id' | 'number'>[] = [];
  for (const groupCode of groups)
    for (const priority of PRIORITIES)
      for (const forCounterId of fors)
        for (const w of waits)
          variants.push({
            groupCode,
            priority,
            forCounterId,
            arrivedAt: NOW - w,
            transferredAt: forCounterId ? NOW - w / 2 : null,
          });

  for (const mode of ['groupOrder', 'longestWait'] as const) {
    it(`${mode}: ${variants.length} single and ${variants.length ** 2} two-ticket queues`, () => {
      const p = profile(mode);
      let checked = 0;
      for (let i = 0; i < variants.length; i++) {
        const a = { ...variants[i], id: 'a', number: 'A001' };
        expect(nextTicket([a], p, NOW)?.ticket.id ?? null).toBe(reference([a], p, NOW)?.id ?? null);
        for (let j = 0; j < variants.length; j++) {
          const b = { ...variants[j], id: 'b', number: 'A002' };
          const want = reference([a, b], p, NOW)?.id ?? null;
          // the answer does not depend on the order the queue is listed in
          if ((nextTicket([a, b], p, NOW)?.ticket.id ?? null) !== want)
            throw new Error(`a=${JSON.stringify(a)} b=${JSON.stringify(b)}`);
          if ((nextTicket([b, a], p, NOW)?.ticket.id ?? null) !== want)
            throw new Error(`reversed a=${JSON.stringify(a)} b=${JSON.stringify(b)}`);
          checked++;
        }
      }
      expect(checked).toBe(variants.length ** 2);
    });
  }
});

describe('nextTicket: the cases a clerk would ask about', () => {
  it('an empty queue, or only other groups and other counters’ transfers, calls nobody', () => {
    const p = profile('groupOrder');
    expect(nextTicket([], p, NOW)).toBeNull();
    expect(nextTicket([ticket({ groupCode: 'C' }), ticket({ forCounterId: 'c9' })], p, NOW)).toBeNull();
  });

  it('a transfer to this counter comes before everything, even a ticket past the fairness cap', () => {
    const p = profile('groupOrder');
    const old = ticket({ arrivedAt: NOW - 90 * MIN });
    const back = ticket({ groupCode: 'C', forCounterId: 'c5', transferredAt: NOW - MIN, arrivedAt: NOW - 10 * MIN });
    expect(nextTicket([old, back], p, NOW)).toEqual({ ticket: back, reason: 'transferredHere' });
  });

  it('priorities give a head start of their minutes, not an absolute jump', () => {
    const p = profile('longestWait');
    const normalLong = ticket({ arrivedAt: NOW - 30 * MIN });
    const green = ticket({ priority: 'green', arrivedAt: NOW - 5 * MIN }); // 5 + 20 = 25 < 30
    expect(nextTicket([green, normalLong], p, NOW)?.ticket).toBe(normalLong);
    const greenLater = ticket({ priority: 'green', arrivedAt: NOW - 15 * MIN }); // 15 + 20 = 35 > 30
    expect(nextTicket([normalLong, greenLater], p, NOW)?.ticket).toBe(greenLater);
  });

  it('groupOrder empties the first group before the second; longestWait does not', () => {
    const a = ticket({ groupCode: 'A', arrivedAt: NOW - 2 * MIN });
    const b = ticket({ groupCode: 'B', arrivedAt: NOW - 40 * MIN });
    expect(nextTicket([a, b], profile('groupOrder'), NOW)?.ticket).toBe(a);
    expect(nextTicket([a, b], profile('longestWait'), NOW)?.ticket).toBe(b);
    expect(nextTicket([a, b], profile('groupOrder', { groups: ['B', 'A'] }), NOW)?.ticket).toBe(b);
  });

  it('the fairness cap calls the longest real wait first and says why', () => {
    const p = profile('groupOrder');
    const capped = ticket({ groupCode: 'B', arrivedAt: NOW - 61 * MIN });
    const vip = ticket({ groupCode: 'A', priority: 'transfer', arrivedAt: NOW - 50 * MIN });
    expect(nextTicket([vip, capped], p, NOW)).toEqual({ ticket: capped, reason: 'fairnessCap' });
  });

  // one counter serves a ticket every 3 minutes while a 绿色通道 visitor arrives every 2 minutes: the queue only grows
  const starve = (headStartMs: WorkProfile['headStartMs']) => {
    const p = profile('longestWait', { fairnessCapMs: 45 * MIN, headStartMs });
    const queue: WaitingTicket[] = [ticket({ id: 'me', priority: 'normal', arrivedAt: NOW })];
    for (let minute = 0; minute <= 240; minute++) {
      const now = NOW + minute * MIN;
      if (minute % 2 === 0) queue.push(ticket({ priority: 'green', arrivedAt: now }));
      if (minute % 3 !== 0) continue;
      const c = nextTicket(queue, p, now);
      if (!c) continue;
      queue.splice(queue.indexOf(c.ticket), 1);
      if (c.ticket.id === 'me') return { waited: now - NOW, reason: c.reason };
    }
    return null;
  };

  it('no ticket waits forever: with the default head starts a normal ticket behind a stream of priorities is called on score', () => {
    const r = starve(DEFAULT_HEAD_START_MS);
    expect(r?.reason).toBe('score');
    expect(r?.waited).toBeLessThan(45 * MIN);
  });

  it('no ticket waits forever: even when priorities would always win, the fairness cap calls it at the first call past the cap', () => {
    const r = starve({ ...DEFAULT_HEAD_START_MS, green: 24 * 60 * MIN });
    expect(r?.reason).toBe('fairnessCap');
    expect(r?.waited).toBe(45 * MIN); // minute 45 is a calling minute
  });

  it('ties go to the earlier arrival, then to the lower number', () => {
    const p = profile('longestWait');
    const x = ticket({ number: 'A010', arrivedAt: NOW - 5 * MIN });
    const y = ticket({ number: 'A009', arrivedAt: NOW - 5 * MIN });
    const z = ticket({ number: 'A001', priority: 'vip', arrivedAt: NOW - 5 * MIN }); // same arrival, 10 min of VIP head start;
    expect(nextTicket([x, y], p, NOW)?.ticket).toBe(y);
    expect(nextTicket([x, y, z], p, NOW)?.ticket).toBe(z);
  });
});

describe('placeInLine', () => {
  it('equals the position at which calling the queue empty reaches each ticket (random queues, both modes)', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const p = profile(rnd() < 0.5 ? 'groupOrder' : 'longestWait');
      const q = Array.from({ length: 12 }, () =>
        ticket({
          groupCode: ['A', 'B', 'C'][Math.floor(rnd() * 3)],
          priority: PRIORITIES[Math.floor(rnd() * PRIORITIES.length)],
          arrivedAt: NOW - Math.floor(rnd() * 8) * 10 * MIN,
          forCounterId: rnd() < 0.15 ? (rnd() < 0.5 ? 'c5' : 'c9') : null,
          transferredAt: NOW - Math.floor(rnd() * 4) * MIN,
        }),
      );
      const left = [...q];
      const order: string[] = [];
      for (let c = nextTicket(left, p, NOW); c; c = nextTicket(left, p, NOW)) {
        order.push(c.ticket.id);
        left.splice(left.indexOf(c.ticket), 1);
      }
      for (const t of q) expect(placeInLine(q, t.id, p, NOW)).toBe(order.includes(t.id) ? order.indexOf(t.id) : null);
    }
  });

  it('counts the tickets the rule would call first, and is null for a ticket this profile cannot call', () => {
    const p = profile('longestWait');
    const mine = ticket({ arrivedAt: NOW - 10 * MIN });
    const older = ticket({ arrivedAt: NOW - 20 * MIN });
    const green = ticket({ priority: 'green' as Priority, arrivedAt: NOW - 1 * MIN }); // 21 min of score
    const newer = ticket({ arrivedAt: NOW - 2 * MIN });
    const other = ticket({ groupCode: 'C' });
    const q = [newer, mine, green, older, other];
    expect(placeInLine(q, mine.id, p, NOW)).toBe(2);
    expect(placeInLine(q, green.id, p, NOW)).toBe(0);
    expect(placeInLine(q, newer.id, p, NOW)).toBe(3);
    expect(placeInLine(q, other.id, p, NOW)).toBeNull();
  });
});
