/**
 * The near-front notice (叫号提醒): which waiting tickets have reached N ahead and should get their
 * one message now. Pure: the place in line is the one the phone page shows (hall.place.ts) — the
 * best place among the open counters that may call the ticket, else among all that may, else the
 * group's own order — computed for the whole queue in one sort per counter.
 */
import { callable, callsBefore, type WaitingTicket, type WorkProfile } from './call-next';

export const DEFAULT_NOTIFY_AHEAD = 3;

export interface CounterProfile {
  /** not closed: a counter a clerk has open (or paused) */
  open: boolean;
  profile: WorkProfile;
}

/** Each waiting ticket's place in line (tickets called before it), by the rule above. */
export function placesInLine(
  queue: readonly WaitingTicket[],
  counters: readonly CounterProfile[],
  groupOnly: (groupCode: string) => WorkProfile,
  now: number,
): Map<string, number> {
  const ranks = (profile: WorkProfile, list: readonly WaitingTicket[]) => {
    const sorted = [...list].sort((a, b) => callsBefore(a, b, profile, now));
    return new Map(sorted.map((t, i) => [t.id, i]));
  };
  const byCounter = counters.map((c) => ({ open: c.open, rank: ranks(c.profile, callable(queue, c.profile)) }));
  const groupRanks = new Map<string, Map<string, number>>();
  const out = new Map<string, number>();
  for (const t of queue) {
    const able = byCounter.filter((c) => c.rank.has(t.id));
    const chosen = able.some((c) => c.open) ? able.filter((c) => c.open) : able;
    if (chosen.length) {
      out.set(t.id, Math.min(...chosen.map((c) => c.rank.get(t.id)!)));
      continue;
    }
    let g = groupRanks.get(t.groupCode);
    if (!g) {
      const p = groupOnly(t.groupCode);
      g = ranks(p, callable(queue, p));
      groupRanks.set(t.groupCode, g);
    }
    const at = g.get(t.id);
    if (at !== undefined) out.set(t.id, at);
  }
  return out;
}

export interface NoticeCandidate {
  id: string;
  /** a phone to send to (tickets without one never get a notice) */
  phone: string | null;
  /** the notice went out already: it is sent once */
  notifiedAt: number | null;
}

/** The tickets due for their notice now: a phone, not notified yet, and at most `ahead` tickets before them. */
export function dueForNotice(
  candidates: readonly NoticeCandidate[],
  places: ReadonlyMap<string, number>,
  ahead: number,
): Array<{ id: string; ahead: number }> {
  const out: Array<{ id: string; ahead: number }> = [];
  for (const c of candidates) {
    if (!c.phone || c.notifiedAt !== null) continue;
    const place = places.get(c.id);
    if (place !== undefined && place <= ahead) out.push({ id: c.id, ahead: place });
  }
  return out;
}

/** The message: 您的 A023 号前面还有 3 位，请留意叫号. */
export const noticeText = (number: string, ahead: number, siteName: string) =>
  ahead === 0
    ? `【${siteName}】您的 ${number} 号即将被叫到，请到大厅留意叫号。`
    : `【${siteName}】您的 ${number} 号前面还有 ${ahead} 位，请到大厅留意叫号。`;
