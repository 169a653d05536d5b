/**
 * What a demo order's life is given (the plan, the people, how each unit works) and what it gives
 * back (its snapshot and timeline rows): the contract between history-builder.ts and
 * history-lifecycle.ts.
 */
import type { Actor, DeadlineCalculator, OrderSnapshot, OrderState, VisitResult } from '../model';
import type { RouteDecision } from '../routing/routing';
import type { OrdersTables } from '../tables';
import type { Rand } from './demo-random';

export type EventRow = OrdersTables['order_events'];

/** Who acts: the state machine's actor, and the id/name the timeline row shows. */
export interface Person {
  id: string | null;
  name: string | null;
  actor: Actor;
}

/** How a unit works (history-units.ts): the spread between units is what makes the rankings say something. */
export interface UnitProfile {
  /** 0 (worst) … 1 (best). */
  quality: number;
  /** Median share of the sign-for allowance used before signing. */
  signMedian: number;
  signLateP: number;
  onTimeP: number;
  /** Median share of the completion allowance used before replying on time. */
  speed: number;
  returnP: number;
  extensionP: number;
  unsatisfiedP: number;
  basicP: number;
}

export interface LifeEnv {
  now: number;
  calc: DeadlineCalculator;
  dispatcher: Person;
  leader: Person;
  system: Person;
  handler(unitId: string): Person;
  profile(unitId: string): UnitProfile;
  /** The unit an order goes to after `unitId`'s 退单 is approved. */
  redirect(unitId: string, r: Rand): string;
  /** 首次联系 allowance of a category, in working days. */
  contactDays(categoryCode: string | null): number;
}

export type Disposition = 'auto' | 'dispatch' | 'direct' | 'cancel' | 'merge';

export interface OrderPlan {
  id: string;
  createdAt: number;
  channel: string;
  urgency: 'normal' | 'urgent' | 'emergency';
  needsVisit: boolean;
  reporterId: string | null;
  /** The category registered at intake (an agent's choice or the classifier's guess)... */
  intakeCategory: string | null;
  /** ...and the right one, which the dispatcher sets when dispatching (调整分类). */
  category: string;
  requestType: string | null;
  creator: Person;
  intakeRoute: RouteDecision | null;
  /** Where the dispatcher sends it (the route of the right category). */
  route: RouteDecision | null;
  suggestions: Array<{ categoryCode: string; confidence: number }>;
  duplicates: string[];
  disposition: Disposition;
  merge?: { mainId: string; stateAt(t: number): OrderState };
}

export interface LifeResult {
  snap: OrderSnapshot;
  events: EventRow[];
  /** When each state was entered (for merging later duplicates into this order). */
  stateTimes: number[];
  states: OrderState[];
  version: number;
  updatedAt: number;
  /** Visit results, in order. */
  visits: VisitResult[];
  /** A step the state machine refused (a generator bug; the story stops there). */
  refusal: string | null;
}
