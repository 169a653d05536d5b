/**
 * The hall manager's live office board (pure): who is serving whom at each counter, and each
 * queue's waiting with the tickets already past the group's target wait.
 */
const MIN = 60_000;

export interface BoardCounter {
  id: string;
  number: string;
  name: string;
  state: string;
  pauseReason: string | null;
  clerkName: string | null;
}
export interface BoardTicket {
  id: string;
  number: string;
  groupId: string;
  counterId: string | null;
  state: string;
  issuedAt: number;
  calledAt: number | null;
  servedAt: number | null;
  parkedBy: string | null;
}
export interface BoardGroup {
  id: string;
  code: string;
  name: string;
  targetWaitMin: number;
}

export function officeBoard(
  counters: readonly BoardCounter[],
  groups: readonly BoardGroup[],
  tickets: readonly BoardTicket[],
  now: number,
) {
  const code = new Map(groups.map((g) => [g.id, g.code]));
  const inHand = new Map<string, BoardTicket>();
  for (const t of tickets)
    if (t.counterId && (t.state === 'called' || t.state === 'serving')) inHand.set(t.counterId, t);
  const minutes = (from: number) => Math.max(0, Math.floor((now - from) / MIN));
  const queues = groups.map((g) => {
    const waiting = tickets.filter((t) => t.state === 'waiting' && t.groupId === g.id);
    const longest = waiting.reduce((m, t) => Math.max(m, now - t.issuedAt), 0);
    const over = waiting.filter((t) => now - t.issuedAt > g.targetWaitMin * MIN).length;
    return {
      groupId: g.id,
      code: g.code,
      name: g.name,
      waiting: waiting.length,
      targetWaitMinutes: g.targetWaitMin,
      longestWaitMinutes: Math.floor(longest / MIN),
      overTarget: over,
    };
  });
  return {
    at: now,
    counters: counters.map((c) => {
      const t = inHand.get(c.id);
      return {
        counterId: c.id,
        number: c.number,
        name: c.name,
        state: c.state,
        pauseReason: c.pauseReason,
        clerkName: c.clerkName,
        ticket: t
          ? {
              id: t.id,
              number: t.number,
              groupCode: code.get(t.groupId) ?? '',
              state: t.state,
              minutes: minutes(t.servedAt ?? t.calledAt ?? now),
            }
          : null,
        parked: tickets.filter((x) => x.state === 'parked' && x.counterId === c.id).length,
      };
    }),
    queues,
    /** the groups with tickets waiting past their target */
    overTarget: queues.filter((q) => q.overTarget > 0).map((q) => q.code),
    waiting: queues.reduce((n, q) => n + q.waiting, 0),
  };
}
