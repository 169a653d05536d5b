import { describe, expect, it } from 'vitest';
import { COMMUNITY_HOURS, CENTRE_HOURS, hoursProblems, openAt, periodsOn, weekdayOf } from './hours';

describe('opening hours', () => {
  it('follows the weekly pattern, with the community centres’ extended afternoons and Saturday mornings', () => {
    expect(openAt(CENTRE_HOURS, 1, 'workday', '09:30')).toBe(true);
    expect(openAt(CENTRE_HOURS, 1, 'workday', '12:30')).toBe(false);
    expect(openAt(CENTRE_HOURS, 1, 'workday', '17:30')).toBe(false);
    expect(openAt(CENTRE_HOURS, 6, 'weekend', '10:00')).toBe(false);
    expect(openAt(COMMUNITY_HOURS, 3, 'workday', '19:30')).toBe(true);
    expect(periodsOn(COMMUNITY_HOURS, 3, 'workday').filter((p) => p.extended)).toHaveLength(1);
    expect(openAt(COMMUNITY_HOURS, 6, 'weekend', '10:00')).toBe(true);
    expect(openAt(COMMUNITY_HOURS, 7, 'weekend', '10:00')).toBe(false);
  });
  it('closes on public holidays unless the site sets hours for them, and opens a make-up Saturday with a weekday’s hours', () => {
    expect(periodsOn(CENTRE_HOURS, 2, 'holiday')).toEqual([]);
    expect(openAt({ ...CENTRE_HOURS, holidays: [{ from: '10:00', to: '12:00' }] }, 2, 'holiday', '11:00')).toBe(true);
    expect(openAt(CENTRE_HOURS, 6, 'makeup_workday', '09:30')).toBe(true);
    expect(periodsOn(CENTRE_HOURS, 7, 'makeup_workday')).toEqual(CENTRE_HOURS.weekly['1']);
  });
  it('refuses bad times, backwards and overlapping periods', () => {
    expect(hoursProblems(CENTRE_HOURS)).toEqual([]);
    expect(hoursProblems(COMMUNITY_HOURS)).toEqual([]);
    expect(hoursProblems({ weekly: { '1': [{ from: '9:00', to: '12:00' }] } })).toHaveLength(1);
    expect(hoursProblems({ weekly: { '1': [{ from: '12:00', to: '09:00' }] } })).toHaveLength(1);
    expect(
      hoursProblems({
        weekly: {
          '1': [
            { from: '09:00', to: '12:00' },
            { from: '11:00', to: '13:00' },
          ],
        },
      }),
    ).toHaveLength(1);
  });
  it('names the Shanghai weekday of an instant', () => {
    expect(weekdayOf(Date.parse('2026-02-16T16:30:00Z'))).toBe(2); // Tue 00:30 in Shanghai
    expect(weekdayOf(Date.parse('2026-02-15T12:00:00Z'))).toBe(7);
  });
});
