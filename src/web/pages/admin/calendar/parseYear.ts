/**
 * A year's holiday overrides as people write them: JSON `{holidays:[…], workdays:[…]}` or lines
 * `YYYY-MM-DD 休|班 [name]` (休 = day off, 班 = make-up working day). Pure, so the editor can
 * show every problem before saving.
 */
import type { MessageKey } from '../../../i18n';

export interface YearProblem {
  line?: number;
  level: 'error' | 'warning';
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface ParsedYear {
  holidays: string[];
  workdays: string[];
  names: Record<string, string>;
  problems: YearProblem[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const REST_WORDS = new Set(['休', 'holiday', 'rest', 'off']);
const WORK_WORDS = new Set(['班', 'workday', 'work', 'makeup']);

export function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const isWeekend = (s: string) => {
  const w = weekday(s);
  return w === 0 || w === 6;
};

/** The editable text for a year: one line per day, sorted. */
export function toLines(holidays: string[], workdays: string[]): string {
  const rows = [
    ...holidays.map((date) => ({ date, mark: '休' })),
    ...workdays.map((date) => ({ date, mark: '班' })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return rows.map((r) => `${r.date} ${r.mark}`).join('\n');
}

export function parseYearText(text: string, year: number): ParsedYear {
  const out: ParsedYear = { holidays: [], workdays: [], names: {}, problems: [] };
  const marks = new Map<string, 'rest' | 'work'>();
  const add = (date: string, kind: 'rest' | 'work', line: number | undefined, name?: string) => {
    if (!isRealDate(date)) {
      out.problems.push({ line, level: 'error', key: 'calendar.parse.badDate', params: { date } });
      return;
    }
    if (Number(date.slice(0, 4)) !== year) {
      out.problems.push({ line, level: 'error', key: 'calendar.parse.wrongYear', params: { date, year } });
      return;
    }
    const prev = marks.get(date);
    if (prev && prev !== kind) {
      out.problems.push({ line, level: 'error', key: 'calendar.parse.conflict', params: { date } });
      return;
    }
    if (prev) {
      out.problems.push({ line, level: 'warning', key: 'calendar.parse.duplicate', params: { date } });
      return;
    }
    marks.set(date, kind);
    if (kind === 'work' && !isWeekend(date))
      out.problems.push({ line, level: 'warning', key: 'calendar.parse.workOnWeekday', params: { date } });
    (kind === 'rest' ? out.holidays : out.workdays).push(date);
    if (name) out.names[date] = name;
  };

  const trimmed = text.trim();
  if (!trimmed) {
    out.problems.push({ level: 'warning', key: 'calendar.parse.empty' });
    return out;
  }
  if (trimmed.startsWith('{')) {
    let json: { year?: unknown; holidays?: unknown; workdays?: unknown };
    try {
      json = JSON.parse(trimmed);
    } catch (e) {
      out.problems.push({ level: 'error', key: 'calendar.parse.json', params: { reason: (e as Error).message } });
      return out;
    }
    if (json.year !== undefined && Number(json.year) !== year) {
      out.problems.push({ level: 'error', key: 'calendar.parse.jsonYear', params: { found: String(json.year), year } });
    }
    for (const [field, kind] of [
      ['holidays', 'rest'],
      ['workdays', 'work'],
    ] as const) {
      const list = json[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        out.problems.push({ level: 'error', key: 'calendar.parse.notArray', params: { field } });
        continue;
      }
      for (const e of list as unknown[]) {
        const date =
          typeof e === 'string'
            ? e
            : typeof e === 'object' && e && 'date' in e
              ? String((e as { date: unknown }).date)
              : String(e);
        const name = typeof e === 'object' && e && 'name' in e ? String((e as { name: unknown }).name) : undefined;
        add(date.trim(), kind, undefined, name);
      }
    }
  } else {
    trimmed.split(/\r?\n/).forEach((raw, i) => {
      const line = i + 1;
      const s = raw.trim();
      if (!s || s.startsWith('#') || s.startsWith('//')) return;
      const m = /^(\S+)\s+(\S+)(?:\s+(.+))?$/.exec(s);
      const word = m?.[2].toLowerCase() ?? '';
      if (!m || !(REST_WORDS.has(word) || WORK_WORDS.has(word))) {
        out.problems.push({ line, level: 'error', key: 'calendar.parse.badLine', params: { text: s } });
        return;
      }
      add(m[1], REST_WORDS.has(word) ? 'rest' : 'work', line, m[3]?.trim());
    });
  }
  out.holidays.sort();
  out.workdays.sort();
  return out;
}
