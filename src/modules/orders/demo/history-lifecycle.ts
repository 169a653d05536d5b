/**
 * One demo order's life, played through the PURE state machine (`transition`) over the real
 * working-time calendar: each step is an action at an instant, refused or accepted exactly as
 * the service would, and recorded as the timeline row the service would have written. The
 * story stops at the first step that would happen after `now`, so recent orders stay open.
 */
import {
  transition,
  applyPatch,
  newOrderSnapshot,
  type DeadlineCalculator,
  type OrderAction,
  type OrderSnapshot,
  type OrderState,
  type VisitResult,
} from '../model';
import type { EventRow, LifeEnv, LifeResult, OrderPlan, Person } from './history-plan';
import { randomChars, SEQ, timeId } from './history-ids';
import {
  between,
  lognormal,
  pick,
  replyText,
  type Rand,
  CANCEL_REASONS,
  CONTACT_NOTES,
  DIRECT_REPLIES,
  EXTENSION_APPROVED_NOTES,
  EXTENSION_REASONS,
  EXTENSION_REJECTED,
  PRAISE_REPLY,
  REPLY_REJECTED,
  RESUME_NOTES,
  RETURN_APPROVED_NOTES,
  RETURN_REASONS,
  RETURN_REJECTED,
  SUPERVISE_NOTES,
  SUSPEND_REASONS,
  URGE_NOTE,
  VISIT_NOTES,
} from './history-phrases';

const MIN = 60_000;
const HOUR = 3_600_000;
/** A working day of working time (deadlines.ts: 7 office hours). */
const WD = 7 * HOUR;
const DAY = 86_400_000;
const SHANGHAI = 8 * HOUR;

/** Plays one order's life; see the file comment. */
export function liveOrder(plan: OrderPlan, env: LifeEnv, r: Rand): LifeResult {
  const life = new OrderLife(plan, env, r);
  life.run();
  return {
    snap: life.snap,
    events: life.events,
    stateTimes: life.stateTimes,
    states: life.states,
    version: life.version,
    updatedAt: life.last,
    visits: life.visits,
    refusal: life.refusal,
  };
}

class OrderLife {
  snap: OrderSnapshot;
  readonly events: EventRow[] = [];
  readonly stateTimes: number[] = [];
  readonly states: OrderState[] = [];
  readonly visits: VisitResult[] = [];
  version = 1;
  last: number;
  refusal: string | null = null;
  private halted = false;
  private seq = 0;
  private readonly salt: string;
  private readonly rules: { deadlines: DeadlineCalculator };
  private recategorised = false;
  private returnAsked = false;
  private reviewRejected = false;
  private redo = false;
  private reworks = 0;

  constructor(
    private plan: OrderPlan,
    private env: LifeEnv,
    private r: Rand,
  ) {
    this.snap = newOrderSnapshot({
      id: plan.id,
      category: plan.intakeCategory,
      urgency: plan.urgency,
      reporterId: plan.reporterId,
      needsVisit: plan.needsVisit,
    });
    this.last = plan.createdAt;
    this.salt = randomChars(r, 8);
    this.rules = { deadlines: env.calc };
  }

  run(): void {
    const p = this.plan;
    this.push(
      p.createdAt,
      'order.created',
      null,
      'pending_dispatch',
      null,
      {
        channel: p.channel,
        suggestions: p.suggestions,
        route: p.intakeRoute,
        duplicates: p.duplicates,
      },
      null,
      p.creator,
    );
    this.intake();
    for (let guard = 0; guard < 40 && !this.halted; guard++) {
      const state = this.snap.state;
      if (state === 'pending_dispatch') this.dispatch();
      else if (state === 'pending_sign') this.sign();
      else if (state === 'handling') this.handle();
      else if (state === 'pending_review') this.review();
      else if (state === 'pending_visit') this.visit();
      else if (state === 'closed') this.archive();
      else break;
    }
  }

  // ── the steps ────────────────────────────────────────────────────────────

  /** What happens at the centre's desk before any unit sees the order. */
  private intake(): void {
    const { plan: p, env, r } = this;
    const t0 = p.createdAt;
    switch (p.disposition) {
      case 'auto':
        // Intake dispatches in its own transaction: the machine acts as `system`, the row shows the caller.
        this.act(
          t0,
          { type: 'dispatch', unitId: p.route!.unitId },
          { ...p.creator, actor: env.system.actor },
          `自动分拨：${p.route!.reason}`,
        );
        return;
      case 'merge': {
        const at = this.centre(t0 + lognormal(r, 12 * MIN, 0.8));
        this.act(
          at,
          { type: 'merge', mainOrderId: p.merge!.mainId, mainOrderState: p.merge!.stateAt(at) },
          env.dispatcher,
        );
        return;
      }
      case 'cancel':
        this.act(
          this.centre(t0 + lognormal(r, 40 * MIN, 0.9)),
          { type: 'cancel', reason: pick(r, CANCEL_REASONS) },
          env.dispatcher,
        );
        return;
      case 'direct': {
        // On the phone the agent answers during the call; online questions wait for the desk.
        const at =
          p.channel === 'hotline' ? t0 + lognormal(r, 4 * MIN, 0.5) : this.centre(t0 + lognormal(r, 30 * MIN, 1));
        const reply = p.requestType === 'praise' ? PRAISE_REPLY : pick(r, DIRECT_REPLIES);
        this.act(at, { type: 'direct_reply', reply }, env.dispatcher);
        return;
      }
      case 'dispatch':
        return; // the loop's dispatch step
    }
  }

  private dispatch(): void {
    const { plan: p, env, r } = this;
    const first = this.snap.clockStartedAt === null;
    let at: number;
    let unitId: string;
    if (first) {
      const median = p.urgency === 'emergency' ? 4 * MIN : p.urgency === 'urgent' ? 10 * MIN : 18 * MIN;
      // a few need a call-back or a check before anyone can say whose they are
      const delay = r() < 0.04 ? lognormal(r, 5 * HOUR, 0.7) : lognormal(r, median, 1);
      at = this.centre(p.createdAt + delay);
      unitId = p.route?.unitId ?? '';
    } else {
      at = this.centre(this.last + lognormal(r, 15 * MIN, 0.8));
      unitId = env.redirect(this.events.findLast((e) => e.type === 'order.return_approved')?.unit_id ?? '', r);
    }
    if (!unitId) return this.stop('dispatch: no unit');
    if (!this.recategorised && this.snap.category !== p.category) {
      // 调整分类 as the dispatcher dispatches: the service writes it before the dispatch
      at = Math.max(Math.round(at), this.last);
      if (at > env.now) return this.stop(null);
      this.recategorised = true;
      this.push(
        at,
        'order.recategorised',
        null,
        null,
        null,
        { from: this.snap.category, to: p.category },
        this.snap.unitId,
        env.dispatcher,
        false,
      );
      this.snap = { ...this.snap, category: p.category };
    }
    this.act(at, { type: 'dispatch', unitId }, env.dispatcher);
  }

  private sign(): void {
    const { env, r } = this;
    const unitId = this.snap.unitId!;
    const prof = env.profile(unitId);
    const handler = env.handler(unitId);
    const base = this.snap.dispatchedAt!;
    const allowed = Math.max(this.workBetween(base, this.snap.signDeadline!), HOUR / 2);
    if (!this.returnAsked && this.snap.bounceCount === 0 && r() < prof.returnP) {
      this.returnAsked = true;
      const at = this.work(base, between(r, 0.1, 0.8) * allowed);
      if (!this.act(at, { type: 'request_return', reason: pick(r, RETURN_REASONS) }, handler)) return;
      const decideAt = this.centre(this.last + lognormal(r, 45 * MIN, 0.8));
      if (r() < 0.78)
        this.act(decideAt, { type: 'approve_return', note: pick(r, RETURN_APPROVED_NOTES) }, env.dispatcher);
      else this.act(decideAt, { type: 'reject_return', reason: pick(r, RETURN_REJECTED) }, env.dispatcher);
      return;
    }
    const frac = r() < prof.signLateP ? between(r, 1.05, 3) : Math.min(0.95, lognormal(r, prof.signMedian, 0.7));
    const at = Math.max(this.work(base, frac * allowed), this.work(this.last, 5 * MIN));
    this.act(at, { type: 'sign' }, handler);
  }

  private handle(): void {
    const { env, r } = this;
    const unitId = this.snap.unitId;
    if (!unitId) return this.stop('handling without a unit');
    const prof = env.profile(unitId);
    const handler = env.handler(unitId);
    if (this.redo) {
      // 退回重办 by the centre: a corrected reply, usually within half a day
      this.redo = false;
      this.reply(handler, 0, 0, lognormal(r, 0.4 * WD, 0.6));
      return;
    }
    if (this.snap.reopenCount > this.reworks) {
      // 不满意 → 重办: call the citizen again, then a second answer against the 3-day rework limit
      this.reworks = this.snap.reopenCount;
      if (r() < 0.8 && !this.contact(handler, 0.5)) return;
      this.reply(handler, 0.9, 0.5, null);
      return;
    }
    if (this.plan.requestType !== 'praise' && r() < 0.9 && !this.contact(handler, env.contactDays(this.snap.category)))
      return;
    if (r() < 0.02) {
      const at = this.work(this.last, between(r, 0.1, 0.5) * Math.max(this.allowance(), HOUR));
      if (!this.act(at, { type: 'suspend', reason: pick(r, SUSPEND_REASONS) }, env.dispatcher)) return;
      if (
        !this.act(this.work(at, between(r, 1, 8) * WD), { type: 'resume', note: pick(r, RESUME_NOTES) }, env.dispatcher)
      )
        return;
    }
    let onTimeP = prof.onTimeP;
    if (r() < prof.extensionP && this.allowance() > HOUR) {
      const at = this.work(this.last, between(r, 0.4, 0.9) * this.allowance());
      const days = pick(r, [3, 5, 5, 7, 10]);
      if (
        !this.act(at, { type: 'request_extension', reason: pick(r, EXTENSION_REASONS), addWorkingDays: days }, handler)
      )
        return;
      const decideAt = this.work(this.last, lognormal(r, 2 * HOUR, 0.7));
      if (r() < 0.85) {
        const who = r() < 0.3 ? env.leader : env.dispatcher;
        if (!this.act(decideAt, { type: 'approve_extension', note: pick(r, EXTENSION_APPROVED_NOTES) }, who)) return;
        onTimeP = 0.95;
      } else if (!this.act(decideAt, { type: 'reject_extension', reason: pick(r, EXTENSION_REJECTED) }, env.dispatcher))
        return;
    }
    this.reply(handler, onTimeP, prof.speed, null);
  }

  /** First contact with the citizen within the category's allowance (working days). */
  private contact(handler: Person, days: number): boolean {
    const at = this.work(this.last, between(this.r, 0.05, 0.8) * Math.max(days, 0.25) * WD);
    return this.act(
      at,
      { type: 'contact', method: this.r() < 0.9 ? 'phone' : 'visit', note: pick(this.r, CONTACT_NOTES) },
      handler,
    );
  }

  /** The unit's reply, on time (a share of the time left) or late (with 催办/督办 before it). */
  private reply(handler: Person, onTimeP: number, speed: number, after: number | null): void {
    const { env, r } = this;
    const deadline = this.snap.completionDeadline!;
    const allow = this.allowance();
    let at: number;
    if (after !== null) at = this.work(this.last, after);
    else if (r() < onTimeP && allow > 20 * MIN)
      at = this.work(this.last, Math.min(0.97, Math.max(0.03, lognormal(r, speed, 0.5))) * allow);
    else at = this.work(Math.max(this.last, deadline), Math.min(40 * WD, lognormal(r, 0.8 * WD, 1)));
    if (at > deadline && after === null) {
      const urgeAt = this.work(Math.max(deadline, this.last), WD);
      if (urgeAt < at && !this.act(urgeAt, { type: 'urge', note: URGE_NOTE }, env.system)) return;
      const superviseAt = this.work(deadline, 5 * WD);
      if (
        superviseAt < at &&
        superviseAt > this.last &&
        this.snap.supervisionLevel < 3 &&
        !this.act(superviseAt, { type: 'supervise', note: pick(r, SUPERVISE_NOTES) }, env.leader)
      )
        return;
    }
    this.act(at, { type: 'submit_reply', reply: replyText(r, this.snap.category) }, handler);
  }

  private review(): void {
    const { env, r } = this;
    const at = this.centre(this.last + lognormal(r, 40 * MIN, 1));
    if (!this.reviewRejected && r() < 0.03) {
      this.reviewRejected = true;
      if (this.act(at, { type: 'reject_reply', reason: pick(r, REPLY_REJECTED) }, env.dispatcher)) this.redo = true;
      return;
    }
    this.act(at, { type: 'approve_reply' }, env.dispatcher);
  }

  private visit(): void {
    const { env, r } = this;
    // 回访 by the centre in office hours, usually within a working day or two of the approval
    const at = this.work(this.last, between(r, 0.15, 1.6) * WD);
    const direct = this.snap.unitId === null;
    const prof = direct ? null : env.profile(this.snap.unitId!);
    const unsatisfiedP = direct
      ? 0
      : this.snap.reopenCount === 0
        ? prof!.unsatisfiedP
        : this.snap.reopenCount === 1
          ? 0.08
          : 0;
    const basicP = prof ? prof.basicP : 0.15;
    const x = r();
    const result: VisitResult =
      x < 0.04
        ? 'unreachable'
        : x < 0.04 + unsatisfiedP
          ? 'unsatisfied'
          : x < 0.04 + unsatisfiedP + basicP
            ? 'basically_satisfied'
            : 'satisfied';
    this.act(at, { type: 'visit', result, note: pick(r, VISIT_NOTES[result]) }, env.dispatcher);
  }

  /** The monthly archive run (1st, 02:00) files orders closed before the previous month began. */
  private archive(): void {
    const d = new Date(this.snap.closedAt! + SHANGHAI);
    const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1, 2) - SHANGHAI + Math.floor(this.r() * 20 * MIN);
    this.act(at, { type: 'archive' }, this.env.system);
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  /** Performs `action` at `at` (not before the last step); false when the story stops here. */
  private act(at: number, action: OrderAction, who: Person, note?: string | null): boolean {
    if (this.halted) return false;
    at = Math.max(Math.round(at), this.last);
    if (at > this.env.now) {
      this.halted = true;
      return false;
    }
    const res = transition(this.snap, action, who.actor, at, this.rules);
    if (!res.ok) {
      this.stop(`${action.type} refused in ${this.snap.state}: ${res.code}`);
      return false;
    }
    const before = this.snap;
    this.snap = applyPatch(before, res.patch);
    const data = res.event.data;
    // demo staff without a user account act under a placeholder id; the row says null, not the placeholder
    if (who.id === null && who.actor.userId !== 'system') data.by = null;
    if (action.type === 'visit') this.visits.push(action.result);
    this.push(
      at,
      res.event.type,
      before.state,
      this.snap.state,
      note ?? noteOf(action),
      data,
      this.snap.unitId ?? before.unitId,
      who,
    );
    return true;
  }

  private push(
    at: number,
    type: string,
    from: string | null,
    to: string | null,
    note: string | null,
    data: Record<string, unknown>,
    unitId: string | null,
    who: Person,
    counts = true,
  ): void {
    this.events.push({
      id: timeId(at) + this.salt + SEQ[this.seq++ & 1023],
      order_id: this.plan.id,
      at,
      type,
      actor_id: who.id,
      actor_name: who.name,
      unit_id: unitId,
      from_state: from,
      to_state: to,
      note,
      data: JSON.stringify(data),
    });
    if (counts && type !== 'order.created') this.version++;
    if (to !== null) {
      this.stateTimes.push(at);
      this.states.push(to as OrderState);
    }
    this.last = at;
  }

  private stop(refusal: string | null): void {
    this.halted = true;
    if (refusal) this.refusal = refusal;
  }

  /** The centre's desk is staffed 08:00–22:00 every day; later work waits for the morning. */
  private centre(t: number): number {
    const local = (((t + SHANGHAI) % DAY) + DAY) % DAY;
    if (local >= 8 * HOUR && local < 22 * HOUR) return t;
    const dayStart = t - local;
    const morning = (local < 8 * HOUR ? dayStart : dayStart + DAY) + 8 * HOUR;
    return morning + Math.floor(this.r() * 25 * MIN);
  }

  private work(from: number, ms: number): number {
    return this.env.calc.addWorkingMs(from, ms);
  }

  private workBetween(a: number, b: number): number {
    return this.env.calc.workingMsBetween(a, b);
  }

  /** Working time left before the completion deadline, from the last step. */
  private allowance(): number {
    return this.workBetween(this.last, this.snap.completionDeadline ?? this.last);
  }
}

/** The note the service stores with a step (action-service.ts `noteOf`). */
const NOTE_KEYS = ['reason', 'note', 'reply'] as const;
function noteOf(a: OrderAction): string | null {
  const x = a as Record<string, unknown>;
  for (const k of NOTE_KEYS) if (typeof x[k] === 'string' && x[k]) return x[k] as string;
  return null;
}
