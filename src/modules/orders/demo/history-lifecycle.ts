/**
 * One demo order's life, played through the PURE state machine over the real working-time
 * calendar (life-state.ts), phase after phase as the order's state asks: the centre's desk,
 * dispatch and sign-for (life-dispatch.ts), handling, reply and review with the oversight steps
 * between (life-handling.ts, life-oversight.ts), visit-back and archiving (life-closing.ts). The
 * story stops at the first step that would happen after `now`, so recent orders stay open.
 */
import type { Rand } from './demo-random';
import type { LifeEnv, LifeResult, OrderPlan } from './history-plan';
import { archive, visitBack } from './life-closing';
import { dispatch, register, signFor } from './life-dispatch';
import { handle, review } from './life-handling';
import { OrderLife } from './life-state';

/** Plays one order's life; see the file comment. */
export function liveOrder(plan: OrderPlan, env: LifeEnv, r: Rand): LifeResult {
  const life = new OrderLife(plan, env, r);
  register(life);
  for (let guard = 0; guard < 40 && !life.halted; guard++) {
    const state = life.snap.state;
    if (state === 'pending_dispatch') dispatch(life);
    else if (state === 'pending_sign') signFor(life);
    else if (state === 'handling') handle(life);
    else if (state === 'pending_review') review(life);
    else if (state === 'pending_visit') visitBack(life);
    else if (state === 'closed') archive(life);
    else break;
  }
  return life.result();
}
