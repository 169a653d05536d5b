/**
 * 分拨、签收、退单、改派、收回: dispatching, signing for, returning, re-dispatching and recalling an order.
 *
 * Clock rule for every way an order changes hands (退单 approved, 改派, 收回 then 分拨): the clocks
 * started at the FIRST dispatch keep running and no deadline moves — the order's time is the
 * citizen's, and a change of unit, whoever caused it, does not buy more of it. The new unit signs
 * for it against the same sign-for deadline; its figures count from its own dispatch.
 */
import { DEFAULT_MAX_BOUNCES, requireDeadlines } from './deadlines';
import { noReturnPending, notSuspended, refuse, requireText } from './guards';
import { type OrderSnapshot } from './types';
import { type Handlers, ok, first, optionalText, noReturnRequest } from './transition-context';

export const dispatchHandlers: Handlers<
  'dispatch' | 'sign' | 'request_return' | 'approve_return' | 'reject_return' | 'redispatch' | 'recall'
> = {
  dispatch(c, a) {
    const bad = requireText(a.unitId, 'unitId');
    if (bad) return bad;
    const o = c.order;
    const patch: Partial<OrderSnapshot> = { state: 'pending_sign', unitId: a.unitId, dispatchedAt: c.now };
    // The clocks start at the FIRST dispatch only: a 退单 and 改派 must not buy the order time.
    if (o.clockStartedAt === null) {
      const calc = requireDeadlines(c.opts, c.type);
      const basis = { category: o.category, urgency: o.urgency };
      patch.clockStartedAt = c.now;
      patch.signDeadline = calc.signDeadline(c.now, basis);
      patch.completionDeadline = calc.completionDeadline(c.now, basis);
    }
    return ok(c, patch, { unitId: a.unitId, redispatch: o.clockStartedAt !== null, bounceCount: o.bounceCount });
  },

  sign(c) {
    const bad = first(notSuspended(c.order, c.type), noReturnPending(c.order, c.type));
    if (bad) return bad;
    return ok(c, { state: 'handling', signedAt: c.now }, { unitId: c.order.unitId });
  },

  request_return(c, a) {
    const o = c.order;
    const max = c.opts?.maxBounces ?? DEFAULT_MAX_BOUNCES;
    const bad = first(
      notSuspended(o, c.type),
      o.returnRequest ? refuse('return_pending', '已有退单申请待审核 / a return request is already pending') : null,
      o.bounceCount >= max
        ? refuse(
            'bounce_limit_reached',
            `已退单${o.bounceCount}次，达到上限，须由本单位办理（中心终审）/ returned ${o.bounceCount} times (limit ${max}); the centre's dispatch is final`,
          )
        : null,
      requireText(a.reason, 'reason'),
    );
    if (bad) return bad;
    const returnRequest = { by: c.actor.userId, at: c.now, unitId: o.unitId, reason: a.reason };
    return ok(c, { returnRequest }, { unitId: o.unitId, reason: a.reason });
  },

  approve_return(c, a) {
    const o = c.order;
    const bad = first(notSuspended(o, c.type), o.returnRequest ? null : noReturnRequest());
    if (bad) return bad;
    return ok(
      c,
      // Back to the centre for 改派. The clocks keep running (see dispatch).
      {
        state: 'pending_dispatch',
        unitId: null,
        signedAt: null,
        bounceCount: o.bounceCount + 1,
        returnRequest: null,
        extensionRequest: null,
      },
      { unitId: o.unitId, reason: o.returnRequest?.reason, note: optionalText(a.note), bounceCount: o.bounceCount + 1 },
    );
  },

  reject_return(c, a) {
    const o = c.order;
    const bad = first(o.returnRequest ? null : noReturnRequest(), requireText(a.reason, 'reason'));
    if (bad) return bad;
    return ok(
      c,
      { returnRequest: null },
      { unitId: o.unitId, requestReason: o.returnRequest?.reason, reason: a.reason },
    );
  },

  redispatch(c, a) {
    const o = c.order;
    const bad = first(notSuspended(o, c.type), requireText(a.unitId, 'unitId'), requireText(a.reason, 'reason'));
    if (bad) return bad;
    if (a.unitId === o.unitId)
      return refuse('same_unit', '改派须选择另一单位 / re-dispatch needs a different unit than the one holding it');
    return ok(
      c,
      // a pending 退单/延期 request was the old unit's: it goes with them
      {
        state: 'pending_sign',
        unitId: a.unitId,
        dispatchedAt: c.now,
        signedAt: null,
        returnRequest: null,
        extensionRequest: null,
      },
      { unitId: a.unitId, fromUnitId: o.unitId, reason: a.reason },
    );
  },

  recall(c, a) {
    const o = c.order;
    const bad = first(notSuspended(o, c.type), requireText(a.reason, 'reason'));
    if (bad) return bad;
    return ok(
      c,
      // back to 待分拨, like an approved 退单 but not counted against the unit (bounceCount stays)
      { state: 'pending_dispatch', unitId: null, signedAt: null, returnRequest: null, extensionRequest: null },
      { unitId: o.unitId, reason: a.reason },
    );
  },
};
