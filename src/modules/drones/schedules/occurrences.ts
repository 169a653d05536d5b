/**
 * When a recurring schedule flies: the occurrences of its cron expression (five fields, minutes,
 * Asia/Shanghai) between its start and end dates. Pure: the service gives the instants and the
 * schedule; the clock never enters here. Parsing is cron-parser's (npm), the limits are ours.
 */
import { createHash } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';

export const SCHEDULE_TZ = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** Two take-offs of one schedule are at least this far apart (a flight, its landing and charging). */
export const MIN_GAP_MS = 30 * 60_000;
/** The most occurrences one question may ask for (a month of half-hourly flights is 1,488). */
const MAX_OCCURRENCES = 2000;

export interface RepeatRule {
  cron: string;
  /** YYYY-MM-DD, Shanghai: the first day flown */
  startDate: string;
  /** YYYY-MM-DD, Shanghai: the last day flown; null: no end */
  endDate: string | null;
}

export type RuleProblem = { code: string; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a Shanghai date starts (00:00 +08:00), or null for a date that does not exist (2026-02-30). */
export function dayStart(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return utc - SHANGHAI_OFFSET_MS;
}

/** The Shanghai date of an instant, YYYY-MM-DD. */
export const shanghaiDate = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** [first instant, end instant) the dates allow; end is null without an end date. */
export function dateSpan(r: RepeatRule): { from: number; to: number | null } {
  const from = dayStart(r.startDate) ?? 0;
  const end = r.endDate === null ? null : dayStart(r.endDate);
  return { from, to: end === null ? null : end + DAY_MS };
}

/**
 * Why a rule cannot be a schedule, or null: five cron fields that parse, take-offs at least
 * MIN_GAP_MS apart, real dates, the end not before the start, and at least one take-off between them.
 */
export function ruleProblem(r: RepeatRule, now: number): RuleProblem | null {
  const fields = r.cron.trim().split(/\s+/);
  if (fields.length !== 5)
    return {
      code: 'invalid_cron',
      message: `重复规则须为 5 段 cron（分 时 日 月 周）/ the repeat must be a 5-field cron expression (minute hour day month weekday), got ${fields.length}`,
    };
  try {
    CronExpressionParser.parse(fields.join(' '), { tz: SCHEDULE_TZ, strict: false });
  } catch (e) {
    return {
      code: 'invalid_cron',
      message: `重复规则无效 / the repeat is not a valid cron expression: ${(e as Error).message}`,
    };
  }
  const start = dayStart(r.startDate);
  if (start === null)
    return { code: 'invalid_date', message: `开始日期不存在 / the start date does not exist: ${r.startDate}` };
  if (r.endDate !== null) {
    const end = dayStart(r.endDate);
    if (end === null)
      return { code: 'invalid_date', message: `结束日期不存在 / the end date does not exist: ${r.endDate}` };
    if (end < start)
      return { code: 'end_before_start', message: '结束日期早于开始日期 / the end date is before the start date' };
  }
  const from = Math.max(start, now);
  const sample = occurrences(r, from, from + 400 * DAY_MS, 200);
  if (sample.length === 0)
    return {
      code: 'no_occurrence',
      message: '在起止日期内（一年内）没有任何起飞时间 / the repeat has no take-off between the dates (within a year)',
    };
  for (let i = 1; i < sample.length; i++)
    if (sample[i] - sample[i - 1] < MIN_GAP_MS)
      return {
        code: 'cron_too_frequent',
        message: `两次起飞至少间隔 ${MIN_GAP_MS / 60_000} 分钟 / take-offs must be at least ${MIN_GAP_MS / 60_000} minutes apart`,
      };
  return null;
}

/** The take-offs of a valid rule in [from, to), in order, at most `limit`. */
export function occurrences(r: RepeatRule, from: number, to: number, limit = MAX_OCCURRENCES): number[] {
  const span = dateSpan(r);
  const lo = Math.max(from, span.from);
  const hi = span.to === null ? to : Math.min(to, span.to);
  if (hi <= lo) return [];
  const out: number[] = [];
  try {
    // currentDate is exclusive: start a second early so a take-off exactly at `lo` counts; no
    // endDate and no hasNext(): each of those computes the next date again (ten times slower)
    const it = CronExpressionParser.parse(r.cron.trim(), { tz: SCHEDULE_TZ, currentDate: lo - 1000 });
    while (out.length < limit) {
      const at = it.next().getTime();
      if (at >= hi) break;
      if (at >= lo) out.push(at);
    }
  } catch {
    // an expression with no further date (e.g. a year-bound one): what was found so far
  }
  return out;
}

/**
 * The flight id of one occurrence: the same for every node and every retry (a UUID from its
 * schedule, revision and time), so the flights table's key lets it be planned once only.
 */
export function occurrenceFlightId(scheduleId: string, revision: number, at: number): string {
  const h = createHash('sha256').update(`drone-schedule:${scheduleId}:${revision}:${at}`).digest('hex');
  // RFC 9562 layout, version 8 (custom), variant 10
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The span a materialising pass plans: from when the schedule took its current form (a take-off
 * before it was created, edited or enabled is none of its business), at most a day back (a
 * take-off missed while no node ran is recorded as skipped), up to the horizon ahead.
 */
export function passWindow(now: number, activeFrom: number, horizonMs: number): { from: number; to: number } {
  return { from: Math.max(activeFrom, now - DAY_MS), to: now + horizonMs };
}
