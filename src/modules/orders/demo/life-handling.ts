/**
 * The unit's part of a demo order's life and the centre's check of it: first contact with the
 * citizen, the reply (on time, late, corrected after 退回重办, or again after 不满意 → 重办), with
 * the oversight steps that may come between (life-oversight.ts), and the centre's 审核.
 */
import type { Person } from './history-plan';
import { between, lognormal, pick } from './demo-random';
import { CONTACT_NOTES, REPLY_REJECTED, replyText } from './history-phrases';
import { chaseLateReply, extension, suspension } from './life-oversight';
import { MIN, WD, type OrderLife } from './life-state';

/** One round of handling: contact, perhaps a 挂起 or a 延期, then the reply. */
export function handle(life: OrderLife): void {
  const { env, r } = life;
  const unitId = life.snap.unitId;
  if (!unitId) {
    life.stop('handling without a unit');
    return;
  }
  const prof = env.profile(unitId);
  const handler = env.handler(unitId);
  if (life.redo) {
    // 退回重办 by the centre: a corrected reply, usually within half a day
    life.redo = false;
    reply(life, handler, 0, 0, lognormal(r, 0.4 * WD, 0.6));
    return;
  }
  if (life.snap.reopenCount > life.reworks) {
    // 不满意 → 重办: call the citizen again, then a second answer against the 3-day rework limit
    life.reworks = life.snap.reopenCount;
    if (r() < 0.8 && !contact(life, handler, 0.5)) return;
    reply(life, handler, 0.9, 0.5, null);
    return;
  }
  if (life.plan.requestType !== 'praise' && r() < 0.9 && !contact(life, handler, env.contactDays(life.snap.category)))
    return;
  if (!suspension(life)) return;
  const onTimeP = extension(life, handler, prof);
  if (onTimeP === null) return;
  reply(life, handler, onTimeP, prof.speed, null);
}

/** First contact with the citizen within the category's allowance (working days). */
function contact(life: OrderLife, handler: Person, days: number): boolean {
  const { r } = life;
  const at = life.work(life.last, between(r, 0.05, 0.8) * Math.max(days, 0.25) * WD);
  return life.act(
    at,
    { type: 'contact', method: r() < 0.9 ? 'phone' : 'visit', note: pick(r, CONTACT_NOTES) },
    handler,
  );
}

/**
 * The unit's reply, on time (a share of the time left) or late (with 催办/督办 before it);
 * `after` fixes the working time it takes instead.
 */
function reply(life: OrderLife, handler: Person, onTimeP: number, speed: number, after: number | null): void {
  const { r } = life;
  const deadline = life.snap.completionDeadline!;
  const allow = life.allowance();
  let at: number;
  if (after !== null) at = life.work(life.last, after);
  else if (r() < onTimeP && allow > 20 * MIN)
    at = life.work(life.last, Math.min(0.97, Math.max(0.03, lognormal(r, speed, 0.5))) * allow);
  else at = life.work(Math.max(life.last, deadline), Math.min(40 * WD, lognormal(r, 0.8 * WD, 1)));
  if (at > deadline && after === null && !chaseLateReply(life, deadline, at)) return;
  life.act(at, { type: 'submit_reply', reply: replyText(r, life.snap.category) }, handler);
}

/** 审核 by the centre: approved, or (at most once) sent back for a corrected reply. */
export function review(life: OrderLife): void {
  const { env, r } = life;
  const at = life.centre(life.last + lognormal(r, 40 * MIN, 1));
  if (!life.reviewRejected && r() < 0.03) {
    life.reviewRejected = true;
    if (life.act(at, { type: 'reject_reply', reason: pick(r, REPLY_REJECTED) }, env.dispatcher)) life.redo = true;
    return;
  }
  life.act(at, { type: 'approve_reply' }, env.dispatcher);
}
