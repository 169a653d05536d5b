/** Recurring flight schedules and the flights calendar: the API shapes (imports only TypeBox and contracts). */
import { Type as T } from '@sinclair/typebox';
import { At, Instant, MaybeString, Nullable, OneOf } from '../../../platform/contract';
import { Check, FLIGHT_STATE_LIST, SCENARIO_LIST } from '../missions/missions.contract';

export const RUN_STATES = ['planned', 'skipped'] as const;
export const CALENDAR_KINDS = ['flight', 'occurrence', 'skipped'] as const;

/** YYYY-MM-DD (a Shanghai date); that it exists is checked by the service (400 invalid_date). */
const DateText = T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', minLength: 10, maxLength: 10 });
const Id = T.String({ minLength: 1, maxLength: 64 });

const fields = {
  name: T.String({ minLength: 1, maxLength: 60 }),
  routeId: Id,
  /** null or absent: the best dock at take-off planning time */
  dockSn: Nullable(T.String({ minLength: 4, maxLength: 64 })),
  scenario: OneOf(SCENARIO_LIST),
  purpose: T.String({ minLength: 1, maxLength: 200 }),
  /** the requesting unit (identity's directory) */
  orgId: Nullable(Id),
  /** five fields (minute hour day month weekday), Asia/Shanghai: `0 9 * * *`, `30 14 * * 1,3,5`, `0 8-18/2 * * *` */
  cron: T.String({ minLength: 1, maxLength: 100 }),
  startDate: DateText,
  endDate: Nullable(DateText),
  enabled: T.Boolean(),
};

export const CreateScheduleBody = T.Object(
  {
    name: fields.name,
    routeId: fields.routeId,
    dockSn: T.Optional(fields.dockSn),
    scenario: fields.scenario,
    purpose: fields.purpose,
    orgId: T.Optional(fields.orgId),
    cron: fields.cron,
    startDate: fields.startDate,
    endDate: T.Optional(fields.endDate),
    enabled: T.Optional(fields.enabled),
  },
  { additionalProperties: false },
);
export const UpdateScheduleBody = T.Partial(T.Object(fields), { additionalProperties: false, minProperties: 1 });

export const ScheduleParams = T.Object({ id: Id });
export const NoQuery = T.Object({}, { additionalProperties: false });

export const Schedule = T.Object({
  id: T.String(),
  name: T.String(),
  routeId: T.String(),
  routeName: MaybeString,
  dockSn: MaybeString,
  scenario: OneOf(SCENARIO_LIST),
  purpose: T.String(),
  orgId: MaybeString,
  cron: T.String(),
  startDate: T.String(),
  endDate: MaybeString,
  enabled: T.Boolean(),
  revision: T.Integer(),
  /** the coming take-offs (at most five) */
  next: T.Array(At),
  /** the last take-off skipped in the past week, with its reason */
  lastSkipped: Nullable(T.Object({ at: At, code: T.String(), reason: T.String() })),
  createdAt: At,
  updatedAt: At,
});
export const ScheduleList = T.Object({ items: T.Array(Schedule) });

export const ScheduleRun = T.Object({
  occurrenceAt: At,
  revision: T.Integer(),
  state: OneOf(RUN_STATES),
  flightId: MaybeString,
  flightState: Nullable(OneOf(FLIGHT_STATE_LIST)),
  code: MaybeString,
  reason: MaybeString,
  checks: T.Array(Check),
});
export const ScheduleDetail = T.Object({ schedule: Schedule, runs: T.Array(ScheduleRun) });

export const CalendarQuery = T.Object(
  {
    from: Instant(),
    to: Instant(),
    dockSn: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const CalendarItem = T.Object({
  /** flight: planned or flown; occurrence: a schedule's take-off not planned yet; skipped: one that was not flown */
  kind: OneOf(CALENDAR_KINDS),
  id: T.String(),
  name: T.String(),
  /** null: a schedule's take-off on the best dock, chosen when it is planned */
  dockSn: MaybeString,
  start: At,
  end: At,
  scenario: OneOf(SCENARIO_LIST),
  state: Nullable(OneOf(FLIGHT_STATE_LIST)),
  flightId: MaybeString,
  scheduleId: MaybeString,
  orderId: MaybeString,
  reason: MaybeString,
});
export const Calendar = T.Object({
  from: At,
  to: At,
  docks: T.Array(T.Object({ sn: T.String(), name: T.String(), online: T.Boolean() })),
  items: T.Array(CalendarItem),
});
