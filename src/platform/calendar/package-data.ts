/**
 * China's published arrangements as shipped by the `chinese-days` package.
 *
 * We read the package's static JSON table instead of calling its isWorkday()/getDayDetail():
 * those build their lookup tables with local-time Date getters, so in a process whose TZ is west
 * of UTC (e.g. America/New_York) every holiday shifts one day earlier. The JSON is plain data.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { YearArrangement } from './arrangement';

interface ChineseDaysTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const table = data as unknown as ChineseDaysTable;
export const PACKAGE_SOURCE = 'chinese-days';

const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
const bucket = (day: string) => {
  const year = Number(day.slice(0, 4));
  let b = byYear.get(year);
  if (!b) byYear.set(year, (b = { holidays: [], workdays: [] }));
  return b;
};
for (const day of Object.keys(table.holidays)) bucket(day).holidays.push(day);
for (const day of Object.keys(table.workdays)) bucket(day).workdays.push(day);

/** A year is published if the package lists at least one holiday in it (元旦 is always one). */
const published = [...byYear]
  .filter(([, b]) => b.holidays.length > 0)
  .map(([y]) => y)
  .sort((a, b) => a - b);
const publishedSet = new Set(published);

export const packageYears = (): readonly number[] => published;

/** The package's arrangement for `year`, or null when it has no data for that year. */
export function packageArrangement(year: number): YearArrangement | null {
  if (!publishedSet.has(year)) return null;
  const b = byYear.get(year)!;
  return { year, holidays: [...b.holidays].sort(), workdays: [...b.workdays].sort(), source: PACKAGE_SOURCE };
}
