/**
 * Asia/Shanghai local-day arithmetic on epoch milliseconds. China has had no DST since 1991, so
 * local time is UTC+8 exactly; we shift by 8 h and use UTC getters so the process TZ never matters.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Local day number: days since 1970-01-01 in Shanghai (can be negative). */
export const dayIndexOf = (ms: number): number => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);

/** Epoch ms of 00:00 Shanghai time on local day `idx`. */
export const dayStartMs = (idx: number): number => idx * DAY_MS - SHANGHAI_OFFSET_MS;

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekdayOf = (idx: number): number => (((idx + 4) % 7) + 7) % 7;

export const isWeekendIdx = (idx: number): boolean => {
  const wd = weekdayOf(idx);
  return wd === 0 || wd === 6;
};

export const yearOfIdx = (idx: number): number => new Date(idx * DAY_MS).getUTCFullYear();

/** 'YYYY-MM-DD' of local day `idx`. */
export const dateKeyOfIdx = (idx: number): string => new Date(idx * DAY_MS).toISOString().slice(0, 10);

/** Local day number of the first day of `year`. */
export const yearStartIdx = (year: number): number => Date.UTC(year, 0, 1) / DAY_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a strict 'YYYY-MM-DD' key, or null if it is malformed or not a real date (2027-02-30). */
export function parseDateKey(key: string): number | null {
  const m = DATE_RE.exec(key);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return utc / DAY_MS;
}

const CLOCK_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after local midnight for 'HH:MM' (00:00–24:00), or null. */
export function parseClock(hhmm: string): number | null {
  const m = CLOCK_RE.exec(hhmm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/** 'YYYY-MM-DD' of the Shanghai local day containing `ms`. */
export const localDateKey = (ms: number): string => dateKeyOfIdx(dayIndexOf(ms));

/** Epoch ms of Shanghai local `date` ('YYYY-MM-DD') at `time` ('HH:MM', default 00:00). */
export function localMs(date: string, time = '00:00'): number {
  const idx = parseDateKey(date);
  const minutes = parseClock(time);
  if (idx === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  if (minutes === null) throw new RangeError(`not an HH:MM time: ${JSON.stringify(time)}`);
  return dayStartMs(idx) + minutes * MINUTE_MS;
}
