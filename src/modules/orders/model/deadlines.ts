/**
 * The model never does working-time arithmetic itself: the service plugs the platform calendar
 * (platform/calendar WorkCalendar + the category's time limits) in through this interface.
 */

export interface TimeLimitBasis {
  category: string | null;
  urgency: 'normal' | 'urgent' | 'emergency';
}

export interface DeadlineCalculator {
  /** 签收时限: by when the unit must sign, for an order dispatched at fromMs. */
  signDeadline(fromMs: number, basis: TimeLimitBasis): number;
  /** 办结时限: by when the order must be answered, for an order dispatched at fromMs. */
  completionDeadline(fromMs: number, basis: TimeLimitBasis): number;
  /** 重办时限: by when a reopened order (unsatisfied visit) must be answered again. */
  reworkDeadline(fromMs: number, basis: TimeLimitBasis): number;
  /** `days` working days after fromMs (used for 延期 asked as "N more working days"). */
  addWorkingDays(fromMs: number, days: number): number;
  /** Working ms in [fromMs, toMs); 0 when toMs <= fromMs. */
  workingMsBetween(fromMs: number, toMs: number): number;
  /** The instant when `ms` of working time have passed after fromMs. */
  addWorkingMs(fromMs: number, ms: number): number;
}

export interface RuleOptions {
  deadlines: DeadlineCalculator;
  /** Approved 退单 an order may have before the centre's dispatch is final (终审). Default 2. */
  maxBounces?: number;
}

export const DEFAULT_MAX_BOUNCES = 2;

export function requireDeadlines(opts: RuleOptions | undefined, action: string): DeadlineCalculator {
  if (!opts?.deadlines)
    throw new Error(`orders model: '${action}' needs opts.deadlines (a DeadlineCalculator); this is a wiring bug`);
  return opts.deadlines;
}
