/**
 * The hall queue's use cases: issue a ticket, open / pause / close a counter, call next (the
 * call-next rule over the site's queue and the counter's profile), call a chosen ticket, recall,
 * no-show, transfer (the arrival is kept), serve and finish. Each is one transaction with the
 * ticket's history row, its audit row and its event; the ticket's steps come from ticket-state.ts.
 */
import { randomBytes } from 'node:crypto';
import type { AuditContext } from '../../../platform/audit';
import { localDateKey } from '../../../platform/calendar';
import type { PlatformContext } from '../../../platform/context';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { Work } from '../../../platform/transact';
import type { FinishBody, IssueBody, TransferBody } from './hall.contract';
import { announcement, HALL_COUNTER_ENTITY, HALL_EVENTS, HALL_TICKET_ENTITY } from './hall.events';
import { placeFor } from './hall.place';
import { parseProfile, waitingTicket, workProfile } from './hall.profile';
import {
  countersOf,
  currentAt,
  findCounter,
  findGroup,
  findTicket,
  groupCodes,
  historyOf,
  insertTicket,
  lockCounter,
  nextNumber,
  ticketsOf,
  updateCounter,
  updateTicketIf,
  waitingOf,
  type CounterRecord,
  type TicketRecord,
} from './hall.repo';
import { counterView, ticketEventView, ticketView } from './hall.view';
import { nextTicket } from './model/call-next';
import { DEFAULT_HALL_RULES, stepTicket, type TicketAction, type TicketState } from './model/ticket-state';

/** Who acts: the request's audit context, and whether they administer the hall (may act at any counter). */
export interface HallActor {
  ctx: AuditContext;
  admin: boolean;
}

const REFUSALS: Record<string, string> = {
  not_allowed: '该号当前状态不能执行此操作 / not allowed in the ticket’s state',
  recalls_exhausted: '重呼次数已用完，请登记过号 / no recalls left: record the no-show',
  too_early_for_no_show: `重呼 ${DEFAULT_HALL_RULES.recallsBeforeNoShow} 次后才能登记过号 / recall first`,
};

const newToken = () => Array.from(randomBytes(8), (b) => 'abcdefghijkmnpqrstuvwxyz23456789'[b % 32]).join('');

export class HallService {
  constructor(private p: PlatformContext) {}

  private async view(t: TicketRecord) {
    const codes = await groupCodes(this.p.db, [t.group_id]);
    return ticketView(t, codes.get(t.group_id) ?? '');
  }

  async ticket(id: string) {
    const t = await findTicket(this.p.db, id);
    if (!t) throw notFound('ticket');
    return { ticket: await this.view(t), history: (await historyOf(this.p.db, id)).map(ticketEventView) };
  }

  /** Today's tickets of a site (the reception's and the counters' lists). */
  async tickets(siteId: string, state: string | undefined, limit = 200) {
    const rows = await ticketsOf(this.p.db, siteId, localDateKey(this.p.clock.now()), state, limit);
    const codes = await groupCodes(this.p.db, [...new Set(rows.map((r) => r.group_id))]);
    return rows.map((r) => ticketView(r, codes.get(r.group_id) ?? ''));
  }

  // ---- entry ----
  async issue(ctx: AuditContext, siteId: string, b: IssueBody) {
    const g = await findGroup(this.p.db, b.groupId);
    if (!g || g.site_id !== siteId) throw notFound('group');
    if (g.active !== 1) throw conflict('group_inactive', `${g.name} 暂停取号 / the group is not issuing tickets`);
    const source = b.source ?? 'reception';
    const priority = b.priority ?? (source === 'appointment' ? 'appointment' : 'normal');
    const { id, place, token } = await this.p.transact(ctx, async (w) => {
      const day = localDateKey(w.now);
      const n = await nextNumber(w.trx, g.id, day);
      const id = newId(w.now);
      const token = newToken();
      const row = {
        id,
        site_id: siteId,
        group_id: g.id,
        day,
        number: `${g.code}${String(n).padStart(3, '0')}`,
        source,
        priority,
        state: 'waiting',
        issued_at: w.now,
        called_at: null,
        served_at: null,
        finished_at: null,
        counter_id: null,
        for_counter_id: null,
        transferred_at: null,
        recalls: 0,
        call_reason: null,
        outcome: null,
        phone: b.phone?.replace(/\s/g, '') ?? null,
        token,
        updated_at: w.now,
      };
      await insertTicket(w.trx, row);
      this.history(w, row, 'issue', null, 'waiting', null, null);
      w.audit({
        action: 'services.hall.ticket.issued',
        entityType: HALL_TICKET_ENTITY,
        entityId: id,
        after: { ...row, token: undefined },
      });
      w.emit({
        type: HALL_EVENTS.issued,
        entityType: HALL_TICKET_ENTITY,
        entityId: id,
        data: { id, siteId, groupId: g.id, number: row.number, source, priority },
      });
      const place = placeFor(await waitingOf(w.trx, siteId), await countersOf(w.trx, siteId), id, w.now);
      return { id, place, token };
    });
    return { ticket: await this.view((await findTicket(this.p.db, id))!), placeInLine: place, token };
  }

  // ---- counters ----
  private async counterFor(w: Work, actor: HallActor, counterId: string, mustBeOpen: boolean): Promise<CounterRecord> {
    const c = await lockCounter(w.trx, counterId, this.p.dialect);
    if (!c) throw notFound('counter');
    if (!actor.admin && c.clerk_id !== null && c.clerk_id !== actor.ctx.actorId)
      throw forbidden(`${c.number} 号窗口由 ${c.clerk_name ?? '他人'} 值守 / another clerk has this counter`);
    if (mustBeOpen && c.state !== 'open')
      throw conflict('counter_not_open', `${c.number} 号窗口未开启 / the counter is not open`);
    return c;
  }

  private async setCounter(actor: HallActor, id: string, to: 'open' | 'paused' | 'closed', reason: string | null) {
    await this.p.transact(actor.ctx, async (w) => {
      const c = await this.counterFor(w, actor, id, to === 'paused');
      if (to === 'closed' && (await currentAt(w.trx, id)))
        throw conflict('counter_busy', '请先办结或转出当前号 / finish or transfer the current ticket first');
      const patch = {
        state: to,
        pause_reason: to === 'paused' ? reason : null,
        ...(to === 'open' ? { clerk_id: actor.ctx.actorId, clerk_name: actor.ctx.actorName } : {}),
        ...(to === 'closed' ? { clerk_id: null, clerk_name: null } : {}),
        updated_at: w.now,
      };
      await updateCounter(w.trx, id, patch);
      w.audit({
        action: `services.hall.counter.${to}`,
        entityType: HALL_COUNTER_ENTITY,
        entityId: id,
        before: c,
        after: patch,
      });
      w.emit({
        type: HALL_EVENTS.counterChanged,
        entityType: HALL_COUNTER_ENTITY,
        entityId: id,
        data: { id, siteId: c.site_id, number: c.number, state: to, change: to, reason },
      });
    });
    return counterView((await findCounter(this.p.db, id))!);
  }
  open = (a: HallActor, id: string) => this.setCounter(a, id, 'open', null);
  pause = (a: HallActor, id: string, reason: string) => this.setCounter(a, id, 'paused', reason);
  close = (a: HallActor, id: string) => this.setCounter(a, id, 'closed', null);

  // ---- calls ----
  /** Calls the ticket the rule chooses for this counter; null when nobody it may call is waiting. */
  async callNext(actor: HallActor, counterId: string) {
    const id = await this.p.transact(actor.ctx, async (w) => {
      const c = await this.counterFor(w, actor, counterId, true);
      await this.notBusy(w, c);
      const profile = workProfile(c.id, parseProfile(c.profile));
      let queue = (await waitingOf(w.trx, c.site_id)).map(waitingTicket);
      // another counter may take the chosen ticket between our read and our write: choose again
      for (let attempt = 0; attempt < 5; attempt++) {
        const choice = nextTicket(queue, profile, w.now);
        if (!choice) return null;
        const t = await findTicket(w.trx, choice.ticket.id);
        if (t && (await this.call(w, t, c, 'call', choice.reason, null))) return t.id;
        queue = queue.filter((q) => q.id !== choice.ticket.id);
      }
      throw conflict('queue_busy', '叫号冲突，请重试 / the queue changed, try again');
    });
    return this.callResult(id, counterId);
  }

  /** Calls one waiting ticket out of order (a clerk's choice), with the reason kept in its history. */
  async callChosen(actor: HallActor, counterId: string, ticketId: string, reason: string) {
    await this.p.transact(actor.ctx, async (w) => {
      const c = await this.counterFor(w, actor, counterId, true);
      await this.notBusy(w, c);
      const t = await findTicket(w.trx, ticketId);
      if (!t || t.site_id !== c.site_id) throw notFound('ticket');
      if (!(await this.call(w, t, c, 'callChosen', 'chosen', reason)))
        throw conflict('not_allowed', REFUSALS.not_allowed, { state: t.state });
    });
    return this.callResult(ticketId, counterId);
  }

  private async notBusy(w: Work, c: CounterRecord) {
    const cur = await currentAt(w.trx, c.id);
    if (cur)
      throw conflict('counter_busy', `请先处理当前号 ${cur.number} / finish the current ticket first`, {
        ticketId: cur.id,
      });
  }

  private async call(w: Work, t: TicketRecord, c: CounterRecord, action: string, reason: string, note: string | null) {
    const s = this.step(t, 'call');
    const patch = {
      state: s.to,
      recalls: s.recalls,
      called_at: t.called_at ?? w.now,
      counter_id: c.id,
      for_counter_id: null,
      call_reason: reason,
      updated_at: w.now,
    };
    if (!(await updateTicketIf(w.trx, t.id, t.state, patch))) return false;
    this.history(w, t, action, t.state, s.to, c.id, note ?? (reason === 'chosen' ? null : reason));
    const text = announcement(t.number, c.number);
    w.audit({
      action: 'services.hall.ticket.called',
      entityType: HALL_TICKET_ENTITY,
      entityId: t.id,
      after: { ...patch, note },
    });
    w.emit({
      type: HALL_EVENTS.called,
      entityType: HALL_TICKET_ENTITY,
      entityId: t.id,
      data: {
        id: t.id,
        siteId: t.site_id,
        number: t.number,
        counterId: c.id,
        counterNumber: c.number,
        reason,
        announcement: text,
      },
    });
    return true;
  }

  private async callResult(ticketId: string | null, counterId: string) {
    if (!ticketId) return { ticket: null, reason: null, announcement: null };
    const t = (await findTicket(this.p.db, ticketId))!;
    const c = (await findCounter(this.p.db, counterId))!;
    return { ticket: await this.view(t), reason: t.call_reason, announcement: announcement(t.number, c.number) };
  }

  // ---- the ticket in hand ----
  private step(t: TicketRecord, action: TicketAction) {
    const s = stepTicket({ state: t.state as TicketState, recalls: Number(t.recalls) }, action, DEFAULT_HALL_RULES);
    if (!s.ok) throw conflict(s.code, REFUSALS[s.code], { state: t.state, recalls: Number(t.recalls) });
    return s;
  }

  /** Loads the ticket in hand at a counter for one action, runs the step and saves it, all in one transaction. */
  private async act(
    actor: HallActor,
    ticketId: string,
    counterId: string,
    action: TicketAction,
    fill: (
      w: Work,
      t: TicketRecord,
      c: CounterRecord,
    ) => Promise<{
      patch: Record<string, unknown>;
      reason?: string | null;
      event: string;
      data?: Record<string, unknown>;
    }>,
  ) {
    await this.p.transact(actor.ctx, async (w) => {
      const c = await this.counterFor(w, actor, counterId, false);
      const t = await findTicket(w.trx, ticketId);
      if (!t) throw notFound('ticket');
      if (t.counter_id !== c.id || !['called', 'serving'].includes(t.state))
        throw conflict('not_at_counter', `${t.number} 不在 ${c.number} 号窗口办理 / the ticket is not at this counter`);
      const s = this.step(t, action);
      const f = await fill(w, t, c);
      const patch = { state: s.to, recalls: s.recalls, updated_at: w.now, ...f.patch };
      if (!(await updateTicketIf(w.trx, t.id, t.state, patch)))
        throw conflict('ticket_changed', '该号刚被他人处理 / the ticket changed, reload');
      this.history(w, { ...t, ...patch } as TicketRecord, action, t.state, s.to, c.id, f.reason ?? null);
      w.audit({
        action: `services.hall.ticket.${action}`,
        entityType: HALL_TICKET_ENTITY,
        entityId: t.id,
        before: t,
        after: patch,
      });
      w.emit({
        type: f.event,
        entityType: HALL_TICKET_ENTITY,
        entityId: t.id,
        data: { id: t.id, siteId: t.site_id, number: t.number, counterId: c.id, ...f.data },
      });
    });
    return this.ticket(ticketId);
  }

  recall = (a: HallActor, ticketId: string, counterId: string) =>
    this.act(a, ticketId, counterId, 'recall', async (_w, t, c) => ({
      patch: {},
      event: HALL_EVENTS.recalled,
      data: { counterNumber: c.number, recalls: Number(t.recalls) + 1, announcement: announcement(t.number, c.number) },
    }));

  noShow = (a: HallActor, ticketId: string, counterId: string) =>
    this.act(a, ticketId, counterId, 'noShow', async (w) => ({
      patch: { finished_at: w.now },
      event: HALL_EVENTS.noShow,
    }));

  serve = (a: HallActor, ticketId: string, counterId: string) =>
    this.act(a, ticketId, counterId, 'serve', async (w, t) => ({
      patch: { served_at: t.served_at ?? w.now },
      event: HALL_EVENTS.serving,
    }));

  finish = (a: HallActor, ticketId: string, b: FinishBody) =>
    this.act(a, ticketId, b.counterId, 'finish', async (w) => {
      const outcome = { itemCodes: b.itemCodes, caseNumbers: b.caseNumbers ?? [], note: b.note ?? null };
      return {
        patch: { finished_at: w.now, outcome: JSON.stringify(outcome) },
        event: HALL_EVENTS.finished,
        data: { itemCodes: outcome.itemCodes, caseNumbers: outcome.caseNumbers },
      };
    });

  /** Back to a queue — another group's or one counter's — keeping the arrival time; it counts as a transfer priority. */
  transfer = (a: HallActor, ticketId: string, b: TransferBody) =>
    this.act(a, ticketId, b.counterId, 'transfer', async (w, t, c) => {
      if ((b.toGroupId === undefined) === (b.toCounterId === undefined))
        throw badRequest(
          'transfer_target',
          '请选择转入的分组或窗口（二选一）/ give toGroupId or toCounterId, not both',
        );
      let groupId = t.group_id;
      if (b.toGroupId !== undefined) {
        const g = await findGroup(w.trx, b.toGroupId);
        if (!g || g.site_id !== t.site_id) throw new AppError(404, 'not_found', 'group not found');
        if (g.active !== 1) throw conflict('group_inactive', `${g.name} 已停用 / the group is inactive`);
        if (g.id === t.group_id) throw badRequest('transfer_target', '已在该分组 / already in that group');
        groupId = g.id;
      }
      if (b.toCounterId !== undefined) {
        const to = await findCounter(w.trx, b.toCounterId);
        if (!to || to.site_id !== t.site_id) throw new AppError(404, 'not_found', 'counter not found');
        if (to.id === c.id) throw badRequest('transfer_target', '不能转给本窗口 / not to this same counter');
      }
      return {
        patch: {
          group_id: groupId,
          for_counter_id: b.toCounterId ?? null,
          transferred_at: w.now,
          counter_id: null,
          priority: 'transfer',
        },
        reason: b.reason ?? null,
        event: HALL_EVENTS.transferred,
        data: { fromGroupId: t.group_id, groupId, forCounterId: b.toCounterId ?? null },
      };
    });

  private history(
    w: Work,
    t: Pick<TicketRecord, 'id' | 'site_id' | 'group_id'>,
    action: string,
    from: string | null,
    to: string,
    counterId: string | null,
    reason: string | null,
  ) {
    w.append('svc_hall_ticket_events', {
      id: newId(w.now),
      ticket_id: t.id,
      site_id: t.site_id,
      action,
      from_state: from,
      to_state: to,
      group_id: t.group_id,
      counter_id: counterId,
      reason,
      actor_id: w.ctx.actorId,
      actor_name: w.ctx.actorName,
      at: w.now,
    });
  }
}
