import { describe, expect, it } from 'vitest';
import { computeClockStatus, stageClockStatus } from './clock';
import { applyPatch, transition } from './transition';
import type { OrderAction } from './actions';
import type { Actor, OrderSnapshot } from './types';
import { ACTORS, DAY, HOUR, OPTS, T0, order, workingMsBetween } from './testing';

// Fixtures: dispatched at T0, sign due T0+1d, completion due T0+5d (5 working days allowed).
const status = (o: OrderSnapshot, now: number, ratio?: number) =>
  computeClockStatus(o, now, workingMsBetween, ratio === undefined ? {} : { dueSoonRatio: ratio });

function step(o: OrderSnapshot, a: OrderAction, actor: Actor, now: number): OrderSnapshot {
  const r = transition(o, a, actor, now, OPTS);
  if (!r.ok) throw new Error(r.code);
  return applyPatch(o, r.patch);
}

describe('computeClockStatus', () => {
  it('no clock before the first dispatch', () => {
    expect(status(order('pending_dispatch'), T0)).toEqual({
      signDue: null,
      signOverdue: false,
      completionDue: null,
      remainingMs: null,
      allowedMs: null,
      evaluatedAt: T0,
      status: 'normal',
    });
  });

  it('normal → due_soon below 20% left → overdue after the deadline', () => {
    const o = order('handling');
    expect(status(o, T0 + HOUR)).toMatchObject({
      status: 'normal',
      remainingMs: 5 * DAY - HOUR,
      allowedMs: 5 * DAY,
      signDue: T0 + DAY,
      completionDue: T0 + 5 * DAY,
    });
    expect(status(o, T0 + 4 * DAY).status).toBe('normal'); // exactly 20% left
    expect(status(o, T0 + 4 * DAY + 1).status).toBe('due_soon');
    expect(status(o, T0 + 5 * DAY)).toMatchObject({ status: 'due_soon', remainingMs: 0 });
    expect(status(o, T0 + 5 * DAY + 1)).toMatchObject({ status: 'overdue', remainingMs: -1 });
    expect(status(o, T0 + 7 * DAY)).toMatchObject({ status: 'overdue', remainingMs: -2 * DAY });
  });

  it('the due-soon share is an option', () => {
    const o = order('handling');
    expect(status(o, T0 + 3 * DAY, 0.5).status).toBe('due_soon');
    expect(status(o, T0 + 2 * DAY, 0.5).status).toBe('normal');
  });

  it('sign overdue: unsigned past the sign deadline, or signed late', () => {
    expect(status(order('pending_sign'), T0 + DAY).signOverdue).toBe(false);
    expect(status(order('pending_sign'), T0 + DAY + 1).signOverdue).toBe(true);
    expect(status(order('handling'), T0 + 4 * DAY).signOverdue).toBe(false); // signed at T0+2h
    expect(status(order('handling', { signedAt: T0 + 2 * DAY }), T0 + 3 * DAY).signOverdue).toBe(true);
  });

  it('paused while suspended: frozen at the start of the pause', () => {
    const o = step(order('handling'), { type: 'suspend', reason: 'x' }, ACTORS.dispatcher, T0 + DAY);
    expect(status(o, T0 + 10 * DAY)).toMatchObject({ status: 'paused', evaluatedAt: T0 + DAY, remainingMs: 4 * DAY });
    const resumed = step(o, { type: 'resume' }, ACTORS.dispatcher, T0 + 3 * DAY);
    // 4 days left again, and the allowance is still 5 days (the pause is not counted)
    expect(status(resumed, T0 + 3 * DAY)).toMatchObject({
      status: 'normal',
      remainingMs: 4 * DAY,
      allowedMs: 5 * DAY,
      completionDue: T0 + 7 * DAY,
    });
    expect(status(resumed, T0 + 6 * DAY + 1).status).toBe('due_soon');
  });

  it('overdue wins over paused when the pause began after the deadline', () => {
    const o = step(order('handling'), { type: 'suspend', reason: 'x' }, ACTORS.dispatcher, T0 + 6 * DAY);
    expect(status(o, T0 + 7 * DAY)).toMatchObject({ status: 'overdue', evaluatedAt: T0 + 6 * DAY });
  });

  it('stops at the reply: on time stays normal, late stays overdue', () => {
    const onTime = order('pending_review'); // replied at T0+2d
    expect(status(onTime, T0 + 30 * DAY)).toMatchObject({
      status: 'normal',
      evaluatedAt: T0 + 2 * DAY,
      remainingMs: 3 * DAY,
    });
    expect(status(order('closed'), T0 + 30 * DAY).status).toBe('normal');
    const late = order('closed', { repliedAt: T0 + 6 * DAY, clockStoppedAt: T0 + 6 * DAY });
    expect(status(late, T0 + 30 * DAY)).toMatchObject({ status: 'overdue', remainingMs: -DAY });
    // near the deadline but finished: not "due soon"
    expect(status(order('pending_review', { clockStoppedAt: T0 + 5 * DAY - 1 }), T0 + 6 * DAY).status).toBe('normal');
  });

  it('keeps running through 退单 (the order waits for re-dispatch on the first clock)', () => {
    let o = step(order('handling'), { type: 'request_return', reason: 'x' }, ACTORS.handler, T0 + DAY);
    o = step(o, { type: 'approve_return' }, ACTORS.dispatcher, T0 + 4 * DAY + 12 * HOUR);
    expect(o.state).toBe('pending_dispatch');
    expect(status(o, T0 + 4 * DAY + 12 * HOUR)).toMatchObject({
      status: 'due_soon',
      signOverdue: true,
      remainingMs: 12 * HOUR,
    });
  });

  it('after 重办 the allowance is the rework limit, counted from the reopening', () => {
    const o = step(order('pending_visit'), { type: 'visit', result: 'unsatisfied' }, ACTORS.dispatcher, T0 + 10 * DAY);
    expect(status(o, T0 + 10 * DAY)).toMatchObject({ status: 'normal', allowedMs: 3 * DAY, remainingMs: 3 * DAY });
    expect(status(o, T0 + 12 * DAY + 12 * HOUR).status).toBe('due_soon');
  });

  it('a reply sent back gets its review time credited', () => {
    const o = step(order('pending_review'), { type: 'reject_reply', reason: 'x' }, ACTORS.dispatcher, T0 + 3 * DAY);
    expect(status(o, T0 + 3 * DAY)).toMatchObject({
      status: 'normal',
      remainingMs: 3 * DAY,
      allowedMs: 5 * DAY,
      completionDue: T0 + 6 * DAY,
    });
  });

  it('uses the given working-time function (nights do not count)', () => {
    // office time only 08:00–20:00 Shanghai = 00:00–12:00 UTC each day
    const dayTime = (from: number, to: number) => {
      let ms = 0;
      for (let d = Math.floor(from / DAY) * DAY; d < to; d += DAY)
        ms += Math.max(0, Math.min(to, d + 12 * HOUR) - Math.max(from, d));
      return ms;
    };
    const o = order('handling'); // T0 = 01:00 UTC
    const r = computeClockStatus(o, T0 + 4 * DAY + 10 * HOUR, dayTime);
    // allowed: 5 days × 12 h; at 11:00 UTC on day 4, left: 1 h that day + 1 h on day 5 (until 01:00 UTC)
    expect(r).toMatchObject({ allowedMs: 60 * HOUR, remainingMs: 2 * HOUR, status: 'due_soon' });
  });
});

describe('stageClockStatus: the badge follows the deadline that is running', () => {
  const stage = (o: OrderSnapshot, now: number) => stageClockStatus(o, now, workingMsBetween);

  it('an unsigned order late for 签收 is overdue, though its completion deadline is days away', () => {
    const o = order('pending_sign', { signedAt: null });
    expect(status(o, T0 + DAY + HOUR).status).toBe('normal'); // the completion clock alone says fine
    expect(stage(o, T0 + DAY + HOUR)).toMatchObject({
      stage: 'sign',
      stageDue: T0 + DAY,
      status: 'overdue',
      remainingMs: -HOUR,
      allowedMs: DAY,
    });
  });

  it('due_soon in the last fifth of the sign-for window; normal before', () => {
    const o = order('pending_sign', { signedAt: null });
    expect(stage(o, T0 + HOUR)).toMatchObject({ stage: 'sign', status: 'normal', remainingMs: DAY - HOUR });
    expect(stage(o, T0 + DAY - HOUR)).toMatchObject({ stage: 'sign', status: 'due_soon' });
  });

  it('once signed, the completion deadline is the stage', () => {
    const o = order('handling', { signedAt: T0 + HOUR });
    expect(stage(o, T0 + 2 * DAY)).toMatchObject({
      stage: 'completion',
      stageDue: T0 + 5 * DAY,
      status: 'normal',
      remainingMs: 3 * DAY,
    });
  });

  it('never better than the completion clock: past completion is overdue in any stage', () => {
    const o = order('pending_sign', { signedAt: null, signDeadline: T0 + 10 * DAY });
    expect(stage(o, T0 + 6 * DAY)).toMatchObject({ stage: 'sign', status: 'overdue' });
  });

  it('no stage before the first dispatch', () => {
    expect(stage(order('pending_dispatch'), T0)).toMatchObject({ stage: null, stageDue: null, remainingMs: null });
  });
});
