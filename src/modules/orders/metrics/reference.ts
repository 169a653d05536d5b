/**
 * The reference implementation: every figure recomputed from the raw `order_events` timeline in
 * plain TypeScript, by replaying each order's steps (rules in definitions.ts). Independent of the
 * `orders` row and of facts.ts on purpose — the test drives orders through the API and asserts
 * the SQL fast path and this replay agree exactly; `OrderMetrics.recompute` runs it on demand.
 *
 * Deadlines come from the events' own data (extension, resume, 退回重办, reopen carry them) and,
 * where the model's events do not say (the first dispatch; the sign deadline after a 挂起), from
 * the `deadlines` stamp the metrics hook adds to the step that moved them.
 */
import { addInto, zeroCounters, type Counters, type Fact, type Period } from './definitions';
import type { WorkingMs } from './facts';

export interface TimelineEvent {
  id: string;
  orderId: string;
  at: number;
  type: string;
  unitId: string | null;
  toState: string | null;
  data: Record<string, unknown>;
}

/** Where an order stands after its last step (for the 超期 still unanswered). */
export interface OpenState {
  orderId: string;
  state: string | null;
  unitId: string | null;
  completionDeadline: number | null;
  /** Start of a 挂起 still in force. */
  suspendedFrom: number | null;
  /** The reply awaiting the centre's review (the unit's clock stopped there). */
  repliedAt: number | null;
}

const RATED = new Set(['satisfied', 'basically_satisfied', 'unsatisfied']);
const SATISFIED = new Set(['satisfied', 'basically_satisfied']);
const numOr = (v: unknown, fallback: number | null): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/**
 * Replays one order's steps (sorted by instant, then id) up to `asOf`. `unstamped` gives the
 * deadlines to assume at a first dispatch that carries no stamp (orders written before the
 * metrics hook, e.g. bulk demo history: OrderMetrics.rebuild passes the orders row's); without
 * it such a dispatch leaves the deadlines unknown, and unknown deadlines count as met.
 */
export function replayOrder(
  events: readonly TimelineEvent[],
  asOf: number,
  workingMs: WorkingMs,
  unstamped?: { sign: number | null; completion: number | null },
): { facts: Fact[]; open: OpenState } {
  const facts: Fact[] = [];
  const fact = (unitId: string | null, at: number | null, counters: Partial<Counters>) => {
    if (unitId && at !== null) facts.push({ unitId, at, counters });
  };
  let state: string | null = null;
  let unit: string | null = null;
  let stintStart: number | null = null; // the unit's dispatch
  let periodStart: number | null = null; // dispatch, or reopening after an unsatisfied visit
  let sign: number | null = null;
  let completion: number | null = null;
  let repliedAt: number | null = null;
  let suspendedFrom: number | null = null;
  let reworked = false;
  const pauses: Array<{ from: number; to: number }> = [];
  const orderId = events[0]?.orderId ?? '';

  for (const e of events) {
    if (e.at > asOf) break;
    const d = e.data ?? {};
    const stamp = (d.deadlines ?? null) as { sign?: unknown; completion?: unknown } | null;
    const who = e.unitId;
    switch (e.type) {
      case 'order.dispatched':
        if (!stamp && unstamped && stintStart === null && sign === null && completion === null)
          ({ sign, completion } = unstamped);
        unit = (typeof d.unitId === 'string' ? d.unitId : who) ?? null;
        stintStart = e.at;
        periodStart = e.at;
        reworked = false;
        fact(unit, e.at, { dispatched: 1 });
        break;
      case 'order.signed':
        fact(who, stintStart, sign === null || e.at <= sign ? { signedOnTime: 1 } : { signedLate: 1 });
        break;
      case 'order.return_approved':
        fact(who, stintStart, { returned: 1 });
        unit = null;
        break;
      case 'order.recalled':
        fact(unit, stintStart, { dispatched: -1 });
        unit = null;
        break;
      case 'order.redispatched':
        fact(unit, stintStart, { dispatched: -1 });
        unit = (typeof d.unitId === 'string' ? d.unitId : who) ?? null;
        stintStart = e.at;
        periodStart = e.at;
        reworked = false;
        fact(unit, e.at, { dispatched: 1 });
        break;
      case 'order.suspended':
        suspendedFrom = e.at;
        break;
      case 'order.resumed':
        if (suspendedFrom !== null) pauses.push({ from: suspendedFrom, to: e.at });
        suspendedFrom = null;
        completion = numOr(d.completionDeadline, completion);
        break;
      case 'order.extension_approved':
        completion = numOr(d.grantedDeadline, completion);
        break;
      case 'order.reply_submitted':
        repliedAt = e.at;
        break;
      case 'order.reply_rejected':
        if (repliedAt !== null) pauses.push({ from: repliedAt, to: e.at });
        repliedAt = null;
        completion = numOr(d.completionDeadline, completion);
        reworked = true;
        fact(who, e.at, { reopened: 1 });
        break;
      case 'order.reply_approved': {
        const replied = repliedAt ?? e.at;
        const onTime = completion === null || replied <= completion;
        const handlingMs = periodStart === null ? 0 : workingMs(periodStart, replied, pauses);
        const closing = e.toState === 'closed' ? { closed: 1, solved: 1, reworked: reworked ? 1 : 0 } : {};
        fact(who, e.at, { completed: 1, completedOnTime: onTime ? 1 : 0, handlingMs, ...closing });
        if (!onTime) fact(who, completion, { overdueClosed: 1 });
        repliedAt = null;
        break;
      }
      case 'order.visited': {
        const result = String(d.result ?? '');
        const rated = RATED.has(result) ? { visited: 1, satisfied: SATISFIED.has(result) ? 1 : 0 } : {};
        if (result === 'unsatisfied') {
          fact(who, e.at, { ...rated, reopened: 1 });
          reworked = true;
          periodStart = e.at;
          completion = numOr(d.completionDeadline, completion);
        } else {
          fact(who, e.at, { ...rated, closed: 1, solved: SATISFIED.has(result) ? 1 : 0, reworked: reworked ? 1 : 0 });
        }
        break;
      }
    }
    // The stamp says what the step left the deadlines at, where the event's own data does not.
    if (stamp) {
      sign = numOr(stamp.sign, sign);
      if (!['order.resumed', 'order.extension_approved', 'order.reply_rejected', 'order.visited'].includes(e.type)) {
        completion = numOr(stamp.completion, completion);
      }
    }
    if (e.toState) state = e.toState;
  }
  return { facts, open: { orderId, state, unitId: unit, completionDeadline: completion, suspendedFrom, repliedAt } };
}

/** Whether a still-unanswered order has missed a deadline inside [period.from, min(period.to, asOf)). */
export function isOverdueOpen(o: OpenState, period: Period, asOf: number): boolean {
  const due = o.completionDeadline;
  if (!o.unitId || due === null || due < period.from || due >= Math.min(period.to, asOf)) return false;
  if (o.state === 'pending_sign' || o.state === 'handling') return (o.suspendedFrom ?? asOf) > due;
  if (o.state === 'pending_review') return o.repliedAt !== null && o.repliedAt > due;
  return false;
}

/** Groups events by order, each in timeline order (instant, then id). */
export function byOrder(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  const out = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const list = out.get(e.orderId);
    if (list) list.push(e);
    else out.set(e.orderId, [e]);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

export interface ReferenceFigures {
  counters: Map<string, Counters>;
  overdueOpen: Map<string, number>;
}

/** Per-unit counters and open overdue counts for a period, from the timeline alone. */
export function referenceFigures(
  events: readonly TimelineEvent[],
  period: Period,
  asOf: number,
  workingMs: WorkingMs,
): ReferenceFigures {
  const counters = new Map<string, Counters>();
  const overdueOpen = new Map<string, number>();
  for (const list of byOrder(events).values()) {
    const { facts, open } = replayOrder(list, asOf, workingMs);
    for (const f of facts) {
      if (f.at < period.from || f.at >= period.to) continue;
      let c = counters.get(f.unitId);
      if (!c) counters.set(f.unitId, (c = zeroCounters()));
      addInto(c, f.counters);
    }
    if (isOverdueOpen(open, period, asOf)) overdueOpen.set(open.unitId!, (overdueOpen.get(open.unitId!) ?? 0) + 1);
  }
  return { counters, overdueOpen };
}
