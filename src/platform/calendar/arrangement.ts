/**
 * A year's official holiday arrangement (国务院办公厅 节假日安排) as admins enter it, plus the
 * validators for it. Pure functions: no I/O, no clock.
 */
import { badRequest } from '../errors';
import { isWeekendIdx, parseDateKey, yearOfIdx } from './local-time';

/**
 * Every date belongs to the arrangement of its own calendar year: a make-up Sunday in late December
 * for next year's 元旦 goes into this year's arrangement.
 */
export interface YearArrangement {
  year: number;
  /** 'YYYY-MM-DD' days off (法定节假日 and the weekend days folded into them). */
  holidays: string[];
  /** 'YYYY-MM-DD' 调休 make-up working days: weekend days that are worked. */
  workdays: string[];
  /** Where the arrangement came from, e.g. the 国办发明电 notice or its URL. */
  source?: string;
}

/** Years outside this range are almost certainly typos. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;

const invalid = (problems: string[]) =>
  badRequest(
    'invalid_arrangement',
    `无效的节假日安排 / invalid holiday arrangement: ${problems[0]}` +
      (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
    { problems },
  );

/**
 * Validates untrusted input (HTTP body, a `calendar_years` row) into a normalised arrangement:
 * dates sorted and de-duplicated. Throws AppError 400 `invalid_arrangement` listing every problem.
 */
export function parseArrangement(input: unknown): YearArrangement {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid(['expected an object { year, holidays, workdays, source? }']);
  }
  const o = input as Record<string, unknown>;
  const problems: string[] = [];

  const year = o.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  if (!yearOk)
    problems.push(`year must be an integer between ${MIN_YEAR} and ${MAX_YEAR}, got ${JSON.stringify(year)}`);

  const readDays = (field: 'holidays' | 'workdays'): Set<string> => {
    const out = new Set<string>();
    const list = o[field];
    if (!Array.isArray(list)) {
      problems.push(`${field} must be an array of 'YYYY-MM-DD' strings`);
      return out;
    }
    list.forEach((day, i) => {
      const idx = typeof day === 'string' ? parseDateKey(day) : null;
      if (idx === null) {
        problems.push(`${field}[${i}]: ${JSON.stringify(day)} is not a valid 'YYYY-MM-DD' date`);
      } else if (yearOk && yearOfIdx(idx) !== year) {
        problems.push(`${field}[${i}]: ${day} is not in year ${year}`);
      } else if (field === 'workdays' && !isWeekendIdx(idx)) {
        // Weekdays are working days anyway; listing one is almost always a mistyped date.
        problems.push(
          `workdays[${i}]: ${day} is a weekday; make-up working days (调休上班) fall on Saturday or Sunday`,
        );
      } else {
        out.add(day as string);
      }
    });
    return out;
  };
  const holidays = readDays('holidays');
  const workdays = readDays('workdays');
  for (const day of holidays) {
    if (workdays.has(day)) problems.push(`${day} is listed both as a holiday and as a working day`);
  }

  if (o.source !== undefined && o.source !== null && typeof o.source !== 'string') {
    problems.push('source must be a string');
  }
  if (problems.length > 0) throw invalid(problems);

  const out: YearArrangement = { year: year as number, holidays: [...holidays].sort(), workdays: [...workdays].sort() };
  if (typeof o.source === 'string' && o.source.trim() !== '') out.source = o.source.trim();
  return out;
}

const HOLIDAY_WORDS = new Set(['休', '放假', 'holiday', 'off']);
const WORKDAY_WORDS = new Set(['班', '上班', 'workday', 'work']);

/**
 * Parses the plain-text import format, one day per line:
 *
 *     # 2027 年部分节假日安排
 *     2027-01-01 休      元旦
 *     2027-02-07 班
 *     2027-02-08 holiday
 *
 * The kind is 休/放假/holiday/off or 班/上班/workday/work (case-insensitive); anything after it is a
 * note and ignored, as are blank lines and lines starting with #. The year is `opts.year`, else
 * the year of the first date. The result goes through `parseArrangement`, so the same rules apply.
 */
export function parseArrangementText(text: string, opts: { year?: number; source?: string } = {}): YearArrangement {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const problems: string[] = [];
  let firstDate: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\u3000/g, ' ').trim();
    if (line === '' || line.startsWith('#')) return;
    const [date, kind = ''] = line.split(/\s+/);
    const word = kind.toLowerCase();
    if (parseDateKey(date) === null) {
      problems.push(`line ${i + 1}: ${JSON.stringify(date)} is not a valid 'YYYY-MM-DD' date`);
    } else if (HOLIDAY_WORDS.has(word) || WORKDAY_WORDS.has(word)) {
      (HOLIDAY_WORDS.has(word) ? holidays : workdays).push(date);
      firstDate ??= date;
    } else {
      problems.push(
        `line ${i + 1}: expected '${date} 休' or '${date} 班' (or holiday/workday), got ${JSON.stringify(line)}`,
      );
    }
  });
  if (problems.length > 0) throw invalid(problems);
  const year = opts.year ?? (firstDate ? Number(firstDate.slice(0, 4)) : undefined);
  if (year === undefined) throw invalid(['no dates found and no year given']);
  return parseArrangement({ year, holidays, workdays, source: opts.source });
}
