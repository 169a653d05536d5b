/** The public reads of the hall: the hall screen of a site and the phone page of one ticket. */
import { timingSafeEqual } from 'node:crypto';
import { dayStartMs, dayIndexOf } from '../../../platform/calendar/local-time';
import type { PlatformContext } from '../../../platform/context';
import { AppError, notFound } from '../../../platform/errors';
import { announcement } from './hall.events';
import { placeFor } from './hall.place';
import {
  countersOf,
  findCounter,
  findGroup,
  findTicket,
  groupsOf,
  latestCalls,
  siteName,
  waitingOf,
} from './hall.repo';

const MIN = 60_000;
const NO_TICKET = '未找到该号或校验码不符 / no such ticket, or the token does not match';

export class HallScreen {
  constructor(private p: PlatformContext) {}

  /** Latest calls with their windows and the waiting per group, for the 1920×1080 hall screen. */
  async screen(siteId: string, limit = 10) {
    const name = await siteName(this.p.db, siteId);
    if (name === null) throw notFound('site');
    const now = this.p.clock.now();
    const since = dayStartMs(dayIndexOf(now));
    const calls = await latestCalls(this.p.db, siteId, since, limit);
    const waiting = await waitingOf(this.p.db, siteId);
    const groups = (await groupsOf(this.p.db, siteId)).filter((g) => g.active === 1);
    return {
      siteId,
      siteName: name,
      at: now,
      calls: calls.map((c) => ({
        number: c.number,
        counterNumber: c.counter_number,
        counterName: c.counter_name,
        at: Number(c.at),
        recall: c.action === 'recall',
        announcement: announcement(c.number, c.counter_number),
      })),
      waiting: groups.map((g) => {
        const mine = waiting.filter((t) => t.group_id === g.id);
        const oldest = mine.reduce((m, t) => Math.min(m, Number(t.issued_at)), now);
        return {
          groupId: g.id,
          code: g.code,
          name: g.name,
          waiting: mine.length,
          targetWaitMinutes: Number(g.target_wait_min),
          longestWaitMinutes: Math.floor((now - oldest) / MIN),
        };
      }),
    };
  }

  /** The phone page: a ticket by its id and short token (both printed as the slip's QR code). */
  async status(ticketId: string, token: string) {
    const t = await findTicket(this.p.db, ticketId);
    const a = Buffer.from(token);
    const b = Buffer.from(t?.token ?? '');
    if (!t || a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError(404, 'not_found', NO_TICKET);
    const g = (await findGroup(this.p.db, t.group_id))!;
    const now = this.p.clock.now();
    const place =
      t.state === 'waiting'
        ? placeFor(await waitingOf(this.p.db, t.site_id), await countersOf(this.p.db, t.site_id), t.id, now)
        : null;
    const c =
      t.counter_id && ['called', 'serving'].includes(t.state) ? await findCounter(this.p.db, t.counter_id) : null;
    return {
      number: t.number,
      state: t.state,
      groupName: g.name,
      siteName: (await siteName(this.p.db, t.site_id)) ?? '',
      issuedAt: Number(t.issued_at),
      calledAt: t.called_at === null ? null : Number(t.called_at),
      placeInLine: place,
      counterNumber: c?.number ?? null,
      announcement: c && t.state === 'called' ? announcement(t.number, c.number) : null,
    };
  }
}
