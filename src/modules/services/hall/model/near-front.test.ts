import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAD_START_MS, placeInLine, type WaitingTicket, type WorkProfile } from './call-next';
import { dueForNotice, noticeText, placesInLine } from './near-front';

const MIN = 60_000;
const NOW = 1_800_000_000_000;
const profile = (counterId: string, groups: string[], mode: WorkProfile['mode'] = 'groupOrder'): WorkProfile => ({
  counterId,
  groups,
  mode,
  headStartMs: DEFAULT_HEAD_START_MS,
  fairnessCapMs: 60 * MIN,
});
const groupOnly = (g: string) => profile('', [g], 'longestWait');
const ticket = (i: number, over: Partial<WaitingTicket> = {}): WaitingTicket => ({
  id: `t${i}`,
  groupCode: i % 2 ? 'A' : 'B',
  number: `X${String(i).padStart(3, '0')}`,
  arrivedAt: NOW - (40 - i) * MIN,
  priority: i % 5 === 0 ? 'green' : 'normal',
  forCounterId: null,
  transferredAt: null,
  ...over,
});

describe('placesInLine', () => {
  const queue = Array.from({ length: 20 }, (_, i) => ticket(i + 1));
  queue.push(ticket(30, { groupCode: 'C' }), ticket(31, { forCounterId: 'c2', groupCode: 'A' }));

  it('agrees with placeInLine per ticket: the best place among open counters', () => {
    const counters = [
      { open: true, profile: profile('c1', ['A', 'B']) },
      { open: true, profile: profile('c2', ['B', 'A']) },
      { open: false, profile: profile('c3', ['C']) },
    ];
    const places = placesInLine(queue, counters, groupOnly, NOW);
    for (const t of queue) {
      const able = counters.filter((c) => placeInLine(queue, t.id, c.profile, NOW) !== null);
      const use = able.some((c) => c.open) ? able.filter((c) => c.open) : able;
      const want = Math.min(...use.map((c) => placeInLine(queue, t.id, c.profile, NOW)!));
      expect(places.get(t.id), t.id).toBe(want);
    }
  });

  it('falls back to the group’s own order when no counter calls from the group', () => {
    const places = placesInLine(queue, [{ open: true, profile: profile('c1', ['A']) }], groupOnly, NOW);
    const b = queue.filter((t) => t.groupCode === 'B');
    for (const t of b) expect(places.get(t.id)).toBe(placeInLine(queue, t.id, groupOnly('B'), NOW));
  });
});

describe('dueForNotice', () => {
  const places = new Map([
    ['a', 0],
    ['b', 3],
    ['c', 4],
    ['d', 1],
    ['e', 2],
  ]);
  it('sends to tickets with a phone, not yet notified, at most N ahead', () => {
    const due = dueForNotice(
      [
        { id: 'a', phone: '13900000000', notifiedAt: null },
        { id: 'b', phone: '13900000001', notifiedAt: null },
        { id: 'c', phone: '13900000002', notifiedAt: null },
        { id: 'd', phone: null, notifiedAt: null },
        { id: 'e', phone: '13900000003', notifiedAt: 5 },
        { id: 'gone', phone: '13900000004', notifiedAt: null },
      ],
      places,
      3,
    );
    expect(due).toEqual([
      { id: 'a', ahead: 0 },
      { id: 'b', ahead: 3 },
    ]);
  });
  it('words the message with the number and how many are ahead', () => {
    expect(noticeText('A023', 3, '桂城')).toContain('A023 号前面还有 3 位');
    expect(noticeText('A023', 0, '桂城')).toContain('即将被叫到');
  });
});
