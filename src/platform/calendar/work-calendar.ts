/**
 * Working-time arithmetic over China's public holidays and 调休 make-up days, in Asia/Shanghai.
 * All instants are epoch ms. Day kinds are cached per local day, and every loop walks days (never
 * minutes), so spans of a year cost a few hundred iterations.
 */
import { badRequest } from '../errors';
import { parseArrangement, type YearArrangement } from './arrangement';
import {
  HOUR_MS,
  MINUTE_MS,
  dayIndexOf,
  dayStartMs,
  isWeekendIdx,
  parseClock,
  parseDateKey,
  yearOfIdx,
  yearStartIdx,
} from './local-time';
import { packageArrangement, packageYears } from './package-data';

/**
 * 'holiday' is a day off under the year's arrangement, even a Saturday inside 春节;
 * 'makeup_workday' is a weekend day that is worked (调休上班); 'weekend' is an ordinary Sat/Sun.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface OfficePeriod {
  /** 'HH:MM' Shanghai time, inclusive. */
  start: string;
  /** 'HH:MM' Shanghai time, exclusive; '24:00' allowed. */
  end: string;
}

export interface WorkCalendarOptions {
  /** Defaults to 08:30–12:00 and 14:00–17:30. */
  officeHours?: OfficePeriod[];
  /** Admin-entered arrangements; each fully replaces the package's data for its year. */
  overrides?: YearArrangement[];
  /** Called once per year per calendar when a computation touches a year nobody has published. */
  onUnknownYear?: (year: number) => void;
}

export interface CalendarWarning {
  code: 'unknown_year';
  year: number;
  message: string;
}

/** A paused span (e.g. waiting for the citizen); `to: null` means still paused. */
export interface Pause {
  from: number;
  to: number | null;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

/** No real arrangement has this many days off in a row; hitting it means bad data, not a long holiday. */
const MAX_DAYS_WITHOUT_WORK = 3 * 366;

/**
 * The span the calendar computes over: local days of 1900-01-01 up to (not including) 2300-01-01.
 * Every loop walks days and the day cache holds one entry a day, so bounding the days bounds the
 * time and memory of any call (at most ~146,000 days): an instant or a result outside it is a
 * RangeError at once, never a walk through 30,000 years.
 */
export const CALENDAR_FIRST_YEAR = 1900;
export const CALENDAR_END_YEAR = 2300;
const FIRST_IDX = yearStartIdx(CALENDAR_FIRST_YEAR);
const END_IDX = yearStartIdx(CALENDAR_END_YEAR);

/** Whether `ms` lies inside the span the calendar computes over. */
export const inCalendarSpan = (ms: number): boolean => {
  if (!Number.isFinite(ms)) return false;
  const idx = dayIndexOf(ms);
  return idx >= FIRST_IDX && idx < END_IDX;
};

const beyondSpan = (what: string) =>
  new RangeError(`${what} falls outside the work calendar's span (${CALENDAR_FIRST_YEAR}–${CALENDAR_END_YEAR - 1})`);

interface Period {
  /** ms after local midnight */
  s: number;
  e: number;
}

function parseOfficeHours(hours: readonly OfficePeriod[]): Period[] {
  const fail = (msg: string) => badRequest('invalid_office_hours', `无效的办公时间 / invalid office hours: ${msg}`);
  if (!Array.isArray(hours) || hours.length === 0) throw fail('at least one period is required');
  const periods = hours.map((p, i) => {
    const s = parseClock(p?.start);
    const e = parseClock(p?.end);
    if (s === null || e === null) throw fail(`period ${i}: expected 'HH:MM', got ${JSON.stringify(p)}`);
    if (s >= e) throw fail(`period ${i}: ${p.start} is not before ${p.end}`);
    return { s: s * MINUTE_MS, e: e * MINUTE_MS };
  });
  periods.sort((a, b) => a.s - b.s);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].s < periods[i - 1].e) throw fail('periods overlap');
  }
  return periods;
}

const assertInstant = (name: string, ms: number) => {
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a finite epoch-ms number, got ${ms}`);
  if (!inCalendarSpan(ms)) throw beyondSpan(`${name} = ${ms}`);
};

/** The next day index of a walk, refused past the span (a count of days or hours too large for it). */
const nextIdx = (idx: number): number => {
  if (idx + 1 >= END_IDX) throw beyondSpan('the result');
  return idx + 1;
};

export class WorkCalendar {
  private readonly periods: Period[];
  private readonly firstStart: number;
  private readonly lastEnd: number;
  private readonly workMsPerDay: number;
  private readonly overrides = new Map<number, YearArrangement>();
  private readonly onUnknownYear?: (year: number) => void;
  private readonly kinds = new Map<number, DayKind>();
  private readonly loadedYears = new Set<number>();
  private readonly warningList: CalendarWarning[] = [];

  constructor(options: WorkCalendarOptions = {}) {
    this.periods = parseOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.firstStart = this.periods[0].s;
    this.lastEnd = this.periods[this.periods.length - 1].e;
    this.workMsPerDay = this.periods.reduce((sum, p) => sum + (p.e - p.s), 0);
    for (const raw of options.overrides ?? []) {
      const a = parseArrangement(raw);
      if (this.overrides.has(a.year)) throw badRequest('invalid_arrangement', `two arrangements for year ${a.year}`);
      this.overrides.set(a.year, a);
    }
    this.onUnknownYear = options.onUnknownYear;
  }

  // ── years ────────────────────────────────────────────────────────────────

  /** Years with an arrangement (override or package), ascending. */
  knownYears(): number[] {
    return [...new Set([...packageYears(), ...this.overrides.keys()])].sort((a, b) => a - b);
  }

  isKnownYear(year: number): boolean {
    return this.arrangementFor(year) !== null;
  }

  /** The arrangement in force for `year` (override first, then the package), or null if unknown. */
  arrangementFor(year: number): YearArrangement | null {
    return this.overrides.get(year) ?? packageArrangement(year);
  }

  /** Years this calendar has had to guess (plain weekends), in the order they were first touched. */
  warnings(): CalendarWarning[] {
    return this.warningList.map((w) => ({ ...w }));
  }

  // ── days ─────────────────────────────────────────────────────────────────

  dayKind(ms: number): DayKind {
    assertInstant('ms', ms);
    return this.kindOf(dayIndexOf(ms));
  }

  isWorkday(ms: number): boolean {
    assertInstant('ms', ms);
    return this.isWorkingIdx(dayIndexOf(ms));
  }

  private isWorkingIdx(idx: number): boolean {
    const k = this.kindOf(idx);
    return k === 'workday' || k === 'makeup_workday';
  }

  private kindOf(idx: number): DayKind {
    const cached = this.kinds.get(idx);
    if (cached !== undefined) return cached;
    this.loadYear(yearOfIdx(idx));
    return this.kinds.get(idx)!;
  }

  /** Fills the cache for a whole year at once; the unknown-year callback fires here, hence once. */
  private loadYear(year: number): void {
    if (this.loadedYears.has(year)) return;
    this.loadedYears.add(year);
    const arrangement = this.arrangementFor(year);
    const holidays = new Set((arrangement?.holidays ?? []).map((d) => parseDateKey(d)!));
    const workdays = new Set((arrangement?.workdays ?? []).map((d) => parseDateKey(d)!));
    const first = yearStartIdx(year);
    const next = yearStartIdx(year + 1);
    for (let idx = first; idx < next; idx++) {
      const weekend = isWeekendIdx(idx);
      let kind: DayKind;
      if (workdays.has(idx)) kind = weekend ? 'makeup_workday' : 'workday';
      else if (holidays.has(idx)) kind = 'holiday';
      else kind = weekend ? 'weekend' : 'workday';
      this.kinds.set(idx, kind);
    }
    if (!arrangement) {
      this.warningList.push({
        code: 'unknown_year',
        year,
        message: `no holiday arrangement for ${year}: counting Monday–Friday only; enter the State Council arrangement for ${year}`,
      });
      this.onUnknownYear?.(year);
    }
  }

  // ── deadlines ────────────────────────────────────────────────────────────

  /**
   * Deadline "within n working days": the end of office hours of the n-th working day AFTER the
   * day the request arrives. Day 1 is the next working day, whatever time the request came in
   * and whether or not it came in on a working day (常见的"收件次日起计算").
   * n = 0 ("same day"): end of office hours today if today is a working day and they have not
   * ended yet; otherwise the end of the next working day (never a deadline before the request).
   */
  addWorkingDays(startMs: number, n: number): number {
    assertInstant('startMs', startMs);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    let idx = dayIndexOf(startMs);
    if (n === 0) {
      if (this.isWorkingIdx(idx) && startMs < dayStartMs(idx) + this.lastEnd) return dayStartMs(idx) + this.lastEnd;
      n = 1;
    }
    let idle = 0;
    while (n > 0) {
      idx = nextIdx(idx);
      if (this.isWorkingIdx(idx)) {
        n--;
        idle = 0;
      } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
        throw new Error(`no working day in ${MAX_DAYS_WITHOUT_WORK} days after day ${idx - idle}`);
      }
    }
    return dayStartMs(idx) + this.lastEnd;
  }

  /**
   * The instant when `hours` of office time have passed after `startMs`. A start outside office
   * hours begins at the next office period; a result that lands exactly on the end of a period is
   * that end (12:00, not 14:00). `hours` may be fractional; it is rounded to the millisecond.
   */
  addWorkingHours(startMs: number, hours: number): number {
    assertInstant('startMs', startMs);
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number >= 0, got ${hours}`);
    let remaining = Math.round(hours * HOUR_MS);
    let idx = dayIndexOf(startMs);
    let t = startMs;
    let idle = 0;
    for (;;) {
      if (this.isWorkingIdx(idx)) {
        idle = 0;
        const base = dayStartMs(idx);
        if (t <= base + this.firstStart && remaining > this.workMsPerDay) {
          remaining -= this.workMsPerDay; // whole day fits: skip it without looking at periods
        } else {
          for (const p of this.periods) {
            const end = base + p.e;
            if (end <= t) continue;
            const from = Math.max(base + p.s, t);
            if (remaining <= end - from) return from + remaining;
            remaining -= end - from;
          }
        }
      } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
        throw new Error(`no working day in ${MAX_DAYS_WITHOUT_WORK} days after ${startMs}`);
      }
      idx = nextIdx(idx);
      t = dayStartMs(idx);
    }
  }

  /** `ms` itself if it is inside office hours on a working day, else the start of the next office period. */
  nextWorkingInstant(ms: number): number {
    return this.addWorkingHours(ms, 0);
  }

  /**
   * Office-hour milliseconds in [fromMs, toMs), minus the paused spans. Pauses are clipped to the
   * range and merged where they overlap, so no time is subtracted twice; `to: null` means paused
   * until `toMs`. Returns 0 when toMs <= fromMs.
   */
  workingMsBetween(fromMs: number, toMs: number, pauses: readonly Pause[] = []): number {
    assertInstant('fromMs', fromMs);
    assertInstant('toMs', toMs);
    if (toMs <= fromMs) return 0;
    let total = this.officeMsIn(fromMs, toMs);
    for (const p of mergePauses(pauses, fromMs, toMs)) total -= this.officeMsIn(p.from, p.to);
    return total;
  }

  /** Office-hour ms in [a, b); walks days, whole working days in the middle cost one addition. */
  private officeMsIn(a: number, b: number): number {
    let total = 0;
    const last = dayIndexOf(b - 1); // [a, b): b at midnight does not touch the next day
    for (let idx = dayIndexOf(a); idx <= last; idx++) {
      if (!this.isWorkingIdx(idx)) continue;
      const base = dayStartMs(idx);
      if (a <= base + this.firstStart && base + this.lastEnd <= b) {
        total += this.workMsPerDay;
        continue;
      }
      for (const p of this.periods) {
        const from = Math.max(base + p.s, a);
        const to = Math.min(base + p.e, b);
        if (to > from) total += to - from;
      }
    }
    return total;
  }
}

/** Pauses clipped to [from, to), sorted, overlapping or touching ones merged. */
export function mergePauses(pauses: readonly Pause[], from: number, to: number): Array<{ from: number; to: number }> {
  const spans = pauses.map((p, i) => {
    assertInstant(`pauses[${i}].from`, p.from);
    if (p.to !== null) {
      assertInstant(`pauses[${i}].to`, p.to);
      if (p.to < p.from) throw new RangeError(`pauses[${i}] ends before it starts`);
    }
    return { from: Math.max(p.from, from), to: Math.min(p.to ?? to, to) };
  });
  const sorted = spans.filter((s) => s.to > s.from).sort((x, y) => x.from - y.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const s of sorted) {
    const top = merged[merged.length - 1];
    if (top && s.from <= top.to) top.to = Math.max(top.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}
