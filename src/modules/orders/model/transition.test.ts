/** Targeted rules of the work-order state machine, walked through with applyPatch. */
import { describe, expect, it } from 'vitest';
import type { OrderAction } from './actions';
import { availableActions } from './available';
import type { RuleOptions } from './deadlines';
import { applyPatch, transition, type TransitionResult } from './transition';
import { newOrderSnapshot, type Actor, type OrderSnapshot } from './types';
import { ACTORS, DAY, HOUR, NOW, OPTS, T0, UNIT, deepFreeze, order } from './testing';

const { dispatcher, handler, leader, citizen, system } = ACTORS;
const handler2: Actor = { userId: 'u-h2', roles: ['handler'], orgIds: ['unit-2'] };

/** Apply an action that must succeed; returns the new order (frozen, so mutation would throw). */
function step(
  o: OrderSnapshot,
  action: OrderAction,
  actor: Actor,
  now: number,
  opts: RuleOptions = OPTS,
): OrderSnapshot {
  const r = transition(o, action, actor, now, opts);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.code} ${r.reason}`);
  return deepFreeze(applyPatch(o, r.patch));
}

function refusal(r: TransitionResult) {
  return r.ok ? { ok: true } : { ok: false, status: r.status, code: r.code };
}

describe('a whole life', () => {
  it('dispatch → sign → contact → reply → approve → visit → archive', () => {
    let o = deepFreeze(newOrderSnapshot({ id: 'o-9', reporterId: 'citizen-1' }));
    o = step(o, { type: 'dispatch', unitId: UNIT }, system, T0);
    expect(o).toMatchObject({
      state: 'pending_sign',
      unitId: UNIT,
      clockStartedAt: T0,
      dispatchedAt: T0,
      signDeadline: T0 + DAY,
      completionDeadline: T0 + 5 * DAY,
    });
    o = step(o, { type: 'sign' }, handler, T0 + HOUR);
    expect(o).toMatchObject({ state: 'handling', signedAt: T0 + HOUR });
    o = step(o, { type: 'contact', method: 'phone' }, handler, T0 + 2 * HOUR);
    o = step(o, { type: 'contact', method: 'visit' }, handler, T0 + 5 * HOUR);
    expect(o.firstContactAt).toBe(T0 + 2 * HOUR);
    o = step(o, { type: 'submit_reply', reply: '已修复路灯' }, handler, T0 + DAY);
    expect(o).toMatchObject({
      state: 'pending_review',
      reply: '已修复路灯',
      repliedAt: T0 + DAY,
      clockStoppedAt: T0 + DAY,
    });
    o = step(o, { type: 'approve_reply' }, dispatcher, T0 + DAY + HOUR);
    expect(o.state).toBe('pending_visit');
    o = step(o, { type: 'visit', result: 'basically_satisfied' }, dispatcher, T0 + 2 * DAY);
    expect(o).toMatchObject({
      state: 'closed',
      visitResult: 'basically_satisfied',
      visitedAt: T0 + 2 * DAY,
      closedAt: T0 + 2 * DAY,
    });
    o = step(o, { type: 'archive' }, system, T0 + 30 * DAY);
    expect(o).toMatchObject({ state: 'archived', archivedAt: T0 + 30 * DAY });
    expect(availableActions(o, dispatcher, T0 + 31 * DAY, OPTS)).toEqual([]);
  });

  it('emits one event naming the order, actor, states and details', () => {
    const r = transition(order('pending_dispatch'), { type: 'dispatch', unitId: UNIT }, dispatcher, T0, OPTS);
    expect(r).toEqual({
      ok: true,
      patch: {
        state: 'pending_sign',
        unitId: UNIT,
        dispatchedAt: T0,
        clockStartedAt: T0,
        signDeadline: T0 + DAY,
        completionDeadline: T0 + 5 * DAY,
      },
      event: {
        type: 'order.dispatched',
        data: {
          orderId: 'o-1',
          by: 'u-dispatcher',
          from: 'pending_dispatch',
          to: 'pending_sign',
          unitId: UNIT,
          redispatch: false,
          bounceCount: 0,
        },
      },
    });
  });

  it('urgency picks the completion limit through the calculator', () => {
    const o = order('pending_dispatch', { urgency: 'urgent' });
    expect(step(o, { type: 'dispatch', unitId: UNIT }, dispatcher, T0).completionDeadline).toBe(T0 + 2 * DAY);
  });

  it('direct reply closes at once when no return visit is needed, else waits for it', () => {
    const answered = step(
      order('pending_dispatch', { needsVisit: false }),
      { type: 'direct_reply', reply: '政策如下' },
      dispatcher,
      T0,
    );
    expect(answered).toMatchObject({ state: 'closed', closedAt: T0, reply: '政策如下', repliedAt: T0 });
    expect(step(order('pending_dispatch'), { type: 'direct_reply', reply: '政策如下' }, dispatcher, T0)).toMatchObject({
      state: 'pending_visit',
      closedAt: null,
    });
  });

  it('approving a reply closes at once when no return visit is needed', () => {
    expect(
      step(order('pending_review', { needsVisit: false }), { type: 'approve_reply' }, dispatcher, NOW),
    ).toMatchObject({ state: 'closed', closedAt: NOW });
  });

  it('never mutates the order it is given', () => {
    const o = order('handling');
    const copy = structuredClone(o);
    for (const a of [
      { type: 'suspend', reason: 'x' },
      { type: 'submit_reply', reply: 'x' },
      { type: 'merge', mainOrderId: 'm', mainOrderState: 'handling' },
    ] as OrderAction[]) {
      transition(o, a, dispatcher, NOW, OPTS);
      transition(o, a, handler, NOW, OPTS);
    }
    expect(o).toEqual(copy);
  });

  it('refuses unknown actions with 400', () => {
    expect(
      refusal(transition(order('handling'), { type: 'fly' } as unknown as OrderAction, dispatcher, NOW, OPTS)),
    ).toEqual({ ok: false, status: 400, code: 'invalid_input' });
  });

  it('a missing DeadlineCalculator is a wiring bug, not a refusal', () => {
    expect(() => transition(order('pending_dispatch'), { type: 'dispatch', unitId: UNIT }, dispatcher, T0)).toThrow(
      /DeadlineCalculator/,
    );
    // actions that need no working time work without it
    expect(transition(order('handling'), { type: 'urge' }, dispatcher, NOW).ok).toBe(true);
  });
});

describe('退单 and 改派 (the clock never restarts)', () => {
  it('re-dispatch after an approved return keeps the first clock', () => {
    let o = step(order('pending_dispatch'), { type: 'dispatch', unitId: UNIT }, dispatcher, T0);
    o = step(o, { type: 'sign' }, handler, T0 + HOUR);
    o = step(o, { type: 'request_return', reason: '非本单位职责' }, handler, T0 + 2 * HOUR);
    expect(o.returnRequest).toEqual({ by: 'u-handler', at: T0 + 2 * HOUR, unitId: UNIT, reason: '非本单位职责' });
    expect(o.state).toBe('handling');
    o = step(o, { type: 'approve_return' }, dispatcher, T0 + DAY);
    expect(o).toMatchObject({
      state: 'pending_dispatch',
      unitId: null,
      signedAt: null,
      bounceCount: 1,
      returnRequest: null,
    });
    o = step(o, { type: 'dispatch', unitId: 'unit-2' }, dispatcher, T0 + 2 * DAY);
    expect(o).toMatchObject({
      state: 'pending_sign',
      unitId: 'unit-2',
      dispatchedAt: T0 + 2 * DAY,
      clockStartedAt: T0,
      signDeadline: T0 + DAY,
      completionDeadline: T0 + 5 * DAY,
    });
    // the first unit has lost the order; the new one holds it
    expect(refusal(transition(o, { type: 'sign' }, handler, T0 + 2 * DAY, OPTS))).toMatchObject({
      code: 'out_of_scope',
    });
    expect(step(o, { type: 'sign' }, handler2, T0 + 2 * DAY).state).toBe('handling');
  });

  it('re-dispatch event says so', () => {
    const o = order('pending_dispatch', {
      clockStartedAt: T0,
      signDeadline: T0 + DAY,
      completionDeadline: T0 + 5 * DAY,
      bounceCount: 1,
    });
    const r = transition(o, { type: 'dispatch', unitId: 'unit-2' }, dispatcher, NOW, OPTS);
    expect(r.ok && r.event.data).toMatchObject({ redispatch: true, bounceCount: 1 });
    expect(r.ok && r.patch).toEqual({ state: 'pending_sign', unitId: 'unit-2', dispatchedAt: NOW });
  });

  it('a rejected return leaves the order where it was', () => {
    let o = order('pending_sign');
    o = step(o, { type: 'request_return', reason: '不是我们的' }, handler, NOW);
    const r = transition(o, { type: 'reject_return', reason: '属地管理' }, dispatcher, NOW + HOUR, OPTS);
    expect(r.ok && r.patch).toEqual({ returnRequest: null });
    expect(r.ok && r.event).toMatchObject({
      type: 'order.return_rejected',
      data: { reason: '属地管理', requestReason: '不是我们的' },
    });
  });

  it('approving a return drops a pending extension request (the next unit starts afresh)', () => {
    const o = order('handling', {
      returnRequest: { by: 'u-handler', at: NOW, unitId: UNIT, reason: 'x' },
      extensionRequest: {
        by: 'u-handler',
        at: NOW,
        reason: 'y',
        requestedDeadline: NOW + 9 * DAY,
        addWorkingDays: null,
      },
    });
    expect(step(o, { type: 'approve_return' }, dispatcher, NOW).extensionRequest).toBeNull();
  });
});

describe('bounce limit (终审)', () => {
  it('refuses a third return request by default, and the unit must then sign', () => {
    let o = order('pending_dispatch');
    for (let i = 0; i < 2; i++) {
      o = step(o, { type: 'dispatch', unitId: UNIT }, dispatcher, T0 + i * HOUR);
      o = step(o, { type: 'request_return', reason: '非本单位' }, handler, T0 + i * HOUR + 1);
      o = step(o, { type: 'approve_return' }, dispatcher, T0 + i * HOUR + 2);
    }
    expect(o.bounceCount).toBe(2);
    o = step(o, { type: 'dispatch', unitId: UNIT }, dispatcher, T0 + 3 * HOUR);
    const r = transition(o, { type: 'request_return', reason: '还是不是' }, handler, T0 + 4 * HOUR, OPTS);
    expect(refusal(r)).toEqual({ ok: false, status: 409, code: 'bounce_limit_reached' });
    expect(availableActions(o, handler, T0 + 4 * HOUR, OPTS)).not.toContain('request_return');
    expect(step(o, { type: 'sign' }, handler, T0 + 4 * HOUR).state).toBe('handling');
  });

  it('follows the maxBounces option', () => {
    const o = order('handling', { bounceCount: 2 });
    expect(transition(o, { type: 'request_return', reason: 'x' }, handler, NOW, { ...OPTS, maxBounces: 3 }).ok).toBe(
      true,
    );
    expect(
      refusal(
        transition(order('handling', { bounceCount: 1 }), { type: 'request_return', reason: 'x' }, handler, NOW, {
          ...OPTS,
          maxBounces: 1,
        }),
      ),
    ).toMatchObject({ code: 'bounce_limit_reached' });
    expect(
      refusal(
        transition(order('handling'), { type: 'request_return', reason: 'x' }, handler, NOW, {
          ...OPTS,
          maxBounces: 0,
        }),
      ),
    ).toMatchObject({ code: 'bounce_limit_reached' });
  });
});

describe('延期 (extension)', () => {
  const ask = (over: Partial<Extract<OrderAction, { type: 'request_extension' }>> = {}): OrderAction => ({
    type: 'request_extension',
    reason: '需协调施工',
    ...over,
  });
  const deadline = T0 + 5 * DAY; // fixtures' completion deadline

  it('asked in working days, counted from the current deadline; approval moves the deadline', () => {
    let o = step(order('handling'), ask({ addWorkingDays: 3 }), handler, NOW);
    expect(o.extensionRequest).toEqual({
      by: 'u-handler',
      at: NOW,
      reason: '需协调施工',
      requestedDeadline: deadline + 3 * DAY,
      addWorkingDays: 3,
    });
    expect(o.completionDeadline).toBe(deadline);
    o = step(o, { type: 'approve_extension' }, leader, NOW + HOUR);
    expect(o).toMatchObject({ completionDeadline: deadline + 3 * DAY, extensionRequest: null, extensionCount: 1 });
  });

  it('a new deadline must be an integer instant after the current deadline and now, at most a year on', () => {
    for (const newDeadline of [1e20, deadline + 367 * DAY, Infinity, deadline + 0.5, deadline, NOW - DAY]) {
      expect(
        refusal(transition(order('handling'), ask({ newDeadline }), handler, NOW, OPTS)),
        String(newDeadline),
      ).toMatchObject({ code: 'invalid_input' });
    }
    expect(
      step(order('handling'), ask({ newDeadline: deadline + 366 * DAY }), handler, NOW).extensionRequest
        ?.requestedDeadline,
    ).toBe(deadline + 366 * DAY);
    const asked = step(order('handling'), ask({ addWorkingDays: 1 }), handler, NOW);
    for (const newDeadline of [1e20, deadline + 400 * DAY]) {
      expect(
        refusal(transition(asked, { type: 'approve_extension', newDeadline }, dispatcher, NOW, OPTS)),
        String(newDeadline),
      ).toMatchObject({ code: 'invalid_input' });
    }
    // granted after the deadline has passed: not before now
    expect(
      refusal(
        transition(
          asked,
          { type: 'approve_extension', newDeadline: deadline + HOUR },
          dispatcher,
          deadline + DAY,
          OPTS,
        ),
      ),
    ).toMatchObject({ code: 'invalid_input' });
  });

  it('asked as a new deadline; the approver may grant a different one', () => {
    let o = step(order('pending_sign'), ask({ newDeadline: deadline + 10 * DAY }), handler, NOW);
    expect(o.extensionRequest?.requestedDeadline).toBe(deadline + 10 * DAY);
    const r = transition(o, { type: 'approve_extension', newDeadline: deadline + 4 * DAY }, dispatcher, NOW, OPTS);
    expect(r.ok && r.event.data).toMatchObject({
      requestedDeadline: deadline + 10 * DAY,
      grantedDeadline: deadline + 4 * DAY,
      previousDeadline: deadline,
    });
    o = step(o, { type: 'approve_extension', newDeadline: deadline + 4 * DAY }, dispatcher, NOW);
    expect(o.completionDeadline).toBe(deadline + 4 * DAY);
    expect(
      refusal(
        transition(
          step(order('handling'), ask({ addWorkingDays: 1 }), handler, NOW),
          { type: 'approve_extension', newDeadline: deadline },
          dispatcher,
          NOW,
          OPTS,
        ),
      ),
    ).toMatchObject({ code: 'invalid_input' });
  });

  it('only before the deadline', () => {
    expect(transition(order('handling'), ask({ addWorkingDays: 1 }), handler, deadline - 1, OPTS).ok).toBe(true);
    for (const t of [deadline, deadline + 1, deadline + 3 * DAY]) {
      expect(refusal(transition(order('handling'), ask({ addWorkingDays: 1 }), handler, t, OPTS))).toEqual({
        ok: false,
        status: 409,
        code: 'deadline_passed',
      });
      expect(availableActions(order('handling'), handler, t, OPTS)).not.toContain('request_extension');
    }
  });

  it('a request made in time may still be approved after the deadline', () => {
    const o = step(order('handling'), ask({ addWorkingDays: 2 }), handler, deadline - HOUR);
    expect(step(o, { type: 'approve_extension' }, dispatcher, deadline + HOUR).completionDeadline).toBe(
      deadline + 2 * DAY,
    );
  });

  it('one pending at a time; rejection keeps the deadline', () => {
    const o = step(order('handling'), ask({ addWorkingDays: 2 }), handler, NOW);
    expect(refusal(transition(o, ask({ addWorkingDays: 5 }), handler, NOW, OPTS))).toMatchObject({
      code: 'extension_pending',
    });
    const rejected = step(o, { type: 'reject_extension', reason: '理由不足' }, leader, NOW);
    expect(rejected).toMatchObject({ extensionRequest: null, completionDeadline: deadline, extensionCount: 0 });
    expect(transition(rejected, ask({ addWorkingDays: 1 }), handler, NOW, OPTS).ok).toBe(true);
  });

  it('validates what is asked', () => {
    const o = order('handling');
    const cases: Array<[OrderAction, string]> = [
      [ask(), 'missing_field'],
      [ask({ addWorkingDays: 2, newDeadline: deadline + DAY }), 'invalid_input'],
      [ask({ addWorkingDays: 0 }), 'invalid_input'],
      [ask({ addWorkingDays: 1.5 }), 'invalid_input'],
      [ask({ newDeadline: deadline }), 'invalid_input'],
      [ask({ newDeadline: deadline - DAY }), 'invalid_input'],
      [ask({ newDeadline: Number.NaN }), 'invalid_input'],
      [{ type: 'request_extension', addWorkingDays: 1 } as OrderAction, 'missing_field'],
      [ask({ reason: '   ', addWorkingDays: 1 }), 'missing_field'],
    ];
    for (const [a, code] of cases)
      expect(refusal(transition(o, a, handler, NOW, OPTS)), JSON.stringify(a)).toMatchObject({ status: 400, code });
  });

  it('submitting the reply drops a pending request', () => {
    const o = step(order('handling'), ask({ addWorkingDays: 2 }), handler, NOW);
    expect(step(o, { type: 'submit_reply', reply: '好了' }, handler, NOW).extensionRequest).toBeNull();
  });

  it('an order with no deadline cannot be extended', () => {
    const o = order('handling', { completionDeadline: null });
    expect(refusal(transition(o, ask({ addWorkingDays: 1 }), handler, NOW, OPTS))).toMatchObject({
      code: 'no_deadline',
    });
  });
});

describe('挂起 (suspend) pauses the clock', () => {
  it('resume grants back the working time that was left', () => {
    let o = step(order('handling'), { type: 'suspend', reason: '等待鉴定' }, dispatcher, T0 + DAY);
    expect(o.suspended).toBe(true);
    expect(o.pauses).toEqual([{ from: T0 + DAY, to: null, kind: 'suspend', reason: '等待鉴定', by: 'u-dispatcher' }]);
    expect(o.completionDeadline).toBe(T0 + 5 * DAY);
    o = step(o, { type: 'resume' }, dispatcher, T0 + 3 * DAY);
    expect(o).toMatchObject({ suspended: false, completionDeadline: T0 + 7 * DAY, signDeadline: T0 + DAY });
    expect(o.pauses).toEqual([
      {
        from: T0 + DAY,
        to: T0 + 3 * DAY,
        kind: 'suspend',
        reason: '等待鉴定',
        by: 'u-dispatcher',
        creditedMs: 2 * DAY,
      },
    ]);
  });

  it('an unsigned order gets its sign deadline pushed too', () => {
    let o = step(order('pending_sign'), { type: 'suspend', reason: 'x' }, dispatcher, T0 + HOUR);
    o = step(o, { type: 'resume' }, dispatcher, T0 + 2 * DAY + HOUR);
    expect(o).toMatchObject({ signDeadline: T0 + 3 * DAY, completionDeadline: T0 + 7 * DAY });
  });

  it('a deadline already passed when suspended stays passed', () => {
    let o = step(order('handling'), { type: 'suspend', reason: 'x' }, dispatcher, T0 + 6 * DAY);
    o = step(o, { type: 'resume' }, dispatcher, T0 + 8 * DAY);
    expect(o.completionDeadline).toBe(T0 + 5 * DAY);
    expect(o.pauses[0].creditedMs).toBe(0);
  });

  it('several pauses add up', () => {
    let o = order('handling');
    o = step(o, { type: 'suspend', reason: 'a' }, dispatcher, T0 + DAY);
    o = step(o, { type: 'resume' }, dispatcher, T0 + DAY + 6 * HOUR);
    o = step(o, { type: 'suspend', reason: 'b' }, dispatcher, T0 + 2 * DAY);
    o = step(o, { type: 'resume' }, dispatcher, T0 + 2 * DAY + 18 * HOUR);
    expect(o.completionDeadline).toBe(T0 + 6 * DAY);
    expect(o.pauses.map((p) => p.creditedMs)).toEqual([6 * HOUR, 18 * HOUR]);
  });

  it('while suspended the unit cannot move the order, the centre can still note and refuse', () => {
    const o = step(order('handling'), { type: 'suspend', reason: 'x' }, dispatcher, NOW);
    expect(availableActions(o, handler, NOW, OPTS)).toEqual(['contact']);
    expect(availableActions(o, dispatcher, NOW, OPTS)).toEqual(['resume', 'urge', 'supervise']);
    expect(refusal(transition(o, { type: 'suspend', reason: 'y' }, dispatcher, NOW, OPTS))).toMatchObject({
      code: 'already_suspended',
    });
  });

  it('a suspended flag without an open span resumes without moving deadlines', () => {
    const o = order('handling', { suspended: true });
    const r = step(o, { type: 'resume' }, dispatcher, NOW);
    expect(r).toMatchObject({ suspended: false, completionDeadline: T0 + 5 * DAY });
  });

  it('only the dispatcher suspends and resumes, with a reason to suspend', () => {
    expect(refusal(transition(order('handling'), { type: 'suspend', reason: 'x' }, leader, NOW, OPTS))).toMatchObject({
      code: 'role_not_allowed',
    });
    expect(
      refusal(transition(order('handling'), { type: 'suspend', reason: '' }, dispatcher, NOW, OPTS)),
    ).toMatchObject({ code: 'missing_field' });
  });
});

describe('退回重办 (reply sent back)', () => {
  it('the unit gets back the time it had left when it replied', () => {
    // replied at T0+2d with the deadline at T0+5d: 3 days left
    const o = step(order('pending_review'), { type: 'reject_reply', reason: '答复不完整' }, dispatcher, T0 + 3 * DAY);
    expect(o).toMatchObject({ state: 'handling', clockStoppedAt: null, completionDeadline: T0 + 6 * DAY });
    expect(o.pauses).toEqual([
      {
        from: T0 + 2 * DAY,
        to: T0 + 3 * DAY,
        kind: 'review',
        reason: '答复不完整',
        by: 'u-dispatcher',
        creditedMs: DAY,
      },
    ]);
  });

  it('a late reply stays late', () => {
    const late = order('pending_review', { repliedAt: T0 + 6 * DAY, clockStoppedAt: T0 + 6 * DAY });
    expect(step(late, { type: 'reject_reply', reason: 'x' }, dispatcher, T0 + 7 * DAY).completionDeadline).toBe(
      T0 + 5 * DAY,
    );
  });
});

describe('回访 (return visit)', () => {
  it('unsatisfied reopens for 重办 with a fresh deadline', () => {
    const visitAt = T0 + 4 * DAY;
    const o = step(
      order('pending_visit'),
      { type: 'visit', result: 'unsatisfied', note: '路灯仍不亮' },
      dispatcher,
      visitAt,
    );
    expect(o).toMatchObject({
      state: 'handling',
      unitId: UNIT,
      visitResult: 'unsatisfied',
      visitedAt: visitAt,
      reopenCount: 1,
      reopenedAt: visitAt,
      clockStoppedAt: null,
      completionDeadline: visitAt + 3 * DAY,
      closedAt: null,
    });
    // the same unit carries on without signing again, and can reply again
    expect(availableActions(o, handler, visitAt, OPTS)).toContain('submit_reply');
    let again = step(o, { type: 'submit_reply', reply: '已更换灯泡' }, handler, visitAt + DAY);
    again = step(again, { type: 'approve_reply' }, dispatcher, visitAt + DAY);
    again = step(again, { type: 'visit', result: 'unsatisfied' }, dispatcher, visitAt + 2 * DAY);
    expect(again).toMatchObject({ reopenCount: 2, completionDeadline: visitAt + 5 * DAY });
  });

  it('satisfied, basically satisfied and unreachable close', () => {
    for (const result of ['satisfied', 'basically_satisfied', 'unreachable'] as const) {
      expect(step(order('pending_visit'), { type: 'visit', result }, dispatcher, NOW)).toMatchObject({
        state: 'closed',
        closedAt: NOW,
        visitResult: result,
        reopenCount: 0,
      });
    }
  });

  it('validates the result', () => {
    const o = order('pending_visit');
    expect(refusal(transition(o, { type: 'visit' } as OrderAction, dispatcher, NOW, OPTS))).toMatchObject({
      status: 400,
      code: 'missing_field',
    });
    expect(
      refusal(transition(o, { type: 'visit', result: 'happy' } as unknown as OrderAction, dispatcher, NOW, OPTS)),
    ).toMatchObject({ status: 400, code: 'invalid_input' });
  });
});

describe('合并 (merge into a main order)', () => {
  const merge = (mainOrderId: string, mainOrderState: string) =>
    ({ type: 'merge', mainOrderId, mainOrderState }) as OrderAction;

  it('records the main order and stops the clock', () => {
    const o = step(
      order('handling', { returnRequest: { by: 'u-handler', at: NOW, unitId: UNIT, reason: 'x' } }),
      merge('o-main', 'handling'),
      dispatcher,
      NOW,
    );
    expect(o).toMatchObject({ state: 'merged', mergedInto: 'o-main', clockStoppedAt: NOW, returnRequest: null });
  });

  it('main order in any state but merged or cancelled', () => {
    for (const s of [
      'pending_dispatch',
      'pending_sign',
      'handling',
      'pending_review',
      'pending_visit',
      'closed',
      'archived',
    ]) {
      expect(transition(order('pending_dispatch'), merge('o-main', s), dispatcher, NOW, OPTS).ok, s).toBe(true);
    }
    for (const s of ['merged', 'cancelled']) {
      expect(refusal(transition(order('pending_dispatch'), merge('o-main', s), dispatcher, NOW, OPTS)), s).toEqual({
        ok: false,
        status: 409,
        code: 'invalid_main_order',
      });
    }
  });

  it('not into itself, and needs the main order named', () => {
    expect(refusal(transition(order('handling'), merge('o-1', 'handling'), dispatcher, NOW, OPTS))).toEqual({
      ok: false,
      status: 400,
      code: 'merge_into_self',
    });
    expect(refusal(transition(order('handling'), merge('', 'handling'), dispatcher, NOW, OPTS))).toMatchObject({
      status: 400,
      code: 'missing_field',
    });
    expect(
      refusal(
        transition(order('handling'), { type: 'merge', mainOrderId: 'o-main' } as OrderAction, dispatcher, NOW, OPTS),
      ),
    ).toMatchObject({ status: 400, code: 'missing_field' });
    expect(refusal(transition(order('handling'), merge('o-main', 'lost'), dispatcher, NOW, OPTS))).toMatchObject({
      status: 400,
      code: 'invalid_input',
    });
  });

  it('an order already closed, archived, cancelled or merged cannot be merged', () => {
    for (const s of ['closed', 'archived', 'cancelled', 'merged'] as const) {
      expect(refusal(transition(order(s), merge('o-main', 'handling'), dispatcher, NOW, OPTS))).toMatchObject({
        code: 'invalid_state',
      });
    }
  });
});

describe('撤销 (cancel)', () => {
  it('the reporting citizen may cancel only while it waits for dispatch', () => {
    expect(step(order('pending_dispatch'), { type: 'cancel', reason: '已自行解决' }, citizen, NOW)).toMatchObject({
      state: 'cancelled',
      cancelledAt: NOW,
    });
    for (const s of ['pending_sign', 'handling', 'pending_review', 'pending_visit', 'closed'] as const) {
      expect(refusal(transition(order(s), { type: 'cancel', reason: '已自行解决' }, citizen, NOW, OPTS)), s).toEqual({
        ok: false,
        status: 409,
        code: 'invalid_state',
      });
    }
  });

  it('the centre may cancel until the unit replies, dropping pending requests', () => {
    const o = order('handling', { returnRequest: { by: 'u-handler', at: NOW, unitId: UNIT, reason: 'x' } });
    const r = transition(o, { type: 'cancel', reason: '重复来电' }, dispatcher, NOW, OPTS);
    expect(r.ok && r.patch).toEqual({
      state: 'cancelled',
      cancelledAt: NOW,
      clockStoppedAt: NOW,
      returnRequest: null,
      extensionRequest: null,
    });
    expect(r.ok && r.event.data).toMatchObject({ reason: '重复来电', byCitizen: false });
  });

  it('needs a reason', () => {
    expect(
      refusal(transition(order('pending_dispatch'), { type: 'cancel', reason: '' }, citizen, NOW, OPTS)),
    ).toMatchObject({ status: 400, code: 'missing_field' });
  });
});

describe('催办 and 督办', () => {
  it('urging counts and notes, nothing else', () => {
    const r = transition(
      order('handling', { urgeCount: 2 }),
      { type: 'urge', note: '市民再次来电' },
      system,
      NOW,
      OPTS,
    );
    expect(r.ok && r.patch).toEqual({ urgeCount: 3, lastUrgedAt: NOW });
    expect(r.ok && r.event).toMatchObject({
      type: 'order.urged',
      data: { unitId: UNIT, note: '市民再次来电', urgeCount: 3 },
    });
  });

  it('supervision climbs one level at a time up to 3, with a note', () => {
    let o = order('handling');
    for (const level of [1, 2, 3]) {
      o = step(o, { type: 'supervise', note: `第${level}次督办` }, leader, NOW);
      expect(o.supervisionLevel).toBe(level);
    }
    expect(refusal(transition(o, { type: 'supervise', note: '再督' }, leader, NOW, OPTS))).toEqual({
      ok: false,
      status: 409,
      code: 'supervision_max',
    });
    expect(refusal(transition(order('handling'), { type: 'supervise', note: '' }, leader, NOW, OPTS))).toMatchObject({
      code: 'missing_field',
    });
  });
});

describe('missing fields → 400', () => {
  const cases: Array<[OrderSnapshot, OrderAction, Actor]> = [
    [order('pending_dispatch'), { type: 'dispatch' } as OrderAction, dispatcher],
    [order('pending_dispatch'), { type: 'dispatch', unitId: ' ' }, dispatcher],
    [order('pending_dispatch'), { type: 'direct_reply' } as OrderAction, dispatcher],
    [order('handling'), { type: 'request_return' } as OrderAction, handler],
    [
      order('handling', { returnRequest: { by: 'h', at: NOW, unitId: UNIT, reason: 'x' } }),
      { type: 'reject_return' } as OrderAction,
      dispatcher,
    ],
    [
      order('handling', {
        extensionRequest: { by: 'h', at: NOW, reason: 'x', requestedDeadline: NOW + 9 * DAY, addWorkingDays: null },
      }),
      { type: 'reject_extension' } as OrderAction,
      leader,
    ],
    [order('handling'), { type: 'suspend' } as OrderAction, dispatcher],
    [order('handling'), { type: 'supervise' } as OrderAction, dispatcher],
    [order('handling'), { type: 'submit_reply', reply: '' }, handler],
    [order('pending_review'), { type: 'reject_reply' } as OrderAction, dispatcher],
    [order('pending_dispatch'), { type: 'cancel' } as OrderAction, dispatcher],
    [order('handling'), { type: 'merge', mainOrderState: 'handling' } as OrderAction, dispatcher],
  ];
  for (const [o, a, actor] of cases) {
    it(`${a.type} ${JSON.stringify(a)}`, () => {
      expect(refusal(transition(o, a, actor, NOW, OPTS))).toEqual({ ok: false, status: 400, code: 'missing_field' });
    });
  }
});

describe('改派 and 收回: the centre corrects a dispatch', () => {
  it('改派 moves a signed order to another unit, who must sign for it; no deadline moves', () => {
    const o = order('handling', { returnRequest: { by: 'u-h', at: NOW - HOUR, unitId: UNIT, reason: '非本单位' } });
    const r = transition(o, { type: 'redispatch', unitId: 'unit-2', reason: '分拨错误' }, dispatcher, NOW, OPTS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.patch).toEqual({
      state: 'pending_sign',
      unitId: 'unit-2',
      dispatchedAt: NOW,
      signedAt: null,
      returnRequest: null,
      extensionRequest: null,
    });
    expect(r.event).toMatchObject({
      type: 'order.redispatched',
      data: { unitId: 'unit-2', fromUnitId: UNIT, reason: '分拨错误', from: 'handling', to: 'pending_sign' },
    });
    const after = applyPatch(o, r.patch);
    expect([after.signDeadline, after.completionDeadline, after.clockStartedAt]).toEqual([
      o.signDeadline,
      o.completionDeadline,
      o.clockStartedAt,
    ]);
    // the new unit signs; the old one no longer may
    expect(transition(after, { type: 'sign' }, handler2, NOW + 1, OPTS).ok).toBe(true);
    expect(refusal(transition(after, { type: 'sign' }, handler, NOW + 1, OPTS))).toMatchObject({
      code: 'out_of_scope',
    });
  });

  it('改派 to the unit already holding the order, or without a reason, is refused', () => {
    const o = order('pending_sign');
    expect(refusal(transition(o, { type: 'redispatch', unitId: UNIT, reason: 'x' }, dispatcher, NOW, OPTS))).toEqual({
      ok: false,
      status: 400,
      code: 'same_unit',
    });
    expect(
      refusal(transition(o, { type: 'redispatch', unitId: 'unit-2', reason: ' ' }, dispatcher, NOW, OPTS)),
    ).toMatchObject({ status: 400 });
  });

  it('收回 returns the order to 待分拨 without counting a 退单 against the unit; the clocks keep running', () => {
    const o = order('pending_sign', { bounceCount: 1 });
    const back = step(o, { type: 'recall', reason: '分拨有误' }, dispatcher, NOW);
    expect(back).toMatchObject({ state: 'pending_dispatch', unitId: null, signedAt: null, bounceCount: 1 });
    expect([back.signDeadline, back.completionDeadline, back.clockStartedAt]).toEqual([
      o.signDeadline,
      o.completionDeadline,
      o.clockStartedAt,
    ]);
    // dispatched again: the clocks are not restarted (a change of unit buys no time)
    const again = step(back, { type: 'dispatch', unitId: 'unit-2' }, dispatcher, NOW + HOUR);
    expect([again.unitId, again.completionDeadline, again.clockStartedAt]).toEqual([
      'unit-2',
      o.completionDeadline,
      o.clockStartedAt,
    ]);
  });

  it('the handler sees neither; the dispatcher sees both while a unit holds the order', () => {
    const types = (o: OrderSnapshot, a: Actor) => availableActions(o, a, NOW, OPTS);
    expect(types(order('handling'), dispatcher)).toEqual(expect.arrayContaining(['redispatch', 'recall']));
    expect(types(order('handling'), handler)).not.toContain('recall');
    expect(types(order('pending_dispatch'), dispatcher)).not.toContain('recall');
  });
});
