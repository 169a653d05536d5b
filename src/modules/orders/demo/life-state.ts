/**
 * The shared state of one demo order's life (history-lifecycle.ts) and the moves every phase
 * makes with it: performing an action through the PURE state machine (`transition`) at an
 * instant, refused or accepted exactly as the service would, and recording the timeline row the
 * service would have written; and the clocks the phases reckon with (the centre's desk hours,
 * working time). The story stops at the first step that would happen after `now`.
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
import type { Rand } from './demo-random';
import { randomChars, SEQ, timeId } from './history-ids';
import type { EventRow, LifeEnv, LifeResult, OrderPlan, Person } from './history-plan';

export const MIN = 60_000;
export const HOUR = 3_600_000;
/** A working day of working time (deadlines.ts: 7 office hours). */
export const WD = 7 * HOUR;
const DAY = 86_400_000;
export const SHANGHAI = 8 * HOUR;

export class OrderLife {
  snap: OrderSnapshot;
  readonly events: EventRow[] = [];
  readonly stateTimes: number[] = [];
  readonly states: OrderState[] = [];
  readonly visits: VisitResult[] = [];
  version = 1;
  last: number;
  refusal: string | null = null;
  halted = false;
  /** What already happened once and must not happen again (the phases' memory). */
  recategorised = false;
  returnAsked = false;
  reviewRejected = false;
  /** The centre sent the reply back (退回重办): the next handling is a corrected reply. */
  redo = false;
  /** Reopenings (不满意 → 重办) already handled. */
  reworks = 0;
  private seq = 0;
  private readonly salt: string;
  private readonly rules: { deadlines: DeadlineCalculator };

  constructor(
    readonly plan: OrderPlan,
    readonly env: LifeEnv,
    readonly r: Rand,
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

  result(): LifeResult {
    return {
      snap: this.snap,
      events: this.events,
      stateTimes: this.stateTimes,
      states: this.states,
      version: this.version,
      updatedAt: this.last,
      visits: this.visits,
      refusal: this.refusal,
    };
  }

  /** Performs `action` at `at` (not before the last step); false when the story stops here. */
  act(at: number, action: OrderAction, who: Person, note?: string | null): boolean {
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

  /** Records a timeline row; `counts` false for a row that does not bump the order's version. */
  push(
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

  /** Ends the story; with a reason when a step was refused (a generator bug). */
  stop(refusal: string | null): void {
    this.halted = true;
    if (refusal) this.refusal = refusal;
  }

  /** The centre's desk is staffed 08:00–22:00 every day; later work waits for the morning. */
  centre(t: number): number {
    const local = (((t + SHANGHAI) % DAY) + DAY) % DAY;
    if (local >= 8 * HOUR && local < 22 * HOUR) return t;
    const dayStart = t - local;
    const morning = (local < 8 * HOUR ? dayStart : dayStart + DAY) + 8 * HOUR;
    return morning + Math.floor(this.r() * 25 * MIN);
  }

  /** `ms` of working time after `from`. */
  work(from: number, ms: number): number {
    return this.env.calc.addWorkingMs(from, ms);
  }

  workBetween(a: number, b: number): number {
    return this.env.calc.workingMsBetween(a, b);
  }

  /** Working time left before the completion deadline, from the last step. */
  allowance(): number {
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
