import { describe, expect, it } from 'vitest';
import { WorkCalendar, localDateKey } from '../../../platform/calendar';
import { CHANNELS, LEVELS, RECTIFICATION_STATUSES, type RectificationStatus } from './ratings.contract';
import {
  appealProblem,
  callbackOverdue,
  fixOverdue,
  indicatorSet,
  isBad,
  isSatisfied,
  labelsOf,
  nextRound,
  RECTIFICATION_STEPS,
  ratingProblem,
  rectificationDeadlines,
  rectifiedOnTime,
  stepTo,
  type PriorRating,
  type RectificationStep,
} from './rules';

const cal = new WorkCalendar();
const shanghai = (s: string) => Date.parse(`${s}+08:00`);

describe('levels, indicators, labels', () => {
  it('five levels 非常满意 … 非常不满意; 差评 = 不满意 and 非常不满意', () => {
    expect(LEVELS.map((l) => [l.level, l.zh])).toEqual([
      [5, '非常满意'],
      [4, '满意'],
      [3, '基本满意'],
      [2, '不满意'],
      [1, '非常不满意'],
    ]);
    expect([5, 4, 3, 2, 1].map(isBad)).toEqual([false, false, false, true, true]);
    expect([5, 4, 3, 2, 1].map(isSatisfied)).toEqual([true, true, true, false, false]);
  });

  it('online and on-site indicators follow the channel', () => {
    expect(indicatorSet('web')).toEqual(['overall', 'efficiency', 'guide', 'convenience', 'usability']);
    expect(indicatorSet('pad')).toEqual(['overall', 'efficiency', 'competence', 'attitude']);
    expect(indicatorSet('kiosk')).toEqual(indicatorSet('pad'));
  });

  it('the bad levels carry the standard problem labels', () => {
    for (const l of ['guide_unclear', 'many_visits', 'overtime', 'bad_attitude']) {
      expect(labelsOf(2)).toContain(l);
      expect(labelsOf(1)).toContain(l);
    }
    expect(labelsOf(5)).not.toContain('overtime');
    expect(labelsOf(9)).toEqual([]);
  });
});

describe('ratingProblem', () => {
  it('accepts a well-formed rating on every channel', () => {
    for (const channel of CHANNELS) expect(ratingProblem({ level: 5, channel, indicators: { overall: 5 } })).toBeNull();
  });
  it.each([
    [{ level: 0, channel: 'web' as const }, 'invalid_level'],
    [{ level: 6, channel: 'web' as const }, 'invalid_level'],
    [{ level: 4.5, channel: 'web' as const }, 'invalid_level'],
    [{ level: 4, channel: 'pad' as const, indicators: { guide: 4 } }, 'invalid_indicator'],
    [{ level: 4, channel: 'web' as const, indicators: { overall: 7 } }, 'invalid_indicator'],
    [{ level: 5, channel: 'web' as const, labels: ['overtime'] }, 'invalid_label'],
    [{ level: 2, channel: 'web' as const, labels: ['overtime', 'overtime'] }, 'invalid_label'],
    [{ level: 2, channel: 'web' as const }, 'reason_required'],
    [{ level: 1, channel: 'pad' as const, comment: '   ' }, 'reason_required'],
  ])('%j → %s', (input, code) => {
    expect(ratingProblem(input)?.code).toBe(code);
  });
  it('a 差评 with a label or a comment is fine', () => {
    expect(ratingProblem({ level: 2, channel: 'web', labels: ['many_visits'] })).toBeNull();
    expect(ratingProblem({ level: 1, channel: 'web', comment: '跑了三次' })).toBeNull();
  });
});

describe('nextRound (一事一评, one re-rating after the fix)', () => {
  const first = (bad: boolean, rect: RectificationStatus | null, voided = false): PriorRating => ({
    round: 1,
    bad,
    voided,
    rectification: rect,
  });
  it('first rating: round 1', () => expect(nextRound([])).toEqual({ round: 1 }));
  it('a good rating cannot be given twice', () =>
    expect(nextRound([first(false, null)])).toMatchObject({ code: 'already_rated' }));
  it('a bad rating being rectified waits for the fix', () => {
    expect(nextRound([first(true, 'open')])).toMatchObject({ code: 'rectification_pending' });
    expect(nextRound([first(true, 'called_back')])).toMatchObject({ code: 'rectification_pending' });
  });
  it('after the fix: round 2, once', () => {
    expect(nextRound([first(true, 'fixed')])).toEqual({ round: 2 });
    expect(
      nextRound([first(true, 'fixed'), { round: 2, bad: false, voided: false, rectification: null }]),
    ).toMatchObject({
      code: 'already_rated',
    });
  });
  it('explained, voided or appealed-away bad ratings give no second round', () => {
    expect(nextRound([first(true, 'explained')])).toMatchObject({ code: 'already_rated' });
    expect(nextRound([first(true, 'voided', true)])).toMatchObject({ code: 'already_rated' });
    expect(nextRound([first(true, 'fixed', true)])).toMatchObject({ code: 'already_rated' });
  });
});

describe('rectification deadlines on the platform calendar', () => {
  it('a 差评 on the Friday before the 2026 Spring Festival: call-back due on the make-up Saturday, fix 15 working days later', () => {
    const at = shanghai('2026-02-13T15:00:00');
    const { callbackDue, fixDue } = rectificationDeadlines(at, cal, 15);
    expect(localDateKey(callbackDue)).toBe('2026-02-14'); // 调休上班
    // 14th, 24–28th (the 28th a make-up Saturday), 2–6 March, 9–12 March
    expect(localDateKey(fixDue)).toBe('2026-03-12');
    expect(callbackDue).toBe(cal.addWorkingDays(at, 1));
  });
  it('the fix deadline is configurable (5 working days)', () => {
    const at = shanghai('2026-03-02T10:00:00');
    expect(localDateKey(rectificationDeadlines(at, cal, 5).fixDue)).toBe('2026-03-09');
    expect(() => rectificationDeadlines(at, cal, 0)).toThrow(RangeError);
  });
});

describe('rectification steps', () => {
  const steps = Object.keys(RECTIFICATION_STEPS) as RectificationStep[];
  it('every status × step: allowed exactly where the table says', () => {
    for (const s of RECTIFICATION_STATUSES)
      for (const step of steps) {
        const r = stepTo(s, step);
        const allowed = (RECTIFICATION_STEPS[step] as readonly string[]).includes(s);
        expect('status' in r, `${s} → ${step}`).toBe(allowed);
      }
  });
  it('open → called_back → fixed', () => {
    expect(stepTo('open', 'callback')).toEqual({ status: 'called_back' });
    expect(stepTo('called_back', 'fix')).toEqual({ status: 'fixed' });
    expect(stepTo('open', 'fix')).toMatchObject({ code: 'invalid_step' });
  });

  const clock = {
    status: 'open' as RectificationStatus,
    callbackDue: 100,
    fixDue: 1000,
    callbackAt: null,
    fixedAt: null,
  };
  it('overdue flags', () => {
    expect(callbackOverdue(clock, 100)).toBe(false);
    expect(callbackOverdue(clock, 101)).toBe(true);
    expect(callbackOverdue({ ...clock, callbackAt: 150 }, 101)).toBe(true); // late stays late
    expect(callbackOverdue({ ...clock, callbackAt: 90 }, 5000)).toBe(false);
    expect(fixOverdue(clock, 1001)).toBe(true);
    expect(fixOverdue({ ...clock, status: 'fixed', fixedAt: 999 }, 5000)).toBe(false);
    expect(fixOverdue({ ...clock, status: 'voided' }, 5000)).toBe(false);
  });
  it('rectified on time: fixed or explained by the deadline', () => {
    expect(rectifiedOnTime({ status: 'fixed', fixedAt: 1000, fixDue: 1000 })).toBe(true);
    expect(rectifiedOnTime({ status: 'explained', fixedAt: 10, fixDue: 1000 })).toBe(true);
    expect(rectifiedOnTime({ status: 'fixed', fixedAt: 1001, fixDue: 1000 })).toBe(false);
    expect(rectifiedOnTime({ status: 'called_back', fixedAt: null, fixDue: 1000 })).toBe(false);
  });
});

describe('appeals', () => {
  it('only a bad, valid, not yet appealed rating', () => {
    expect(appealProblem({ bad: true, voided: false }, false)).toBeNull();
    expect(appealProblem({ bad: false, voided: false }, false)?.code).toBe('not_bad');
    expect(appealProblem({ bad: true, voided: true }, false)?.code).toBe('voided');
    expect(appealProblem({ bad: true, voided: false }, true)?.code).toBe('already_appealed');
  });
});
