import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../platform/calendar';
import { at, fmt } from '../../../platform/calendar/test-helpers';
import {
  applyPatch,
  computeClockStatus,
  transition,
  type DeadlineCalculator,
  type OrderAction,
  type OrderSnapshot,
} from '../model';
import { ACTORS, order } from '../model/testing';
import {
  DEFAULT_SLA_RULES,
  SLA_JOB,
  clockLevel,
  dueSoonInstant,
  nextSlaStatus,
  parseSlaRules,
  planSla,
  slaJobKey,
  slaLevelOf,
  type SlaRules,
} from './sla-rules';

const HOUR = 3_600_000;
const cal = new WorkCalendar();
/** The real calendar (08:30–12:00, 14:00–17:30; 2026 holidays), sign-for 4 h, completion 5 days. */
const calc: DeadlineCalculator = {
  signDeadline: (from) => cal.addWorkingHours(from, 4),
  completionDeadline: (from) => cal.addWorkingDays(from, 5),
  reworkDeadline: (from) => cal.addWorkingDays(from, 3),
  addWorkingDays: (from, d) => cal.addWorkingDays(from, d),
  workingMsBetween: (a, b) => (b <= a ? 0 : cal.workingMsBetween(a, b)),
  addWorkingMs: (from, ms) => (ms <= 0 ? from : cal.addWorkingHours(from, ms / HOUR)),
};
const opts = { deadlines: calc };

function step(o: OrderSnapshot, a: OrderAction, who: keyof typeof ACTORS, now: number): OrderSnapshot {
  const r = transition(o, a, who === 'handler' ? { ...ACTORS.handler, orgIds: ['unit-1'] } : ACTORS[who], now, opts);
  if (!r.ok) throw new Error(`${a.type}: ${r.code} ${r.reason}`);
  return applyPatch(o, r.patch);
}

const dispatchAt = (t: number) =>
  step(order('pending_dispatch'), { type: 'dispatch', unitId: 'unit-1' }, 'dispatcher', t);
const byKind = (o: OrderSnapshot, rules: SlaRules = DEFAULT_SLA_RULES) =>
  Object.fromEntries(
    planSla(o, calc, rules)
      .filter((j) => j.kind !== SLA_JOB.escalate)
      .map((j) => [j.kind, fmt(j.runAt)]),
  );

describe('planSla', () => {
  it('plans 临期 and 超期 for both clocks over the 2026 Spring Festival', () => {
    const o = dispatchAt(at('2026-02-13 16:00')); // Friday; Sat 14 is worked, 15–23 are off
    expect(fmt(o.signDeadline!)).toBe('2026-02-14 11:00'); // 1.5 h on Friday + 2.5 h on the make-up Saturday
    expect(fmt(o.completionDeadline!)).toBe('2026-02-27 17:30'); // 14, 24, 25, 26, 27
    expect(byKind(o)).toEqual({
      [SLA_JOB.signDueSoon]: '2026-02-14 10:12', // 48 min (20% of 4 h) before
      [SLA_JOB.signOverdue]: '2026-02-14 11:00',
      // 20% of 36.5 working hours = 7.3 h: 17:30 on the 27th minus 7 h, minus 0.3 h on the 26th
      [SLA_JOB.dueSoon]: '2026-02-26 17:12',
      [SLA_JOB.overdue]: '2026-02-27 17:30',
    });
    const overdue = planSla(o, calc, DEFAULT_SLA_RULES).find((j) => j.kind === SLA_JOB.overdue)!;
    expect(overdue.runAt).toBe(o.completionDeadline! + 1); // strictly after, like computeClockStatus
    expect(overdue.key).toBe(`sla:${o.id}:${SLA_JOB.overdue}:${o.completionDeadline}`);
    expect(overdue.payload).toEqual({ orderId: o.id, deadline: o.completionDeadline, clock: 'completion' });
  });

  it('plans the escalation steps in working days after the deadline', () => {
    const o = dispatchAt(at('2026-02-14 16:00')); // the make-up Saturday
    expect(fmt(o.signDeadline!)).toBe('2026-02-24 11:00');
    expect(fmt(o.completionDeadline!)).toBe('2026-02-28 17:30'); // lands on the make-up Saturday 28th
    const esc = planSla(o, calc, DEFAULT_SLA_RULES).filter((j) => j.kind === SLA_JOB.escalate);
    // step 0 (urge at once) is done by the overdue job; 1 day → Mon Mar 2; 5 days → Fri Mar 6
    expect(esc.map((j) => [j.payload.step!.level, fmt(j.runAt)])).toEqual([
      [1, '2026-03-02 17:30'],
      [2, '2026-03-06 17:30'],
    ]);
    expect(esc[0].key).toBe(`sla:${o.id}:${SLA_JOB.escalate}:${o.completionDeadline}:completion:1d:supervise1:s0`);
  });

  it('finds the first instant computeClockStatus calls due_soon, to the millisecond', () => {
    for (const start of [
      '2026-02-13 09:00',
      '2026-02-13 11:59',
      '2026-02-14 16:00',
      '2026-03-02 12:30',
      '2026-04-30 17:00',
    ]) {
      for (const ratio of [0.2, 0.1, 0.37, 0.5]) {
        const o = dispatchAt(at(start));
        const s0 = computeClockStatus(o, o.clockStartedAt!, calc.workingMsBetween);
        const t = dueSoonInstant(o.clockStartedAt!, o.completionDeadline!, s0.allowedMs!, ratio, calc);
        const status = (now: number) =>
          computeClockStatus(o, now, calc.workingMsBetween, { dueSoonRatio: ratio }).status;
        expect([start, ratio, status(t - 1)]).toEqual([start, ratio, 'normal']);
        expect([start, ratio, status(t)]).toEqual([start, ratio, 'due_soon']);
        expect(clockLevel(o, 'completion', t, calc, ratio)).toBe('due_soon');
      }
    }
  });

  it('the sign-for clock: due soon, overdue, and gone once signed', () => {
    const o = dispatchAt(at('2026-03-02 08:48')); // 3 h 12 min before lunch, 48 min after
    expect(fmt(o.signDeadline!)).toBe('2026-03-02 14:48');
    const soon = planSla(o, calc, DEFAULT_SLA_RULES).find((j) => j.kind === SLA_JOB.signDueSoon)!;
    // exactly 48 min (20%) are left from 12:00 to 14:00: due soon only once working time passes again
    expect(soon.runAt).toBe(at('2026-03-02 14:00') + 1);
    expect(clockLevel(o, 'sign', at('2026-03-02 13:00'), calc, 0.2)).toBe('normal');
    expect(clockLevel(o, 'sign', soon.runAt - 1, calc, 0.2)).toBe('normal');
    expect(clockLevel(o, 'sign', soon.runAt, calc, 0.2)).toBe('due_soon');
    expect(clockLevel(o, 'sign', o.signDeadline!, calc, 0.2)).toBe('due_soon');
    expect(clockLevel(o, 'sign', o.signDeadline! + 1, calc, 0.2)).toBe('overdue');
    const signed = step(o, { type: 'sign' }, 'handler', at('2026-03-02 10:00'));
    expect(planSla(signed, calc, DEFAULT_SLA_RULES).map((j) => j.kind)).not.toContain(SLA_JOB.signOverdue);
    expect(clockLevel(signed, 'sign', o.signDeadline! + 1, calc, 0.2)).toBe('normal');
  });

  it('suspended: only what was due before the 挂起 stays; resuming makes new keys', () => {
    const o = dispatchAt(at('2026-03-02 09:00'));
    const before = planSla(o, calc, DEFAULT_SLA_RULES);
    const s = step(o, { type: 'suspend', reason: '等待产权单位答复' }, 'dispatcher', at('2026-03-02 14:30'));
    // sign-for (by 15:00) was due soon at 14:12, before the pause; nothing else is current while suspended
    expect(planSla(s, calc, DEFAULT_SLA_RULES).map((j) => j.kind)).toEqual([SLA_JOB.signDueSoon]);
    const r = step(s, { type: 'resume' }, 'dispatcher', at('2026-03-04 15:00')); // 14.5 working hours later
    expect(fmt(r.signDeadline!)).toBe('2026-03-04 15:30'); // the 30 min left are given again
    expect(fmt(r.completionDeadline!)).toBe('2026-03-12 09:00'); // Mar 9 17:30 + 14.5 h
    const after = planSla(r, calc, DEFAULT_SLA_RULES);
    const keys = new Set(before.map((j) => j.key));
    expect(after.filter((j) => keys.has(j.key))).toEqual([]);
  });

  it('a 挂起 after the deadline postpones the escalations under new keys', () => {
    const o = step(dispatchAt(at('2026-03-02 09:00')), { type: 'sign' }, 'handler', at('2026-03-02 10:00'));
    const deadline = o.completionDeadline!; // Mon Mar 9 17:30
    const s = step(o, { type: 'suspend', reason: 'x' }, 'dispatcher', deadline + 2 * HOUR); // evening: no working time yet
    expect(planSla(s, calc, DEFAULT_SLA_RULES).filter((j) => j.kind === SLA_JOB.escalate)).toEqual([]);
    const r = step(s, { type: 'resume' }, 'dispatcher', at('2026-03-11 17:30')); // Tue and Wed stood still
    expect(r.completionDeadline).toBe(deadline); // began after the deadline: the deadline stays
    const esc = planSla(r, calc, DEFAULT_SLA_RULES).filter((j) => j.kind === SLA_JOB.escalate);
    expect(esc.map((j) => fmt(j.runAt))).toEqual(['2026-03-12 17:30', '2026-03-18 17:30']);
    expect(esc.every((j) => j.key.endsWith(':s1'))).toBe(true);
  });

  it('nothing once the clock stopped or before dispatch', () => {
    expect(planSla(order('pending_dispatch'), calc, DEFAULT_SLA_RULES)).toEqual([]);
    expect(planSla(order('pending_review'), calc, DEFAULT_SLA_RULES)).toEqual([]);
    expect(planSla(order('closed'), calc, DEFAULT_SLA_RULES)).toEqual([]);
  });

  it('an approved extension moves the deadline: new keys', () => {
    const o = step(dispatchAt(at('2026-03-02 09:00')), { type: 'sign' }, 'handler', at('2026-03-02 10:00'));
    const asked = step(
      o,
      { type: 'request_extension', reason: '需协调', addWorkingDays: 3 },
      'handler',
      at('2026-03-05 10:00'),
    );
    const granted = step(asked, { type: 'approve_extension' }, 'dispatcher', at('2026-03-05 11:00'));
    const k = (x: OrderSnapshot) => planSla(x, calc, DEFAULT_SLA_RULES).find((j) => j.kind === SLA_JOB.overdue)!.key;
    expect(k(granted)).not.toBe(k(o));
    expect(k(granted)).toBe(
      slaJobKey(SLA_JOB.overdue, { orderId: o.id, deadline: granted.completionDeadline!, clock: 'completion' }),
    );
  });
});

describe('sla_status', () => {
  it('the worse of both clocks', () => {
    const o = dispatchAt(at('2026-03-02 09:00'));
    expect(slaLevelOf(o, at('2026-03-02 10:00'), calc, 0.2)).toBe('normal');
    expect(slaLevelOf(o, at('2026-03-02 14:30'), calc, 0.2)).toBe('due_soon'); // 30 min left to sign
    expect(slaLevelOf(o, at('2026-03-02 15:30'), calc, 0.2)).toBe('overdue'); // unsigned after 15:00
  });

  it('changes only lower it while the clocks run; once stopped it is what the clock says', () => {
    expect(nextSlaStatus('overdue', 'normal', true)).toBe('normal');
    expect(nextSlaStatus('normal', 'overdue', true)).toBe('normal'); // the job raises it, with its entry
    expect(nextSlaStatus('due_soon', 'overdue', false)).toBe('overdue');
    expect(nextSlaStatus('overdue', 'normal', false)).toBe('normal');
    expect(nextSlaStatus('weird', 'due_soon', true)).toBe('normal');
  });
});

describe('parseSlaRules', () => {
  it('accepts the defaults and sorts steps by day', () => {
    expect(parseSlaRules(DEFAULT_SLA_RULES)).toEqual(DEFAULT_SLA_RULES);
    const r = parseSlaRules({
      dueSoonRatio: 0.3,
      sign: [],
      completion: [
        { afterWorkingDays: 2, action: 'supervise', level: 1 },
        { afterWorkingDays: 0.5, action: 'urge', note: ' 请速办 ' },
      ],
    });
    expect(r.completion).toEqual([
      { afterWorkingDays: 0.5, action: 'urge', note: '请速办' },
      { afterWorkingDays: 2, action: 'supervise', level: 1 },
    ]);
  });

  it.each([
    [{ dueSoonRatio: 1, sign: [], completion: [] }, 'dueSoonRatio'],
    [{ dueSoonRatio: 0, sign: [], completion: [] }, 'dueSoonRatio'],
    [
      { dueSoonRatio: 0.2, sign: [], completion: [{ afterWorkingDays: 1, action: 'supervise' }] },
      'supervise needs level',
    ],
    [
      { dueSoonRatio: 0.2, sign: [{ afterWorkingDays: 0, action: 'urge', level: 1 }], completion: [] },
      'urge takes no level',
    ],
    [{ dueSoonRatio: 0.2, sign: [], completion: [{ afterWorkingDays: 0.3, action: 'urge' }] }, 'half days'],
    [
      {
        dueSoonRatio: 0.2,
        sign: [],
        completion: [
          { afterWorkingDays: 1, action: 'urge' },
          { afterWorkingDays: 1, action: 'urge' },
        ],
      },
      'repeats',
    ],
    [{ dueSoonRatio: 0.2, sign: [] }, 'completion must be a list'],
  ])('refuses %j', (input, message) => {
    expect(() => parseSlaRules(input)).toThrow(message);
  });
});
