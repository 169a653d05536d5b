/**
 * Opening hours of a site (pure): a weekly pattern of periods (the community centres' extended
 * afternoons marked), closed on public holidays unless the site says otherwise, and a make-up
 * working day (调休上班) kept with the hours of a chosen weekday. The day kinds come from the
 * platform calendar (chinese-days plus admin-entered arrangements).
 */
import type { DayKind } from '../../../platform/calendar';

export interface Period {
  /** 'HH:MM' Shanghai time */
  from: string;
  to: string;
  /** 延时服务: an afternoon or evening beyond the standard hours */
  extended?: boolean;
}

export interface OpeningHours {
  /** ISO weekday 1 (Monday) … 7 (Sunday) → its periods; a weekday left out is closed. */
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Period[]>>;
  /** Periods on public holidays (法定节假日); none: closed. */
  holidays?: Period[];
  /** The weekday whose hours a make-up working day keeps (default 1, Monday's). */
  makeupAs?: 1 | 2 | 3 | 4 | 5;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Problems of a pattern: times as HH:MM, each period ending after it starts, periods of a day not overlapping. */
export function hoursProblems(h: OpeningHours): string[] {
  const out: string[] = [];
  const check = (periods: Period[], where: string) => {
    const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
    sorted.forEach((p, i) => {
      if (!HHMM.test(p.from) || !HHMM.test(p.to)) out.push(`${where}: 时间格式为 HH:MM / times are HH:MM`);
      else if (minutes(p.to) <= minutes(p.from))
        out.push(`${where}: ${p.from}–${p.to} 结束须晚于开始 / a period ends after it starts`);
      else if (i > 0 && minutes(p.from) < minutes(sorted[i - 1].to)) out.push(`${where}: 时段重叠 / periods overlap`);
    });
  };
  for (const [day, periods] of Object.entries(h.weekly)) check(periods ?? [], `weekly.${day}`);
  if (h.holidays) check(h.holidays, 'holidays');
  return out;
}

/** ISO weekday of an epoch instant in Shanghai. */
export const weekdayOf = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The periods of one day, given the calendar's kind for it. */
export function periodsOn(h: OpeningHours, weekday: number, kind: DayKind): Period[] {
  if (kind === 'holiday') return h.holidays ?? [];
  if (kind === 'makeup_workday') return h.weekly[String(h.makeupAs ?? 1) as '1'] ?? [];
  return h.weekly[String(weekday) as '1'] ?? [];
}

/** Whether the site is open at a Shanghai clock time on that day. */
export function openAt(h: OpeningHours, weekday: number, kind: DayKind, hhmm: string): boolean {
  const m = minutes(hhmm);
  return periodsOn(h, weekday, kind).some((p) => minutes(p.from) <= m && m < minutes(p.to));
}

/** The standard hours of the centre and a community centre with its extended afternoons (Guicheng's practice). */
export const CENTRE_HOURS: OpeningHours = {
  weekly: Object.fromEntries(
    ['1', '2', '3', '4', '5'].map((d) => [
      d,
      [
        { from: '09:00', to: '12:00' },
        { from: '13:30', to: '17:30' },
      ],
    ]),
  ),
  makeupAs: 1,
};
export const COMMUNITY_HOURS: OpeningHours = {
  weekly: {
    ...Object.fromEntries(
      ['1', '2', '3', '4', '5'].map((d) => [
        d,
        [
          { from: '08:30', to: '12:00' },
          { from: '14:00', to: '18:00' },
          { from: '18:00', to: '20:00', extended: true },
        ],
      ]),
    ),
    '6': [{ from: '09:00', to: '12:00', extended: true }],
  },
  makeupAs: 1,
};
