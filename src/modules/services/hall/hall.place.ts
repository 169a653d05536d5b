/**
 * A waiting ticket's place in line as the reception slip and the phone page show it: the best
 * place among the counters that may call it (open ones first; if none is open, all of them; if no
 * counter calls from its group, the group's own order).
 */
import { groupOnlyProfile, parseProfile, waitingTicket, workProfile, type QueueRow } from './hall.profile';
import type { CounterRecord } from './hall.repo';
import { callable, placeInLine, type WorkProfile } from './model/call-next';

export function placeFor(
  queue: readonly QueueRow[],
  counters: readonly CounterRecord[],
  ticketId: string,
  now: number,
) {
  const tickets = queue.map(waitingTicket);
  const me = tickets.find((t) => t.id === ticketId);
  if (!me) return null;
  const profiles = counters.map((c) => ({ open: c.state !== 'closed', p: workProfile(c.id, parseProfile(c.profile)) }));
  const able = profiles.filter((x) => callable([me], x.p).length === 1);
  const chosen: WorkProfile[] = able.some((x) => x.open)
    ? able.filter((x) => x.open).map((x) => x.p)
    : able.length
      ? able.map((x) => x.p)
      : [groupOnlyProfile(me.groupCode)];
  let best: number | null = null;
  for (const p of chosen) {
    const at = placeInLine(tickets, ticketId, p, now);
    if (at !== null && (best === null || at < best)) best = at;
  }
  return best;
}
