/** 联系、答复、审核、回访: handling through to the citizen's answer and the visit back. */
import { requireDeadlines } from './deadlines';
import { noReturnPending, notSuspended, refuse, requireText } from './guards';
import { VISIT_RESULTS } from './types';
import { type Handlers, ok, first, optionalText, restartClock } from './transition-context';

export const replyHandlers: Handlers<
  'contact' | 'submit_reply' | 'approve_reply' | 'reject_reply' | 'direct_reply' | 'visit'
> = {
  contact(c, a) {
    const o = c.order;
    // Every contact is an event; the first one is the indicator (首次联系时间).
    return ok(
      c,
      { firstContactAt: o.firstContactAt ?? c.now },
      { first: o.firstContactAt === null, method: optionalText(a.method), note: optionalText(a.note) },
    );
  },

  submit_reply(c, a) {
    const bad = first(notSuspended(c.order, c.type), noReturnPending(c.order, c.type), requireText(a.reply, 'reply'));
    if (bad) return bad;
    // The unit's clock stops at its reply; a pending extension request is moot.
    return ok(
      c,
      { state: 'pending_review', reply: a.reply, repliedAt: c.now, clockStoppedAt: c.now, extensionRequest: null },
      { reply: a.reply },
    );
  },

  approve_reply(c, a) {
    const closing = !c.order.needsVisit;
    return ok(
      c,
      { state: closing ? 'closed' : 'pending_visit', ...(closing ? { closedAt: c.now } : {}) },
      { note: optionalText(a.note) },
    );
  },

  reject_reply(c, a) {
    const bad = requireText(a.reason, 'reason');
    if (bad) return bad;
    const o = c.order;
    // 退回重办: the unit gets back the time it had left when it replied; review time is the centre's.
    const stoppedAt = o.clockStoppedAt ?? c.now;
    const r = restartClock(c, stoppedAt, { kind: 'review', reason: a.reason, by: c.actor.userId });
    return ok(
      c,
      {
        state: 'handling',
        clockStoppedAt: null,
        completionDeadline: r.completionDeadline,
        signDeadline: r.signDeadline,
        pauses: [...o.pauses, r.span],
      },
      { reason: a.reason, completionDeadline: r.completionDeadline },
    );
  },

  direct_reply(c, a) {
    const bad = requireText(a.reply, 'reply');
    if (bad) return bad;
    const closing = !c.order.needsVisit;
    return ok(
      c,
      {
        state: closing ? 'closed' : 'pending_visit',
        reply: a.reply,
        repliedAt: c.now,
        clockStoppedAt: c.now,
        ...(closing ? { closedAt: c.now } : {}),
      },
      { reply: a.reply },
    );
  },

  visit(c, a) {
    if (!(VISIT_RESULTS as readonly unknown[]).includes(a.result)) {
      return refuse(
        a.result === undefined ? 'missing_field' : 'invalid_input',
        `回访结果须为 ${VISIT_RESULTS.join('|')} / result must be one of ${VISIT_RESULTS.join(', ')}`,
      );
    }
    const o = c.order;
    const note = optionalText(a.note);
    if (a.result !== 'unsatisfied') {
      return ok(
        c,
        { state: 'closed', closedAt: c.now, visitResult: a.result, visitedAt: c.now },
        { result: a.result, note },
      );
    }
    // 不满意 → 重办: back to the same unit with a fresh (rework) deadline.
    const completionDeadline = requireDeadlines(c.opts, c.type).reworkDeadline(c.now, {
      category: o.category,
      urgency: o.urgency,
    });
    return ok(
      c,
      {
        state: 'handling',
        visitResult: 'unsatisfied',
        visitedAt: c.now,
        reopenCount: o.reopenCount + 1,
        reopenedAt: c.now,
        clockStoppedAt: null,
        completionDeadline,
      },
      { result: a.result, note, reopenCount: o.reopenCount + 1, completionDeadline },
    );
  },
};
