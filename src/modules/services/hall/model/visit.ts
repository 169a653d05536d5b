/**
 * Rules of one visit beyond the call-next order (pure): a further service added to the visit,
 * who may call a ticket back from a personal pool, and when a site's day closes (overnight close).
 */

/** A further service of the same visit (另一分组或事项), kept on the ticket. */
export interface AddedService {
  groupId: string;
  itemCode: string | null;
  counterId: string;
  at: number;
}

export type AddServiceRefusal = 'item_not_in_group' | 'already_added';

/**
 * Whether the service may be added: the item (if named) must be one the group covers (a group with
 * no item list covers any), and the same group and item are not added twice.
 */
export function addServiceProblem(
  added: readonly AddedService[],
  group: { id: string; itemCodes: readonly string[] },
  itemCode: string | null,
): AddServiceRefusal | null {
  if (itemCode !== null && group.itemCodes.length > 0 && !group.itemCodes.includes(itemCode))
    return 'item_not_in_group';
  if (added.some((s) => s.groupId === group.id && s.itemCode === itemCode)) return 'already_added';
  return null;
}

/** The personal pool is the clerk's: only they (or a hall admin) call a parked ticket back. */
export const mayUnpark = (parkedBy: string | null, actorId: string | null, admin: boolean) =>
  admin || (parkedBy !== null && parkedBy === actorId);

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The instant a Shanghai day starts, from its YYYY-MM-DD key. */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`) - SHANGHAI;

/**
 * When the tickets of a day are closed: the end of the day's last opening period, or — when the
 * site has no periods that day or it is already past them (overtime) — the end of the day itself.
 */
export function closingAt(day: string, periods: ReadonlyArray<{ to: string }>, now: number): number {
  const start = dayStart(day);
  const last = periods.reduce((m, p) => Math.max(m, minutes(p.to)), -1);
  const at = last < 0 ? start + DAY : start + last * 60_000;
  return at > now ? at : Math.max(start + DAY, now);
}

/** What the overnight close does when it comes due. */
export type CloseDecision = { close: true } | { close: false; retryAt: number };

/** In emergency mode the day stays open; the close looks again later. */
export const EMERGENCY_RETRY_MS = 30 * 60_000;
export const closeDecision = (emergency: boolean, now: number): CloseDecision =>
  emergency ? { close: false, retryAt: now + EMERGENCY_RETRY_MS } : { close: true };
