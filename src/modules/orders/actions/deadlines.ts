import type { CalendarService } from '../../../platform/calendar-service';
import type { DeadlineCalculator, TimeLimitBasis } from '../model';
import type { CategoryCache } from '../categories/categories';

import { HOURS_PER_WORKING_DAY } from '../contract';

/** Office hours make a 7-hour working day (08:30–12:00, 14:00–17:30): the contract's figure. */
export { HOURS_PER_WORKING_DAY };
const HOUR = 3_600_000;
/** When a category is unknown: the common limits of published rules. */
const FALLBACK = { signHours: 8, normal: 10, urgent: 5, emergency: 1 };
/** 重办 after an unsatisfied return visit: 3 working days (a published street rule). */
export const REWORK_DAYS = 3;

/** The platform calendar and the category's limits, as the state machine's DeadlineCalculator. */
export function deadlineCalculator(cal: CalendarService, categories: CategoryCache): DeadlineCalculator {
  const days = (from: number, d: number) =>
    Number.isInteger(d) && d >= 1 ? cal.addWorkingDays(from, d) : cal.addWorkingHours(from, d * HOURS_PER_WORKING_DAY);
  const limits = (b: TimeLimitBasis) => {
    const c = categories.get(b.category);
    if (!c || !c.leaf) return { signHours: FALLBACK.signHours, complete: FALLBACK[b.urgency] };
    const complete =
      b.urgency === 'emergency' ? c.complete_emergency : b.urgency === 'urgent' ? c.complete_urgent : c.complete_normal;
    return { signHours: Number(c.sign_hours ?? FALLBACK.signHours), complete: Number(complete ?? FALLBACK[b.urgency]) };
  };
  return {
    signDeadline: (from, b) => cal.addWorkingHours(from, limits(b).signHours),
    completionDeadline: (from, b) => days(from, limits(b).complete),
    reworkDeadline: (from) => days(from, REWORK_DAYS),
    addWorkingDays: (from, d) => days(from, d),
    workingMsBetween: (from, to) => (to <= from ? 0 : cal.workingMsBetween(from, to)),
    addWorkingMs: (from, ms) => (ms <= 0 ? from : cal.addWorkingHours(from, ms / HOUR)),
  };
}
