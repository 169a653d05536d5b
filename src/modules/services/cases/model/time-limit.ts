/**
 * Working-day clocks of a case (办件时限), in whole Asia/Shanghai days as 办件 practice counts them:
 * a limit of N working days runs from the day AFTER acceptance (受理次日起算), and the case is on
 * time if it is decided on or before the N-th counted day. Which days are worked comes from an
 * injected `isWorkingDay` (the platform calendar: holidays and 调休 make-up days), so this stays pure.
 *
 * A pause (补正 from notice to arrival, a 特别程序) removes the days after the day it began up to
 * and including the day it ended: the day the notice goes out still counts, and counting restarts
 * the day after the materials arrive — as it starts the day after acceptance.
 */
import { dateKeyOfIdx, dayIndexOf, dayStartMs, parseDateKey } from '../../../../platform/calendar/local-time';
import type { CaseSnapshot } from './types';

/** Whether a Shanghai day ('YYYY-MM-DD') is worked. */
export type IsWorkingDay = (date: string) => boolean;

export interface ClockPause {
  from: number;
  /** null: still paused. */
  to: number | null;
}

export interface WorkingDayClockInput {
  /** The instant the limit runs from (acceptance): day 1 is the next counted day. */
  startedAt: number;
  /** Working days allowed; 0 = the same day (即办件). */
  limitDays: number;
  pauses?: readonly ClockPause[];
  /** Where the clock stopped (the decision); the clock is read there when that is earlier. */
  stoppedAt?: number | null;
}

export interface ClockOptions {
  /** 'due_soon' when this many working days or fewer are left, counting today (default 1: due today). */
  dueSoonDays?: number;
}

export type ClockStatus = 'running' | 'due_soon' | 'overdue' | 'paused' | 'done_on_time' | 'done_late';

export interface WorkingDayClock {
  limitDays: number;
  /** The day the limit runs from (the acceptance day, not counted). */
  startDate: string;
  /** The last day in time; null while a pause is open (it moves) unless it has already passed. */
  dueDate: string | null;
  /** Start of the day after dueDate: from this instant the case is late. */
  dueAt: number | null;
  /** From this instant the clock is due soon (for the alert job); null when unknown (paused). */
  dueSoonAt: number | null;
  /** Where the clock was read: `at`, or the stop if earlier. */
  evaluatedAt: number;
  /** Counted days before the day of evaluatedAt. */
  elapsedDays: number;
  /** Counted days left including today (1 on the last day); minus overdueDays once late. */
  remainingDays: number;
  /** Working days after dueDate up to and including today. */
  overdueDays: number;
  /** Working days since the start that pauses kept from counting. */
  pausedDays: number;
  paused: boolean;
  status: ClockStatus;
}

/** No limit walks further than this: a calendar that never works is bad data, not a long holiday. */
const MAX_WALK_DAYS = 20 * 366;
export const DEFAULT_DUE_SOON_DAYS = 1;

const badInstant = (name: string, v: unknown) => new RangeError(`${name} must be an epoch-ms integer, got ${v}`);

/** The Shanghai day of an instant, as 'YYYY-MM-DD'. */
export const dayOf = (ms: number): string => dateKeyOfIdx(dayIndexOf(ms));

/**
 * The n-th working day after `date` (n = 0: `date` itself), e.g. the last day to supply a 补正.
 */
export function addWorkingDays(date: string, n: number, isWorkingDay: IsWorkingDay): string {
  const start = parseDateKey(date);
  if (start === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let idx = start;
  for (let left = n, walked = 0; left > 0; ) {
    idx++;
    if (++walked > MAX_WALK_DAYS + n) throw new RangeError(`no ${n} working days after ${date}`);
    if (isWorkingDay(dateKeyOfIdx(idx))) left--;
  }
  return dateKeyOfIdx(idx);
}

/** End (exclusive) of the n-th working day after the day of `fromMs`. */
export function workingDaysDue(fromMs: number, n: number, isWorkingDay: IsWorkingDay): number {
  if (!Number.isSafeInteger(fromMs)) throw badInstant('fromMs', fromMs);
  const due = addWorkingDays(dayOf(fromMs), n, isWorkingDay);
  return dayStartMs((parseDateKey(due) as number) + 1);
}

export function workingDayClock(
  input: WorkingDayClockInput,
  at: number,
  isWorkingDay: IsWorkingDay,
  opts: ClockOptions = {},
): WorkingDayClock {
  const { startedAt, limitDays } = input;
  if (!Number.isSafeInteger(startedAt)) throw badInstant('startedAt', startedAt);
  if (!Number.isSafeInteger(at)) throw badInstant('at', at);
  if (!Number.isSafeInteger(limitDays) || limitDays < 0) throw new RangeError(`limitDays must be an integer ≥ 0`);
  const dueSoonDays = opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const stop = input.stoppedAt ?? null;
  const e = stop !== null && stop < at ? stop : at;
  const startIdx = dayIndexOf(startedAt);
  const today = dayIndexOf(e);

  // Pauses as seen at e: one begun later does not exist yet, one ending later is still open.
  const spans = (input.pauses ?? [])
    .filter((p) => p.from <= e)
    .map((p) => ({ a: dayIndexOf(p.from), b: p.to === null || p.to > e ? null : dayIndexOf(p.to) }));
  const paused = (input.pauses ?? []).some((p) => p.from <= e && (p.to === null || p.to > e));
  const pausedOn = (d: number) => spans.some((s) => s.a < d && (s.b === null || d <= s.b));
  const working = new Map<number, boolean>();
  const works = (d: number) => {
    let w = working.get(d);
    if (w === undefined) working.set(d, (w = isWorkingDay(dateKeyOfIdx(d))));
    return w;
  };

  let count = 0;
  let elapsed = 0;
  let pausedDays = 0;
  let dueIdx: number | null = limitDays === 0 ? startIdx : null;
  const soonAt = limitDays - dueSoonDays;
  let dueSoonIdx: number | null = soonAt <= 0 ? startIdx - 1 : null; // due soon from the start
  for (let d = startIdx + 1; ; d++) {
    if (d - startIdx > MAX_WALK_DAYS) throw new RangeError(`no end to the clock within ${MAX_WALK_DAYS} days`);
    if (d >= today && (dueIdx !== null || paused)) break;
    if (!works(d)) continue;
    if (pausedOn(d)) {
      if (d < today) pausedDays++;
      continue;
    }
    count++;
    if (d < today) elapsed++;
    if (count === soonAt) dueSoonIdx = d;
    if (count === limitDays) dueIdx = d;
  }

  const overdue = dueIdx !== null && today > dueIdx;
  const overdueDays = overdue ? elapsed - limitDays + (works(today) && !pausedOn(today) ? 1 : 0) : 0;
  const remainingDays = overdue ? (overdueDays === 0 ? 0 : -overdueDays) : limitDays - elapsed;
  let status: ClockStatus;
  if (stop !== null && stop <= at) status = overdue ? 'done_late' : 'done_on_time';
  else if (overdue) status = 'overdue';
  else if (paused) status = 'paused';
  else if (remainingDays <= dueSoonDays) status = 'due_soon';
  else status = 'running';
  return {
    limitDays,
    startDate: dateKeyOfIdx(startIdx),
    dueDate: dueIdx === null ? null : dateKeyOfIdx(dueIdx),
    dueAt: dueIdx === null ? null : dayStartMs(dueIdx + 1),
    dueSoonAt: dueSoonIdx === null ? null : dueSoonIdx < startIdx ? startedAt : dayStartMs(dueSoonIdx + 1),
    evaluatedAt: e,
    elapsedDays: elapsed,
    remainingDays,
    overdueDays,
    pausedDays,
    paused,
    status,
  };
}

/** The limit a case runs against: the promised one (承诺时限, the default) or the legal one (法定时限). */
export type LimitBasis = 'promised' | 'legal';

/** Working days the case has: the item's limit plus an approved extension. */
export function caseLimitDays(c: CaseSnapshot, basis: LimitBasis = 'promised'): number {
  const base = basis === 'legal' ? c.item.legalLimitDays : c.item.promisedLimitDays;
  return base + (c.extension?.days ?? 0);
}

/** Where the case stops its clock: the decision, or a withdrawal after acceptance. */
function caseStop(c: CaseSnapshot): number | null {
  if (c.decision) return c.decision.at;
  if (c.closing && c.acceptedAt !== null && c.closing.at >= c.acceptedAt) return c.closing.at;
  return null;
}

/**
 * The case's clock from acceptance, with its 补正 and special-step pauses; null before acceptance.
 * Pre-review happens before acceptance, so it never counts here (it has its own clock below).
 */
export function caseClock(
  c: CaseSnapshot,
  at: number,
  isWorkingDay: IsWorkingDay,
  opts: ClockOptions & { basis?: LimitBasis } = {},
): WorkingDayClock | null {
  if (c.acceptedAt === null) return null;
  const pauses = c.pauses.filter((p) => p.to === null || p.to > (c.acceptedAt as number));
  return workingDayClock(
    { startedAt: c.acceptedAt, limitDays: caseLimitDays(c, opts.basis), pauses, stoppedAt: caseStop(c) },
    at,
    isWorkingDay,
    opts,
  );
}

/** The clock of the latest pre-review round (网上预审, its own limit); null without pre-review. */
export function preReviewClock(
  c: CaseSnapshot,
  at: number,
  isWorkingDay: IsWorkingDay,
  opts: ClockOptions = {},
): WorkingDayClock | null {
  const round = c.preReview[c.preReview.length - 1];
  if (!round || !c.item.preReview) return null;
  const stoppedAt = round.endedAt ?? (c.closing && c.closing.at >= round.submittedAt ? c.closing.at : null);
  return workingDayClock(
    { startedAt: round.submittedAt, limitDays: c.item.preReview.limitDays, stoppedAt },
    at,
    isWorkingDay,
    opts,
  );
}

/** Each special step's own clock, for steps whose guide gives a limit (e.g. 公示 7 days). */
export function specialStepClocks(
  c: CaseSnapshot,
  at: number,
  isWorkingDay: IsWorkingDay,
  opts: ClockOptions = {},
): Array<{ code: string; label: string; clock: WorkingDayClock }> {
  const out: Array<{ code: string; label: string; clock: WorkingDayClock }> = [];
  for (const p of c.pauses) {
    const term = p.kind === 'special_step' ? c.item.specialSteps.find((s) => s.code === p.ref) : undefined;
    if (!term || term.maxDays === null) continue;
    const clock = workingDayClock(
      { startedAt: p.from, limitDays: term.maxDays, stoppedAt: p.to },
      at,
      isWorkingDay,
      opts,
    );
    out.push({ code: p.ref, label: p.label, clock });
  }
  return out;
}
