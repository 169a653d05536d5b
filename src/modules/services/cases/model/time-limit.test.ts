/**
 * Working-day clocks over the real 2026 arrangement (chinese-days through the platform calendar):
 * 春节 Sun 02-15 … Mon 02-23 off, Sat 02-14 and Sat 02-28 worked (调休). Days are Shanghai days.
 */
import { describe, expect, it } from 'vitest';
import { DAY, FIXTURES, at, isWorkingDay } from './testing';
import {
  addWorkingDays,
  caseClock,
  dayOf,
  preReviewClock,
  specialStepClocks,
  workingDayClock,
  workingDaysDue,
  type WorkingDayClockInput,
} from './time-limit';
import type { CaseSnapshot } from './types';

const clock = (input: WorkingDayClockInput, when: string, dueSoonDays?: number) =>
  workingDayClock(input, at(when), isWorkingDay, { dueSoonDays });
const pick = (c: ReturnType<typeof clock>) => ({
  due: c.dueDate,
  elapsed: c.elapsedDays,
  remaining: c.remainingDays,
  status: c.status,
});

describe('the calendar the clocks run on', () => {
  it('is the published 2026 arrangement around 春节', () => {
    const days: Record<string, boolean> = {
      '2026-02-13': true,
      '2026-02-14': true, // Saturday, 调休上班
      '2026-02-15': false,
      '2026-02-16': false,
      '2026-02-17': false, // 春节
      '2026-02-20': false,
      '2026-02-23': false, // Monday, still off
      '2026-02-24': true,
      '2026-02-28': true, // Saturday, 调休上班
      '2026-03-01': false,
      '2026-03-07': false, // an ordinary Saturday
    };
    for (const [d, w] of Object.entries(days)) expect(isWorkingDay(d), d).toBe(w);
  });

  it('addWorkingDays and workingDaysDue step over the holiday and count the make-up Saturday', () => {
    expect(addWorkingDays('2026-02-12', 2, isWorkingDay)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, isWorkingDay)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-20', 0, isWorkingDay)).toBe('2026-02-20');
    expect(workingDaysDue(at('2026-02-27 16:00'), 1, isWorkingDay)).toBe(at('2026-03-01 00:00'));
    expect(() => addWorkingDays('2026-02-30', 1, isWorkingDay)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-10', -1, isWorkingDay)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-10', 1, () => false)).toThrow(RangeError);
  });
});

describe('workingDayClock: from the day after acceptance', () => {
  const five = { startedAt: at('2026-02-10 10:00'), limitDays: 5 };

  it('runs across 春节: day 4 is the make-up Saturday, day 5 the first day back', () => {
    expect(pick(clock(five, '2026-02-10 16:00'))).toEqual({
      due: '2026-02-24',
      elapsed: 0,
      remaining: 5,
      status: 'running',
    });
    expect(pick(clock(five, '2026-02-13 10:00'))).toEqual({
      due: '2026-02-24',
      elapsed: 2,
      remaining: 3,
      status: 'running',
    });
    expect(pick(clock(five, '2026-02-14 10:00'))).toEqual({
      due: '2026-02-24',
      elapsed: 3,
      remaining: 2,
      status: 'running',
    });
    expect(pick(clock(five, '2026-02-18 10:00'))).toEqual({
      due: '2026-02-24',
      elapsed: 4,
      remaining: 1,
      status: 'due_soon',
    });
    expect(pick(clock(five, '2026-02-24 17:00'))).toEqual({
      due: '2026-02-24',
      elapsed: 4,
      remaining: 1,
      status: 'due_soon',
    });
    const late = clock(five, '2026-02-25 09:00');
    expect(pick(late)).toEqual({ due: '2026-02-24', elapsed: 5, remaining: -1, status: 'overdue' });
    expect(late.overdueDays).toBe(1);
  });

  it('gives the instants the alert jobs wait for', () => {
    const c = clock(five, '2026-02-11 10:00');
    expect(c.dueAt).toBe(at('2026-02-25 00:00'));
    expect(c.dueSoonAt).toBe(at('2026-02-15 00:00')); // after day 4 (02-14) only one day is left
    expect(clock(five, '2026-02-11 10:00', 2).dueSoonAt).toBe(at('2026-02-14 00:00'));
    expect(clock(five, '2026-02-13 10:00', 3).status).toBe('due_soon');
  });

  it('counts the Shanghai day: 23:30 on 02-13 is still the 13th', () => {
    expect(clock(five, '2026-02-13 23:30').elapsedDays).toBe(2);
    expect(clock(five, '2026-02-14 00:10').elapsedDays).toBe(3);
  });

  it('acceptance on a holiday: day 1 is the first working day after it', () => {
    const c = clock({ startedAt: at('2026-02-17 11:00'), limitDays: 3 }, '2026-02-20 10:00');
    expect(c.dueDate).toBe('2026-02-26');
    expect(c.elapsedDays).toBe(0);
    expect(c.remainingDays).toBe(3);
  });

  it('acceptance on the last working day before 春节 (the make-up Saturday)', () => {
    expect(clock({ startedAt: at('2026-02-14 16:00'), limitDays: 1 }, '2026-02-14 16:00').dueDate).toBe('2026-02-24');
  });

  it('a limit can end on a make-up Saturday; a decision on the last day is on time, the next day late', () => {
    const input = { startedAt: at('2026-02-25 10:00'), limitDays: 3 };
    expect(clock(input, '2026-02-26 10:00').dueDate).toBe('2026-02-28');
    const onTime = clock({ ...input, stoppedAt: at('2026-02-28 17:00') }, '2026-03-05 10:00');
    expect(onTime.status).toBe('done_on_time');
    expect(onTime.evaluatedAt).toBe(at('2026-02-28 17:00'));
    const late = clock({ ...input, stoppedAt: at('2026-03-02 09:00') }, '2026-03-05 10:00');
    expect([late.status, late.overdueDays]).toEqual(['done_late', 1]);
    // the Sunday after the due Saturday is late already, by no working day yet
    expect(pick(clock(input, '2026-03-01 10:00'))).toEqual({
      due: '2026-02-28',
      elapsed: 3,
      remaining: 0,
      status: 'overdue',
    });
  });

  it('即办件 (limit 0) is due the same day', () => {
    const c = { startedAt: at('2026-02-24 10:00'), limitDays: 0 };
    expect(pick(clock(c, '2026-02-24 11:00'))).toEqual({
      due: '2026-02-24',
      elapsed: 0,
      remaining: 0,
      status: 'due_soon',
    });
    expect(clock(c, '2026-02-25 09:00').status).toBe('overdue');
    expect(clock({ ...c, stoppedAt: at('2026-02-24 10:05') }, '2026-02-24 11:00').status).toBe('done_on_time');
  });

  it('refuses nonsense', () => {
    expect(() => workingDayClock({ startedAt: 1.5, limitDays: 1 }, 0, isWorkingDay)).toThrow(RangeError);
    expect(() => workingDayClock({ startedAt: 0, limitDays: -1 }, 0, isWorkingDay)).toThrow(RangeError);
  });
});

describe('pauses', () => {
  // accepted Mon 02-09, 5 days; 补正 noticed Thu 02-12 15:00, supplied Wed 02-25 10:00
  const input = {
    startedAt: at('2026-02-09 10:00'),
    limitDays: 5,
    pauses: [{ from: at('2026-02-12 15:00'), to: at('2026-02-25 10:00') }],
  };

  it('a 补正 spanning 春节: the notice day counts, counting restarts the day after arrival', () => {
    const c = clock(input, '2026-03-02 10:00');
    expect(c.dueDate).toBe('2026-02-27'); // 10, 11, 12 | paused 13, 14, 24, 25 | 26, 27
    expect(c.pausedDays).toBe(4);
    expect(c.status).toBe('overdue');
  });

  it('while it is open the clock is paused, frozen, and its due date unknown', () => {
    const c = clock({ ...input, pauses: [{ from: input.pauses[0].from, to: null }] }, '2026-02-20 10:00');
    expect(pick(c)).toEqual({ due: null, elapsed: 3, remaining: 2, status: 'paused' });
    expect(c.dueAt).toBeNull();
    expect(c.paused).toBe(true);
    expect(
      clock({ ...input, pauses: [{ from: input.pauses[0].from, to: null }] }, '2026-03-20 10:00').elapsedDays,
    ).toBe(3);
  });

  it('read at an earlier instant, a pause recorded later does not exist yet, one ending later is still open', () => {
    expect(clock(input, '2026-02-11 10:00').dueDate).toBe('2026-02-14'); // 10 … 13, 14 (make-up Saturday)
    expect(clock(input, '2026-02-24 10:00').status).toBe('paused');
  });

  it('a pause begun after the deadline leaves the case overdue', () => {
    const c = clock({ ...input, pauses: [{ from: at('2026-02-26 10:00'), to: null }] }, '2026-02-27 10:00');
    expect(c.dueDate).toBe('2026-02-14');
    expect(c.status).toBe('overdue');
  });

  it('a notice and its arrival on the same day cost nothing', () => {
    const same = { ...input, pauses: [{ from: at('2026-02-12 09:00'), to: at('2026-02-12 16:00') }] };
    expect(clock(same, '2026-02-12 17:00').dueDate).toBe('2026-02-14');
  });
});

describe('a case: pre-review, acceptance, a special step, an extension', () => {
  const t = at;
  const base = FIXTURES.accepted();
  const c: CaseSnapshot = {
    ...base,
    item: { ...base.item, promisedLimitDays: 10, preReview: { limitDays: 2 } },
    preReview: [
      { submittedAt: t('2026-02-05 10:00'), endedAt: t('2026-02-09 16:00'), result: 'passed', comments: [], by: 'u' },
    ],
    acceptedAt: t('2026-02-10 10:00'),
    pauses: [
      {
        kind: 'special_step',
        ref: 'inspection',
        label: '现场核查',
        from: t('2026-02-25 09:00'),
        to: t('2026-03-03 17:00'),
      },
    ],
    decision: null,
  };

  it('pre-review has its own clock and is not counted in the case', () => {
    const pre = preReviewClock(c, t('2026-03-01 10:00'), isWorkingDay);
    expect([pre?.dueDate, pre?.status]).toEqual(['2026-02-09', 'done_on_time']);
    expect(caseClock(c, t('2026-02-10 12:00'), isWorkingDay)?.elapsedDays).toBe(0);
  });

  it('a pre-review left open is overdue after its own limit (02-13, 02-14 make-up)', () => {
    const open = {
      ...c,
      preReview: [{ ...c.preReview[0], submittedAt: t('2026-02-12 10:00'), endedAt: null, result: null }],
    };
    const pre = preReviewClock(open, t('2026-02-24 10:00'), isWorkingDay);
    expect([pre?.dueDate, pre?.status, pre?.overdueDays]).toEqual(['2026-02-14', 'overdue', 1]);
  });

  it('the special step moves the due date from 03-02 to 03-09', () => {
    expect(caseClock({ ...c, pauses: [] }, t('2026-02-11 10:00'), isWorkingDay)?.dueDate).toBe('2026-03-02');
    const cl = caseClock(c, t('2026-03-04 10:00'), isWorkingDay);
    expect([cl?.dueDate, cl?.pausedDays, cl?.elapsedDays]).toEqual(['2026-03-09', 5, 6]);
    const steps = specialStepClocks(c, t('2026-03-04 10:00'), isWorkingDay);
    expect(steps.map((s) => [s.code, s.clock.dueDate, s.clock.status])).toEqual([
      ['inspection', '2026-03-10', 'done_on_time'], // 现场核查 has 10 days of its own: 02-26 … 03-10,
    ]);
  });

  it('an extension adds its days; the legal basis runs against the legal limit', () => {
    const ext = { ...c, extension: { days: 5, reason: 'x', at: t('2026-03-04 10:00'), by: 'u' } };
    expect(caseClock(ext, t('2026-03-04 10:00'), isWorkingDay)?.dueDate).toBe('2026-03-16');
    expect(caseClock(c, t('2026-03-04 10:00'), isWorkingDay, { basis: 'legal' })?.dueDate).toBe('2026-03-23');
  });

  it('stops at the decision; before acceptance there is no clock', () => {
    const done = { ...c, decision: { ...FIXTURES.decided().decision!, at: t('2026-03-09 15:00') } };
    expect(caseClock(done, t('2026-04-01 10:00'), isWorkingDay)?.status).toBe('done_on_time');
    expect(caseClock({ ...c, acceptedAt: null }, t('2026-03-01 10:00'), isWorkingDay)).toBeNull();
    expect(dayOf(t('2026-03-09 23:59') + 2 * DAY)).toBe('2026-03-11');
  });
});
