/** 延期、挂起、恢复: the clock — extensions, suspending and resuming. */
import { requireDeadlines } from './deadlines';
import { checkNewDeadline, noReturnPending, notSuspended, refuse, requireText } from './guards';
import { type PauseSpan } from './types';
import { type Handlers, ok, first, optionalText, restartClock, noExtensionRequest } from './transition-context';

export const timeHandlers: Handlers<
  'request_extension' | 'approve_extension' | 'reject_extension' | 'suspend' | 'resume'
> = {
  request_extension(c, a) {
    const o = c.order;
    const deadline = o.completionDeadline;
    const bad = first(
      notSuspended(o, c.type),
      noReturnPending(o, c.type),
      o.extensionRequest
        ? refuse('extension_pending', '已有延期申请待审批 / an extension request is already pending')
        : null,
      deadline === null ? refuse('no_deadline', '工单尚无办结时限 / the order has no completion deadline') : null,
      deadline !== null && c.now >= deadline
        ? refuse('deadline_passed', '已超过办结时限，不能再申请延期 / extensions must be asked before the deadline')
        : null,
      requireText(a.reason, 'reason'),
    );
    if (bad || deadline === null) return bad!;
    const hasDate = a.newDeadline !== undefined && a.newDeadline !== null;
    const hasDays = a.addWorkingDays !== undefined && a.addWorkingDays !== null;
    if (!hasDate && !hasDays)
      return refuse('missing_field', '须填写新的时限或延长的工作日数 / newDeadline or addWorkingDays is required');
    if (hasDate && hasDays)
      return refuse('invalid_input', '新的时限与延长工作日数只能填一项 / give newDeadline or addWorkingDays, not both');
    let requestedDeadline: number;
    if (hasDays) {
      const days = a.addWorkingDays;
      if (!Number.isInteger(days) || (days as number) < 1) {
        return refuse(
          'invalid_input',
          `延长工作日数须为正整数 / addWorkingDays must be a positive integer, got ${days}`,
        );
      }
      requestedDeadline = requireDeadlines(c.opts, c.type).addWorkingDays(deadline, days as number);
    } else {
      const wrong = checkNewDeadline(a.newDeadline, deadline, c.now, '新的时限');
      if (wrong) return wrong;
      requestedDeadline = a.newDeadline as number;
    }
    const extensionRequest = {
      by: c.actor.userId,
      at: c.now,
      reason: a.reason,
      requestedDeadline,
      addWorkingDays: hasDays ? (a.addWorkingDays as number) : null,
    };
    return ok(c, { extensionRequest }, { currentDeadline: deadline, requestedDeadline, reason: a.reason });
  },

  approve_extension(c, a) {
    const o = c.order;
    const req = o.extensionRequest;
    const bad = first(notSuspended(o, c.type), req ? null : noExtensionRequest());
    if (bad || !req) return bad!;
    let granted = req.requestedDeadline;
    if (a.newDeadline !== undefined && a.newDeadline !== null) {
      const wrong = checkNewDeadline(a.newDeadline, o.completionDeadline, c.now, '批准的时限');
      if (wrong) return wrong;
      granted = a.newDeadline;
    }
    return ok(
      c,
      { completionDeadline: granted, extensionRequest: null, extensionCount: o.extensionCount + 1 },
      {
        previousDeadline: o.completionDeadline,
        requestedDeadline: req.requestedDeadline,
        grantedDeadline: granted,
        note: optionalText(a.note),
      },
    );
  },

  reject_extension(c, a) {
    const o = c.order;
    const bad = first(o.extensionRequest ? null : noExtensionRequest(), requireText(a.reason, 'reason'));
    if (bad) return bad;
    return ok(
      c,
      { extensionRequest: null },
      { requestedDeadline: o.extensionRequest?.requestedDeadline, reason: a.reason },
    );
  },

  suspend(c, a) {
    const o = c.order;
    const bad = first(
      o.suspended ? refuse('already_suspended', '工单已挂起 / the order is already suspended') : null,
      requireText(a.reason, 'reason'),
    );
    if (bad) return bad;
    const span: PauseSpan = { from: c.now, to: null, kind: 'suspend', reason: a.reason, by: c.actor.userId };
    return ok(c, { suspended: true, pauses: [...o.pauses, span] }, { reason: a.reason });
  },

  resume(c, a) {
    const o = c.order;
    if (!o.suspended) return refuse('not_suspended', '工单未挂起 / the order is not suspended');
    const openAt = o.pauses.findLastIndex((p) => p.kind === 'suspend' && p.to === null);
    const open = openAt >= 0 ? o.pauses[openAt] : null;
    // A suspended flag without an open span (bad data) resumes without moving any deadline.
    const r = restartClock(c, open?.from ?? c.now, {
      kind: 'suspend',
      reason: open?.reason ?? '',
      by: open?.by ?? c.actor.userId,
    });
    const pauses = openAt >= 0 ? o.pauses.map((p, i) => (i === openAt ? r.span : p)) : [...o.pauses];
    return ok(
      c,
      { suspended: false, pauses, completionDeadline: r.completionDeadline, signDeadline: r.signDeadline },
      {
        pausedFrom: r.span.from,
        creditedMs: r.span.creditedMs,
        completionDeadline: r.completionDeadline,
        note: optionalText(a.note),
      },
    );
  },
};
