/**
 * The work-order state machine: (order, action, actor, now) → a patch and one event, or a typed
 * refusal. Pure: no I/O, no clock of its own, working time only through opts.deadlines.
 */
import { ACTION_RULES, isActionType, type ActionOf, type ActionType, type OrderAction } from './actions';
import { DEFAULT_MAX_BOUNCES, requireDeadlines, type DeadlineCalculator, type RuleOptions } from './deadlines';
import {
  checkAccess,
  checkNewDeadline,
  noReturnPending,
  notSuspended,
  refuse,
  requireText,
  type Refusal,
} from './guards';
import { describeState, isOrderState } from './states';
import { VISIT_RESULTS, type Actor, type OrderSnapshot, type PauseSpan, type SupervisionLevel } from './types';

export interface OrderEvent {
  type: string;
  /** Always orderId, by (actor's userId), from and to (states); then the action's own details. */
  data: Record<string, unknown>;
}

export type TransitionResult = { ok: true; patch: Partial<OrderSnapshot>; event: OrderEvent } | Refusal;

interface Ctx {
  order: OrderSnapshot;
  actor: Actor;
  now: number;
  opts: RuleOptions | undefined;
  type: ActionType;
}

export function transition(
  order: OrderSnapshot,
  action: OrderAction,
  actor: Actor,
  now: number,
  opts?: RuleOptions,
): TransitionResult {
  const type: unknown = action?.type;
  if (!isActionType(type)) return refuse('invalid_input', `未知操作 / unknown action ${JSON.stringify(type)}`);
  const denied = checkAccess(order, type, actor);
  if (denied) return denied;
  const handler = HANDLERS[type] as (c: Ctx, a: OrderAction) => TransitionResult;
  return handler({ order, actor, now, opts, type }, action);
}

/** Apply a successful result's patch (the service does the same against the database row). */
export function applyPatch(order: OrderSnapshot, patch: Partial<OrderSnapshot>): OrderSnapshot {
  return { ...order, ...patch };
}

function ok(c: Ctx, patch: Partial<OrderSnapshot>, details: Record<string, unknown> = {}): TransitionResult {
  const data = {
    orderId: c.order.id,
    by: c.actor.userId,
    from: c.order.state,
    to: patch.state ?? c.order.state,
    ...details,
  };
  return { ok: true, patch, event: { type: ACTION_RULES[c.type].event, data } };
}

const first = (...checks: Array<Refusal | null>): Refusal | null => checks.find((r) => r !== null) ?? null;
const optionalText = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);

/**
 * A deadline after the clock stood still over [from, to): the working time that was left at
 * `from` is granted again from `to`. A deadline already passed at `from` stays passed.
 */
function carryOver(calc: DeadlineCalculator, deadline: number | null, from: number, to: number): number | null {
  if (deadline === null || from >= deadline) return deadline;
  return calc.addWorkingMs(to, calc.workingMsBetween(from, deadline));
}

/** Close the clock-stop span [from, now): push the deadlines out and record the credit. */
function restartClock(c: Ctx, from: number, span: Omit<PauseSpan, 'from' | 'to' | 'creditedMs'>) {
  const calc = requireDeadlines(c.opts, c.type);
  const o = c.order;
  const credited =
    o.completionDeadline !== null && from < o.completionDeadline ? calc.workingMsBetween(from, c.now) : 0;
  return {
    completionDeadline: carryOver(calc, o.completionDeadline, from, c.now),
    signDeadline: o.signedAt === null ? carryOver(calc, o.signDeadline, from, c.now) : o.signDeadline,
    span: { ...span, from, to: c.now, creditedMs: credited } satisfies PauseSpan,
  };
}

const HANDLERS: { [K in ActionType]: (c: Ctx, a: ActionOf<K>) => TransitionResult } = {
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

  urge(c, a) {
    const o = c.order;
    return ok(
      c,
      { urgeCount: o.urgeCount + 1, lastUrgedAt: c.now },
      { unitId: o.unitId, note: optionalText(a.note), urgeCount: o.urgeCount + 1 },
    );
  },

  supervise(c, a) {
    const o = c.order;
    const bad = first(
      o.supervisionLevel >= 3
        ? refuse('supervision_max', '督办已是最高级别 / supervision is already at the highest level (3)')
        : null,
      requireText(a.note, 'note'),
    );
    if (bad) return bad;
    const level = (o.supervisionLevel + 1) as SupervisionLevel;
    return ok(c, { supervisionLevel: level }, { unitId: o.unitId, level, note: a.note });
  },

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

  archive(c) {
    return ok(c, { state: 'archived', archivedAt: c.now });
  },

  merge(c, a) {
    const o = c.order;
    const bad = first(notSuspended(o, c.type), requireText(a.mainOrderId, 'mainOrderId'));
    if (bad) return bad;
    if (a.mainOrderState === undefined || a.mainOrderState === null)
      return refuse('missing_field', '缺少主单状态 / mainOrderState is required');
    if (!isOrderState(a.mainOrderState))
      return refuse('invalid_input', `未知的主单状态 / unknown mainOrderState ${JSON.stringify(a.mainOrderState)}`);
    if (a.mainOrderId === o.id)
      return refuse('merge_into_self', '不能合并到自身 / an order cannot be merged into itself');
    if (a.mainOrderState === 'merged' || a.mainOrderState === 'cancelled') {
      return refuse(
        'invalid_main_order',
        `主单为${describeState(a.mainOrderState)}，不能作为主单 / cannot merge into an order that is ${a.mainOrderState}`,
      );
    }
    return ok(
      c,
      {
        state: 'merged',
        mergedInto: a.mainOrderId,
        clockStoppedAt: c.now,
        returnRequest: null,
        extensionRequest: null,
      },
      { mainOrderId: a.mainOrderId, unitId: o.unitId },
    );
  },

  cancel(c, a) {
    const bad = first(notSuspended(c.order, c.type), requireText(a.reason, 'reason'));
    if (bad) return bad;
    return ok(
      c,
      { state: 'cancelled', cancelledAt: c.now, clockStoppedAt: c.now, returnRequest: null, extensionRequest: null },
      { reason: a.reason, byCitizen: !c.actor.roles.includes('dispatcher') },
    );
  },
};

function noReturnRequest(): Refusal {
  return refuse('no_return_request', '没有待审核的退单申请 / there is no pending return request');
}

function noExtensionRequest(): Refusal {
  return refuse('no_extension_request', '没有待审批的延期申请 / there is no pending extension request');
}
