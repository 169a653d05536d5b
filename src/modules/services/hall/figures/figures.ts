/**
 * The hall's figures (pure), recomputed from the tickets' history and the counters' history:
 * waiting time (first call − issue) and serving time (serve → the step that ends it) per group,
 * counter, clerk, site and day; the no-show rate; the share called within the group's target
 * wait; each counter's open and idle time. No database: the service loads the rows and passes them.
 *
 * Attribution: a ticket's wait belongs to the group it was issued in and to the counter and clerk
 * that first called it; a serving spell to the group, counter and clerk of its `serve` step; a
 * no-show to the counter and clerk who recorded it. Tickets closed overnight count as `closed`.
 */

export interface FigureTicket {
  id: string;
  siteId: string;
  day: string;
  state: string;
}
export interface FigureEvent {
  id: string;
  ticketId: string;
  action: string;
  toState: string;
  groupId: string;
  counterId: string | null;
  actorId: string | null;
  at: number;
}
export interface FigureCounterEvent {
  id: string;
  counterId: string;
  state: string; // open | paused | closed
  at: number;
}

export interface Figures {
  tickets: number;
  called: number;
  served: number;
  noShows: number;
  closed: number;
  waitMs: number;
  servingMs: number;
  /** serving spells (a park or a transfer ends one; the ticket may be served again) */
  servings: number;
  withinTarget: number;
  avgWaitMinutes: number | null;
  avgServingMinutes: number | null;
  /** no-shows ÷ tickets called */
  noShowRate: number | null;
  /** tickets called within the group's target wait ÷ tickets called */
  withinTargetShare: number | null;
}
export interface CounterTime {
  openMs: number;
  busyMs: number;
  idleMs: number;
}
export interface HallFigures {
  total: Figures;
  sites: Array<{ siteId: string } & Figures>;
  days: Array<{ day: string } & Figures>;
  groups: Array<{ groupId: string } & Figures>;
  counters: Array<{ counterId: string } & Figures & CounterTime>;
  clerks: Array<{ clerkId: string } & Figures>;
}

type Acc = Omit<Figures, 'avgWaitMinutes' | 'avgServingMinutes' | 'noShowRate' | 'withinTargetShare'>;
const zero = (): Acc => ({
  tickets: 0,
  called: 0,
  served: 0,
  noShows: 0,
  closed: 0,
  waitMs: 0,
  servingMs: 0,
  servings: 0,
  withinTarget: 0,
});
/** the steps that end a wait: a call by the rule, a chosen call, a walk-in served on the spot */
const CALLS = new Set(['call', 'callChosen', 'walkIn']);
const MIN = 60_000;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function finish(a: Acc): Figures {
  return {
    ...a,
    avgWaitMinutes: a.called ? round(a.waitMs / a.called / MIN, 1) : null,
    avgServingMinutes: a.servings ? round(a.servingMs / a.servings / MIN, 1) : null,
    noShowRate: a.called ? round(a.noShows / a.called, 4) : null,
    withinTargetShare: a.called ? round(a.withinTarget / a.called, 4) : null,
  };
}

const byOrder = <T extends { at: number; id: string }>(a: T, b: T) => a.at - b.at || (a.id < b.id ? -1 : 1);

/** Measure of the union of intervals (ms). */
function measure(iv: Array<[number, number]>): number {
  const s = iv.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  let start = 0;
  for (const [a, b] of s) {
    if (a > end) {
      if (end > -Infinity) total += end - start;
      start = a;
      end = b;
    } else end = Math.max(end, b);
  }
  if (end > -Infinity) total += end - start;
  return total;
}
const intersect = (xs: Array<[number, number]>, ys: Array<[number, number]>) => {
  const out: Array<[number, number]> = [];
  for (const [a, b] of xs)
    for (const [c, d] of ys) if (Math.min(b, d) > Math.max(a, c)) out.push([Math.max(a, c), Math.min(b, d)]);
  return out;
};

export interface FiguresInput {
  tickets: readonly FigureTicket[];
  events: readonly FigureEvent[];
  counterEvents: readonly FigureCounterEvent[];
  /** group id → target wait in minutes */
  targets: ReadonlyMap<string, number>;
  /** intervals still open (a counter open, a ticket in hand) end here: min(end of range, now) */
  until: number;
}

export function hallFigures(input: FiguresInput): HallFigures {
  const buckets = new Map<string, Acc>();
  const acc = (kind: string, key: string) => {
    const k = `${kind}\u0000${key}`;
    let a = buckets.get(k);
    if (!a) buckets.set(k, (a = zero()));
    return a;
  };
  const keys = (t: FigureTicket, groupId: string, counterId: string | null, clerkId: string | null) => {
    const out = [acc('total', ''), acc('site', t.siteId), acc('day', t.day), acc('group', groupId)];
    if (counterId) out.push(acc('counter', counterId));
    if (clerkId) out.push(acc('clerk', clerkId));
    return out;
  };
  const add = (list: Acc[], f: (a: Acc) => void) => {
    for (const a of list) f(a);
  };

  const eventsOf = new Map<string, FigureEvent[]>();
  for (const e of input.events) {
    const l = eventsOf.get(e.ticketId);
    if (l) l.push(e);
    else eventsOf.set(e.ticketId, [e]);
  }
  const busy = new Map<string, Array<[number, number]>>();
  const addBusy = (counterId: string, from: number, to: number) => {
    const l = busy.get(counterId);
    if (l) l.push([from, to]);
    else busy.set(counterId, [[from, to]]);
  };

  for (const t of input.tickets) {
    const evs = [...(eventsOf.get(t.id) ?? [])].sort(byOrder);
    const issue = evs.find((e) => e.action === 'issue');
    if (!issue) continue;
    add(keys(t, issue.groupId, null, null), (a) => a.tickets++);
    const first = evs.find((e) => CALLS.has(e.action));
    if (first) {
      const wait = first.at - issue.at;
      const target = (input.targets.get(issue.groupId) ?? Infinity) * MIN;
      add(keys(t, issue.groupId, first.counterId, first.actorId), (a) => {
        a.called++;
        a.waitMs += wait;
        if (wait <= target) a.withinTarget++;
      });
    }
    const last = evs[evs.length - 1];
    if (last.toState === 'done') add(keys(t, last.groupId, last.counterId, last.actorId), (a) => a.served++);
    if (last.toState === 'closed') add(keys(t, last.groupId, null, null), (a) => a.closed++);
    // serving spells and the spells in hand at a counter (called or serving there)
    let serving: FigureEvent | null = null;
    let hand: { counterId: string; from: number } | null = null;
    for (const e of evs) {
      const inHand = e.toState === 'called' || e.toState === 'serving';
      if (serving && e.toState !== 'serving') {
        const s = serving;
        add(keys(t, s.groupId, s.counterId, s.actorId), (a) => {
          a.servingMs += e.at - s.at;
          a.servings++;
        });
        serving = null;
      }
      if (e.toState === 'serving' && !serving) serving = e;
      if (e.action === 'noShow') add(keys(t, e.groupId, e.counterId, e.actorId), (a) => a.noShows++);
      if (hand && (!inHand || e.counterId !== hand.counterId)) {
        addBusy(hand.counterId, hand.from, e.at);
        hand = null;
      }
      if (inHand && !hand && e.counterId) hand = { counterId: e.counterId, from: e.at };
    }
    if (serving) {
      const s = serving;
      add(keys(t, s.groupId, s.counterId, s.actorId), (a) => {
        a.servingMs += Math.max(0, input.until - s.at);
        a.servings++;
      });
    }
    if (hand) addBusy(hand.counterId, hand.from, Math.max(hand.from, input.until));
  }

  // counters' open spells from their own history
  const open = new Map<string, Array<[number, number]>>();
  const since = new Map<string, number>();
  for (const e of [...input.counterEvents].sort(byOrder)) {
    const from = since.get(e.counterId);
    if (from !== undefined && e.state !== 'open') {
      open.set(e.counterId, [...(open.get(e.counterId) ?? []), [from, e.at]]);
      since.delete(e.counterId);
    } else if (from === undefined && e.state === 'open') since.set(e.counterId, e.at);
  }
  for (const [id, from] of since) open.set(id, [...(open.get(id) ?? []), [from, Math.max(from, input.until)]]);

  const list = (kind: string) =>
    [...buckets]
      .filter(([k]) => k.startsWith(`${kind}\u0000`))
      .map(([k, a]) => ({ key: k.slice(kind.length + 1), f: finish(a) }))
      .sort((x, y) => (x.key < y.key ? -1 : 1));
  const counterIds = new Set([...list('counter').map((x) => x.key), ...open.keys()]);
  const counters = [...counterIds].sort().map((id) => {
    const o = open.get(id) ?? [];
    const openMs = measure(o);
    const busyMs = measure(intersect(o, busy.get(id) ?? []));
    return {
      counterId: id,
      ...finish(buckets.get(`counter\u0000${id}`) ?? zero()),
      openMs,
      busyMs,
      idleMs: openMs - busyMs,
    };
  });
  return {
    total: finish(buckets.get('total\u0000') ?? zero()),
    sites: list('site').map((x) => ({ siteId: x.key, ...x.f })),
    days: list('day').map((x) => ({ day: x.key, ...x.f })),
    groups: list('group').map((x) => ({ groupId: x.key, ...x.f })),
    counters,
    clerks: list('clerk').map((x) => ({ clerkId: x.key, ...x.f })),
  };
}
