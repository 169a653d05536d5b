/**
 * The last phase of a demo order's life: the centre's 回访 (visit-back call) with its result —
 * a unit's quality shows in how often citizens are unsatisfied, which reopens the order — and
 * the monthly archive run that files it.
 */
import type { VisitResult } from '../model';
import { between, pick } from './demo-random';
import { VISIT_NOTES } from './history-phrases';
import { MIN, SHANGHAI, WD, type OrderLife } from './life-state';

/** 回访 by the centre in office hours, usually within a working day or two of the approval. */
export function visitBack(life: OrderLife): void {
  const { env, r } = life;
  const at = life.work(life.last, between(r, 0.15, 1.6) * WD);
  const direct = life.snap.unitId === null;
  const prof = direct ? null : env.profile(life.snap.unitId!);
  const unsatisfiedP = direct
    ? 0
    : life.snap.reopenCount === 0
      ? prof!.unsatisfiedP
      : life.snap.reopenCount === 1
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
  life.act(at, { type: 'visit', result, note: pick(r, VISIT_NOTES[result]) }, env.dispatcher);
}

/** The monthly archive run (1st, 02:00) files orders closed before the previous month began. */
export function archive(life: OrderLife): void {
  const d = new Date(life.snap.closedAt! + SHANGHAI);
  const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1, 2) - SHANGHAI + Math.floor(life.r() * 20 * MIN);
  life.act(at, { type: 'archive' }, life.env.system);
}
