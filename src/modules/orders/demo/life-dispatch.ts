/**
 * The first phase of a demo order's life: registration and the centre's desk (自动分拨, 合并,
 * 撤销, 直接答复), dispatch (with 调整分类 when intake guessed the category wrong, and re-dispatch
 * after an approved 退单), and the unit's sign-for (签收, or a 退单 request the centre decides).
 */
import { reasonZh } from '../routing/routing';
import { between, lognormal, pick } from './demo-random';
import {
  CANCEL_REASONS,
  DIRECT_REPLIES,
  PRAISE_REPLY,
  RETURN_APPROVED_NOTES,
  RETURN_REASONS,
  RETURN_REJECTED,
} from './history-phrases';
import { HOUR, MIN, type OrderLife } from './life-state';

/** The creation row, then what happens at the centre's desk before any unit sees the order. */
export function register(life: OrderLife): void {
  const { plan: p, env, r } = life;
  life.push(
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
  const t0 = p.createdAt;
  switch (p.disposition) {
    case 'auto':
      // Intake dispatches in its own transaction: the machine acts as `system`, the row shows the caller.
      life.act(
        t0,
        { type: 'dispatch', unitId: p.route!.unitId },
        { ...p.creator, actor: env.system.actor },
        `自动分拨：${reasonZh(p.route!.reason)}`,
      );
      return;
    case 'merge': {
      const at = life.centre(t0 + lognormal(r, 12 * MIN, 0.8));
      life.act(
        at,
        { type: 'merge', mainOrderId: p.merge!.mainId, mainOrderState: p.merge!.stateAt(at) },
        env.dispatcher,
      );
      return;
    }
    case 'cancel':
      life.act(
        life.centre(t0 + lognormal(r, 40 * MIN, 0.9)),
        { type: 'cancel', reason: pick(r, CANCEL_REASONS) },
        env.dispatcher,
      );
      return;
    case 'direct': {
      // On the phone the agent answers during the call; online questions wait for the desk.
      const at =
        p.channel === 'hotline' ? t0 + lognormal(r, 4 * MIN, 0.5) : life.centre(t0 + lognormal(r, 30 * MIN, 1));
      const reply = p.requestType === 'praise' ? PRAISE_REPLY : pick(r, DIRECT_REPLIES);
      life.act(at, { type: 'direct_reply', reply }, env.dispatcher);
      return;
    }
    case 'dispatch':
      return; // the dispatch phase
  }
}

/** 分拨 by the centre: the first time to the routed unit, after a 退单 to another one. */
export function dispatch(life: OrderLife): void {
  const { plan: p, env, r } = life;
  const first = life.snap.clockStartedAt === null;
  let at: number;
  let unitId: string;
  if (first) {
    const median = p.urgency === 'emergency' ? 4 * MIN : p.urgency === 'urgent' ? 10 * MIN : 18 * MIN;
    // a few need a call-back or a check before anyone can say whose they are
    const delay = r() < 0.04 ? lognormal(r, 5 * HOUR, 0.7) : lognormal(r, median, 1);
    at = life.centre(p.createdAt + delay);
    unitId = p.route?.unitId ?? '';
  } else {
    at = life.centre(life.last + lognormal(r, 15 * MIN, 0.8));
    unitId = env.redirect(life.events.findLast((e) => e.type === 'order.return_approved')?.unit_id ?? '', r);
  }
  if (!unitId) {
    life.stop('dispatch: no unit');
    return;
  }
  if (!life.recategorised && life.snap.category !== p.category) {
    // 调整分类 as the dispatcher dispatches: the service writes it before the dispatch
    at = Math.max(Math.round(at), life.last);
    if (at > env.now) {
      life.stop(null);
      return;
    }
    life.recategorised = true;
    life.push(
      at,
      'order.recategorised',
      null,
      null,
      null,
      { from: life.snap.category, to: p.category },
      life.snap.unitId,
      env.dispatcher,
      false,
    );
    life.snap = { ...life.snap, category: p.category };
  }
  life.act(at, { type: 'dispatch', unitId }, env.dispatcher);
}

/** The unit signs for the order within its allowance (a few late), or once asks to return it. */
export function signFor(life: OrderLife): void {
  const { env, r } = life;
  const unitId = life.snap.unitId!;
  const prof = env.profile(unitId);
  const handler = env.handler(unitId);
  const base = life.snap.dispatchedAt!;
  const allowed = Math.max(life.workBetween(base, life.snap.signDeadline!), HOUR / 2);
  if (!life.returnAsked && life.snap.bounceCount === 0 && r() < prof.returnP) {
    life.returnAsked = true;
    const at = life.work(base, between(r, 0.1, 0.8) * allowed);
    if (!life.act(at, { type: 'request_return', reason: pick(r, RETURN_REASONS) }, handler)) return;
    const decideAt = life.centre(life.last + lognormal(r, 45 * MIN, 0.8));
    if (r() < 0.78)
      life.act(decideAt, { type: 'approve_return', note: pick(r, RETURN_APPROVED_NOTES) }, env.dispatcher);
    else life.act(decideAt, { type: 'reject_return', reason: pick(r, RETURN_REJECTED) }, env.dispatcher);
    return;
  }
  const frac = r() < prof.signLateP ? between(r, 1.05, 3) : Math.min(0.95, lognormal(r, prof.signMedian, 0.7));
  const at = Math.max(life.work(base, frac * allowed), life.work(life.last, 5 * MIN));
  life.act(at, { type: 'sign' }, handler);
}
