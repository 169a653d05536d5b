import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../schema';
import type { Clock } from './clock';
import type { Work } from './transact';
import {
  WorkCalendar,
  inCalendarSpan,
  CALENDAR_FIRST_YEAR,
  CALENDAR_END_YEAR,
  parseArrangement,
  packageArrangement,
  localMs,
  localDateKey,
  type Pause,
  type YearArrangement,
  type DayKind,
} from './calendar';
import { badRequest } from './errors';

const DAY = 86_400_000;

/**
 * The platform's one work calendar: the pure WorkCalendar plus the year arrangements admins
 * entered (stored in `calendar_years`, overriding the chinese-days package). Reloaded when an
 * admin changes a year; other nodes pick the change up through `reload()` on the change event.
 */
export class CalendarService {
  private cal: WorkCalendar = new WorkCalendar();
  private unknownYears = new Set<number>();

  constructor(
    private db: Kysely<DB>,
    private clock: Clock,
    private logger: Logger,
  ) {}

  async load(): Promise<void> {
    const rows = await this.db.selectFrom('calendar_years').selectAll().execute();
    const overrides: YearArrangement[] = rows.map((r) => ({
      year: Number(r.year),
      holidays: JSON.parse(r.holidays),
      workdays: JSON.parse(r.workdays),
      source: r.source ?? undefined,
    }));
    this.cal = new WorkCalendar({
      overrides,
      onUnknownYear: (year) => {
        // a question about a far-off year (1970, 2150) is not a missing arrangement worth a warning
        const current = new Date(this.clock.now() + 8 * 3_600_000).getUTCFullYear();
        if (Math.abs(year - current) > 2) return;
        this.unknownYears.add(year);
        this.logger.warn(
          { year },
          `WORK CALENDAR: no holiday arrangement for ${year}; counting plain weekends. An admin should enter the State Council's ${year} arrangement (系统管理 › 工作日历).`,
        );
      },
    });
    // Warn at start about the coming year, since the State Council publishes it each autumn.
    const thisYear = new Date(this.clock.now() + 8 * 3_600_000).getUTCFullYear();
    for (const y of [thisYear, thisYear + 1]) {
      if (!this.cal.isKnownYear(y)) this.unknownYears.add(y);
    }
  }

  get calendar(): WorkCalendar {
    return this.cal;
  }

  isWorkday = (ms: number) => this.cal.isWorkday(ms);
  dayKind = (ms: number): DayKind => this.cal.dayKind(ms);
  addWorkingDays = (from: number, days: number) => this.cal.addWorkingDays(from, days);
  addWorkingHours = (from: number, hours: number) => this.cal.addWorkingHours(from, hours);
  workingMsBetween = (from: number, to: number, pauses?: Pause[]) => this.cal.workingMsBetween(from, to, pauses);

  /** Years the calendar has no arrangement for but has been (or soon will be) asked about. */
  missingYears(): number[] {
    return [...this.unknownYears].filter((y) => !this.cal.isKnownYear(y)).sort();
  }

  warnings(): string[] {
    return this.missingYears().map(
      (y) =>
        `${y} 年的节假日安排尚未录入，按普通周末计算 / no holiday arrangement for ${y}: counting plain weekends until an admin enters it`,
    );
  }

  async years() {
    const rows = await this.db.selectFrom('calendar_years').selectAll().execute();
    const overridden = new Map(rows.map((r) => [Number(r.year), r]));
    return this.cal.knownYears().map((year) => {
      const o = overridden.get(year);
      const a = o
        ? { holidays: JSON.parse(o.holidays), workdays: JSON.parse(o.workdays), source: o.source }
        : packageArrangement(year);
      return {
        year,
        source: o ? ('override' as const) : ('package' as const),
        note: a?.source ?? null,
        holidays: a?.holidays ?? [],
        workdays: a?.workdays ?? [],
        updatedAt: o ? Number(o.updated_at) : null,
      };
    });
  }

  /** Saves a year's arrangement inside the caller's use case; call `load()` after commit. */
  async putYear(w: Work, input: unknown): Promise<YearArrangement> {
    const a = parseArrangement(input);
    const before = await w.trx.selectFrom('calendar_years').selectAll().where('year', '=', a.year).executeTakeFirst();
    const row = {
      year: a.year,
      holidays: JSON.stringify(a.holidays),
      workdays: JSON.stringify(a.workdays),
      source: a.source ?? null,
      updated_at: w.now,
      updated_by: w.ctx.actorId,
    };
    if (before) await w.trx.updateTable('calendar_years').set(row).where('year', '=', a.year).execute();
    else await w.trx.insertInto('calendar_years').values(row).execute();
    w.audit({
      action: 'calendar.year.put',
      entityType: 'calendar_year',
      entityId: String(a.year),
      before: before ?? null,
      after: a,
    });
    w.emit({ type: 'calendar.changed', entityType: 'calendar_year', entityId: String(a.year), data: { year: a.year } });
    return a;
  }

  async deleteYear(w: Work, year: number): Promise<void> {
    const before = await w.trx.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
    if (!before) throw badRequest('no_override', `year ${year} has no admin-entered arrangement`);
    await w.trx.deleteFrom('calendar_years').where('year', '=', year).execute();
    w.audit({ action: 'calendar.year.delete', entityType: 'calendar_year', entityId: String(year), before });
    w.emit({ type: 'calendar.changed', entityType: 'calendar_year', entityId: String(year), data: { year } });
  }

  /** The kind of each local day from `from` to `to` (YYYY-MM-DD, inclusive, at most 400 days). */
  days(from: string, to: string): Array<{ date: string; kind: DayKind }> {
    const parse = (d: string) => {
      try {
        return localMs(d);
      } catch {
        throw badRequest('invalid_date', `not a YYYY-MM-DD date: ${d}`);
      }
    };
    const start = parse(from);
    const end = parse(to);
    if (end < start) throw badRequest('invalid_range', 'from and to must be dates with from ≤ to');
    if (!inCalendarSpan(start) || !inCalendarSpan(end)) {
      throw badRequest('invalid_range', `dates must lie in ${CALENDAR_FIRST_YEAR}–${CALENDAR_END_YEAR - 1}`);
    }
    if ((end - start) / DAY > 400) throw badRequest('invalid_range', 'at most 400 days at a time');
    const out: Array<{ date: string; kind: DayKind }> = [];
    for (let t = start + 12 * 3_600_000; t <= end + 12 * 3_600_000; t += DAY)
      out.push({ date: localDateKey(t), kind: this.cal.dayKind(t) });
    return out;
  }
}
