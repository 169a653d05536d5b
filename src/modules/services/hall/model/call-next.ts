/**
 * Who a counter calls next (叫号): a pure function of the waiting tickets, the counter's work
 * profile and the time. No database, no clock of its own — the hall service passes `now`.
 *
 * Order, strongest first:
 *  1. tickets transferred to this very counter (they were already served once; oldest transfer first);
 *  2. tickets whose real waiting time has reached the profile's fairness cap — the longest real
 *     wait first, whatever their priority or group, so no ticket waits forever behind priorities;
 *  3. the rest by score = real wait + the head start of the ticket's priority (appointment,
 *     绿色通道, VIP enterprise, transfer), either group by group in the profile's order
 *     ('groupOrder', Qmatic's work profile) or across all the profile's groups ('longestWait').
 * Ties go to the earlier arrival, then to the lower number, so the answer never depends on input order.
 */

export const PRIORITIES = ['normal', 'appointment', 'green', 'vip', 'transfer'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface WaitingTicket {
  id: string;
  /** the service group (业务分组) it waits in */
  groupCode: string;
  /** A023 — readable number, unique per site and day */
  number: string;
  /** when the visitor arrived (ms); a transfer keeps the original arrival */
  arrivedAt: number;
  priority: Priority;
  /** set when a clerk transferred it to one counter in particular */
  forCounterId: string | null;
  /** when it was transferred to this counter (ms), for ordering transfers */
  transferredAt: number | null;
}

export interface WorkProfile {
  counterId: string;
  /** the groups this counter calls from, in the profile's order */
  groups: readonly string[];
  mode: 'groupOrder' | 'longestWait';
  /** head start per priority, in ms of waiting credited on top of the real wait */
  headStartMs: Readonly<Record<Priority, number>>;
  /** real waiting time after which a ticket is called before any priority (fairness cap) */
  fairnessCapMs: number;
}

export const DEFAULT_HEAD_START_MS: Readonly<Record<Priority, number>> = {
  normal: 0,
  appointment: 15 * 60_000,
  green: 20 * 60_000,
  vip: 10 * 60_000,
  transfer: 30 * 60_000,
};

/** The reason a ticket was chosen, shown to the clerk and kept in the ticket's history. */
export type CallReason = 'transferredHere' | 'fairnessCap' | 'score';

export interface CallChoice {
  ticket: WaitingTicket;
  reason: CallReason;
}

function earlier(a: WaitingTicket, b: WaitingTicket): number {
  return a.arrivedAt - b.arrivedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
}

/** Tickets this counter may call at all: its groups' tickets not addressed to another counter, and its own transfers. */
export function callable(queue: readonly WaitingTicket[], profile: WorkProfile): WaitingTicket[] {
  const groups = new Set(profile.groups);
  return queue.filter((t) =>
    t.forCounterId !== null ? t.forCounterId === profile.counterId : groups.has(t.groupCode),
  );
}

export function score(t: WaitingTicket, profile: WorkProfile, now: number): number {
  return Math.max(0, now - t.arrivedAt) + profile.headStartMs[t.priority];
}

export function nextTicket(queue: readonly WaitingTicket[], profile: WorkProfile, now: number): CallChoice | null {
  const open = callable(queue, profile);
  if (open.length === 0) return null;

  let best: WaitingTicket | null = null;
  for (const t of open) {
    if (t.forCounterId !== profile.counterId) continue;
    if (
      !best ||
      (t.transferredAt ?? t.arrivedAt) < (best.transferredAt ?? best.arrivedAt) ||
      ((t.transferredAt ?? t.arrivedAt) === (best.transferredAt ?? best.arrivedAt) && earlier(t, best) < 0)
    )
      best = t;
  }
  if (best) return { ticket: best, reason: 'transferredHere' };

  for (const t of open) {
    if (now - t.arrivedAt < profile.fairnessCapMs) continue;
    if (!best || earlier(t, best) < 0) best = t;
  }
  if (best) return { ticket: best, reason: 'fairnessCap' };

  const pick = (list: readonly WaitingTicket[]): WaitingTicket | null => {
    let top: WaitingTicket | null = null;
    let topScore = -1;
    for (const t of list) {
      const s = score(t, profile, now);
      if (s > topScore || (s === topScore && top && earlier(t, top) < 0)) {
        top = t;
        topScore = s;
      }
    }
    return top;
  };
  if (profile.mode === 'longestWait') {
    const t = pick(open);
    return t ? { ticket: t, reason: 'score' } : null;
  }
  for (const g of profile.groups) {
    const t = pick(open.filter((x) => x.groupCode === g));
    if (t) return { ticket: t, reason: 'score' };
  }
  return null;
}

/**
 * The rule above as a comparison (negative: `a` is called before `b`). For a fixed `now` the order is
 * total and calling one ticket does not change the others' order, so a ticket's place in line is the
 * number of tickets that compare before it — one pass instead of calling the queue empty.
 */
export function callsBefore(a: WaitingTicket, b: WaitingTicket, profile: WorkProfile, now: number): number {
  const tier = (t: WaitingTicket) =>
    t.forCounterId === profile.counterId ? 0 : now - t.arrivedAt >= profile.fairnessCapMs ? 1 : 2;
  const ta = tier(a);
  const tb = tier(b);
  if (ta !== tb) return ta - tb;
  if (ta === 0) {
    const d = (a.transferredAt ?? a.arrivedAt) - (b.transferredAt ?? b.arrivedAt);
    if (d !== 0) return d;
  } else if (ta === 2) {
    if (profile.mode === 'groupOrder') {
      const g = profile.groups.indexOf(a.groupCode) - profile.groups.indexOf(b.groupCode);
      if (g !== 0) return g;
    }
    const d = score(b, profile, now) - score(a, profile, now);
    if (d !== 0) return d;
  }
  return earlier(a, b);
}

/** Place in line as the phone page shows it: how many tickets this profile would call first (null: it cannot call it). */
export function placeInLine(
  queue: readonly WaitingTicket[],
  ticketId: string,
  profile: WorkProfile,
  now: number,
): number | null {
  const open = callable(queue, profile);
  const me = open.find((t) => t.id === ticketId);
  if (!me) return null;
  let ahead = 0;
  for (const t of open) if (t !== me && callsBefore(t, me, profile, now) < 0) ahead++;
  return ahead;
}
