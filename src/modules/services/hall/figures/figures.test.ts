import { describe, expect, it } from 'vitest';
import { officeBoard } from './board';
import { type FigureCounterEvent, type FigureEvent, hallFigures } from './figures';

const MIN = 60_000;
const T0 = 1_800_000_000_000;
let seq = 0;
const ev = (
  ticketId: string,
  action: string,
  toState: string,
  m: number,
  counterId: string | null = null,
  groupId = 'gA',
  actorId: string | null = counterId ? 'u1' : null,
): FigureEvent => ({
  id: `e${String(++seq).padStart(4, '0')}`,
  ticketId,
  action,
  toState,
  groupId,
  counterId,
  actorId,
  at: T0 + m * MIN,
});
const cev = (state: string, m: number): FigureCounterEvent => ({
  id: `c${++seq}`,
  counterId: 'c1',
  state,
  at: T0 + m * MIN,
});
const tk = (id: string, state: string) => ({ id, siteId: 's1', day: '2027-01-15', state });

describe('hallFigures', () => {
  const tickets = [tk('t1', 'done'), tk('t2', 'no_show'), tk('t3', 'closed'), tk('t4', 'done')];
  const events = [
    ev('t1', 'issue', 'waiting', 0),
    ev('t1', 'call', 'called', 10, 'c1'),
    ev('t1', 'serve', 'serving', 12, 'c1'),
    ev('t1', 'park', 'parked', 20, 'c1'),
    ev('t1', 'unpark', 'called', 30, 'c1'),
    ev('t1', 'serve', 'serving', 31, 'c1'),
    ev('t1', 'addService', 'serving', 33, 'c1'),
    ev('t1', 'finish', 'done', 36, 'c1'),
    ev('t2', 'issue', 'waiting', 1),
    ev('t2', 'call', 'called', 40, 'c1'),
    ev('t2', 'recall', 'called', 41, 'c1'),
    ev('t2', 'recall', 'called', 42, 'c1'),
    ev('t2', 'noShow', 'no_show', 43, 'c1'),
    ev('t3', 'issue', 'waiting', 2, null, 'gB'),
    ev('t3', 'closeDay', 'closed', 100, null, 'gB'),
    ev('t4', 'issue', 'waiting', 50),
    ev('t4', 'walkIn', 'called', 50, 'c1'),
    ev('t4', 'serve', 'serving', 50, 'c1'),
    ev('t4', 'finish', 'done', 55, 'c1'),
  ];
  const counterEvents = [cev('open', 5), cev('paused', 60), cev('open', 70), cev('closed', 90)];
  const f = hallFigures({
    tickets,
    events,
    counterEvents,
    targets: new Map([
      ['gA', 15],
      ['gB', 20],
    ]),
    until: T0 + 200 * MIN,
  });

  it('counts waits, serving spells, no-shows, closes and the share within target', () => {
    expect(f.total).toMatchObject({
      tickets: 4,
      called: 3,
      served: 2,
      noShows: 1,
      closed: 1,
      waitMs: (10 + 39 + 0) * MIN,
      servingMs: (8 + 5 + 5) * MIN,
      servings: 3,
      withinTarget: 2,
      noShowRate: 0.3333,
      withinTargetShare: 0.6667,
    });
    expect(f.groups.map((g) => [g.groupId, g.tickets, g.closed])).toEqual([
      ['gA', 3, 0],
      ['gB', 1, 1],
    ]);
    expect(f.clerks).toEqual([expect.objectContaining({ clerkId: 'u1', called: 3, servings: 3 })]);
    expect(f.days).toHaveLength(1);
  });

  it('gives each counter its open, busy and idle time (paused is not open)', () => {
    const c = f.counters.find((x) => x.counterId === 'c1')!;
    expect(c.openMs).toBe((55 + 20) * MIN);
    // in hand: t1 10→20 and 30→36, t2 40→43, t4 50→55
    expect(c.busyMs).toBe((10 + 6 + 3 + 5) * MIN);
    expect(c.idleMs).toBe(c.openMs - c.busyMs);
  });
});

describe('officeBoard', () => {
  it('shows who serves whom and the queues past their target', () => {
    const now = T0 + 30 * MIN;
    const b = officeBoard(
      [{ id: 'c1', number: '1', name: '1号窗口', state: 'open', pauseReason: null, clerkName: '李' }],
      [{ id: 'gA', code: 'A', name: '综合', targetWaitMin: 15 }],
      [
        {
          id: 't1',
          number: 'A001',
          groupId: 'gA',
          counterId: 'c1',
          state: 'serving',
          issuedAt: T0,
          calledAt: T0 + 20 * MIN,
          servedAt: T0 + 22 * MIN,
          parkedBy: null,
        },
        {
          id: 't2',
          number: 'A002',
          groupId: 'gA',
          counterId: null,
          state: 'waiting',
          issuedAt: T0 + MIN,
          calledAt: null,
          servedAt: null,
          parkedBy: null,
        },
        {
          id: 't3',
          number: 'A003',
          groupId: 'gA',
          counterId: null,
          state: 'waiting',
          issuedAt: T0 + 25 * MIN,
          calledAt: null,
          servedAt: null,
          parkedBy: null,
        },
      ],
      now,
    );
    expect(b.counters[0].ticket).toEqual({ id: 't1', number: 'A001', groupCode: 'A', state: 'serving', minutes: 8 });
    expect(b.queues[0]).toMatchObject({ waiting: 2, longestWaitMinutes: 29, overTarget: 1 });
    expect(b.overTarget).toEqual(['A']);
  });
});
