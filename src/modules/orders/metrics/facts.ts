/**
 * The fast path's write side: the facts one order change adds, derived from the `orders` row
 * before and after the change (see definitions.ts for the rules). Pure; the hook in service.ts
 * writes the result in the change's own transaction. reference.ts derives the same facts from the
 * timeline instead — keep the two independent, they check each other.
 */
import type { OrderRow } from '../row';
import type { PauseSpan } from '../model';
import type { Counters, Fact } from './definitions';

/** Working ms in [from, to) less the pauses; the platform calendar in production. */
export type WorkingMs = (
  from: number,
  to: number,
  pauses: ReadonlyArray<{ from: number; to: number | null }>,
) => number;

export interface RowChange {
  before: OrderRow | null;
  after: OrderRow;
  event: { type: string; data: Record<string, unknown> };
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const pausesOf = (r: OrderRow): PauseSpan[] => JSON.parse(r.pauses || '[]');
const RATED = new Set(['satisfied', 'basically_satisfied', 'unsatisfied']);
const SATISFIED = new Set(['satisfied', 'basically_satisfied']);

/** The facts of one change at instant `now`; empty for steps that count for nothing. */
export function factsOfChange(c: RowChange, now: number, workingMs: WorkingMs): Fact[] {
  const { before, after, event } = c;
  if (!before) return [];
  const out: Fact[] = [];
  const add = (unitId: string | null, at: number | null, counters: Partial<Counters>) => {
    if (unitId && at !== null) out.push({ unitId, at, counters });
  };
  switch (event.type) {
    case 'order.dispatched':
      add(after.unit_id, now, { dispatched: 1 });
      break;
    case 'order.signed': {
      const deadline = num(after.sign_deadline);
      const onTime = deadline === null || now <= deadline;
      add(after.unit_id, num(after.dispatched_at), onTime ? { signedOnTime: 1 } : { signedLate: 1 });
      break;
    }
    case 'order.return_approved':
      add(before.unit_id, num(before.dispatched_at), { returned: 1 });
      break;
    // The centre's correction undoes the dispatch it corrects: the unit it was taken from is not
    // charged with a dispatch it never had the chance to sign for (nor with a 退单).
    case 'order.recalled':
      add(before.unit_id, num(before.dispatched_at), { dispatched: -1 });
      break;
    case 'order.redispatched':
      add(before.unit_id, num(before.dispatched_at), { dispatched: -1 });
      add(after.unit_id, now, { dispatched: 1 });
      break;
    case 'order.reply_rejected':
      add(before.unit_id, now, { reopened: 1 });
      break;
    case 'order.reply_approved': {
      const unit = before.unit_id;
      const replied = num(before.replied_at) ?? now;
      const deadline = num(before.completion_deadline);
      const onTime = deadline === null || replied <= deadline;
      const start = handlingStart(before);
      const counters: Partial<Counters> = {
        completed: 1,
        completedOnTime: onTime ? 1 : 0,
        handlingMs: start === null ? 0 : workingMs(start, replied, pausesOf(before)),
      };
      if (after.state === 'closed')
        Object.assign(counters, { closed: 1, solved: 1, reworked: reworkedSinceDispatch(before) ? 1 : 0 });
      add(unit, now, counters);
      if (!onTime) add(unit, deadline, { overdueClosed: 1 });
      break;
    }
    case 'order.visited': {
      const result = after.visit_result ?? String(event.data.result ?? '');
      const counters: Partial<Counters> = {};
      if (RATED.has(result)) Object.assign(counters, { visited: 1, satisfied: SATISFIED.has(result) ? 1 : 0 });
      if (result === 'unsatisfied') counters.reopened = 1;
      else
        Object.assign(counters, {
          closed: 1,
          solved: SATISFIED.has(result) ? 1 : 0,
          reworked: reworkedSinceDispatch(before) ? 1 : 0,
        });
      add(before.unit_id, now, counters);
      break;
    }
  }
  return out;
}

/** The current handling period began at the unit's dispatch, or at the last reopening after it. */
function handlingStart(r: OrderRow): number | null {
  const dispatched = num(r.dispatched_at);
  const reopened = num(r.reopened_at);
  if (dispatched === null) return reopened;
  return reopened !== null && reopened > dispatched ? reopened : dispatched;
}

/** A 重办 since the latest dispatch: an unsatisfied visit (reopened_at) or a 退回重办 (a review pause). */
function reworkedSinceDispatch(r: OrderRow): boolean {
  const since = num(r.dispatched_at) ?? 0;
  const reopened = num(r.reopened_at);
  if (reopened !== null && reopened >= since) return true;
  return pausesOf(r).some((p) => p.kind === 'review' && p.from >= since);
}

/**
 * The deadlines to write into the change's timeline entry when the change moved them: the
 * model's events do not carry the deadlines set at the first dispatch (nor the sign deadline
 * after a 挂起), and the timeline must be enough to recompute the figures.
 */
export function deadlineStamp(
  c: Pick<RowChange, 'before' | 'after'>,
): { sign: number | null; completion: number | null } | null {
  if (!c.before) return null;
  const sign = num(c.after.sign_deadline);
  const completion = num(c.after.completion_deadline);
  if (sign === num(c.before.sign_deadline) && completion === num(c.before.completion_deadline)) return null;
  return { sign, completion };
}
