/** What every step of a transition shares: its context and the success result. */
import type { ActionOf, ActionType } from './actions';
import type { Refusal } from './guards';
import type { CaseState } from './states';
import type { IsWorkingDay } from './time-limit';
import type { CaseActor, CaseRole, CaseSnapshot } from './types';

export interface TransitionOptions {
  /** The platform calendar as a day predicate (time-limit.ts); deadlines are computed with it. */
  isWorkingDay: IsWorkingDay;
}

export interface Ctx {
  c: CaseSnapshot;
  actor: CaseActor;
  /** The role the actor acts in for this row (its first role the actor holds in scope). */
  as: CaseRole;
  now: number;
  opts: TransitionOptions;
  /** The state the row leads to. */
  to: CaseState;
}

export interface CaseEvent {
  type: string;
  /** Always caseId, by, as, from and to; then the action's own details. */
  data: Record<string, unknown>;
}

export type TransitionResult = { ok: true; patch: Partial<CaseSnapshot>; event: CaseEvent } | Refusal;

/** What an effect hands back: the fields it changes (state is added by the table) and event details. */
export interface Effect {
  patch: Partial<CaseSnapshot>;
  details?: Record<string, unknown>;
}

export type Effects<K extends ActionType> = { [T in K]: (x: Ctx, a: ActionOf<T>) => Effect };
export type Validators<K extends ActionType> = {
  [T in K]: (a: ActionOf<T>, c: CaseSnapshot) => Refusal | null;
};
