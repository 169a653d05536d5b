/** The platform's own API: health, audit log, work calendar, map settings, files. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, Instant, Json, MaybeNumber, MaybeString, Nullable, OneOf } from './contract';

export const Health = T.Object({
  status: T.Union([T.Literal('ok'), T.Literal('degraded')]),
  db: T.Object({ ok: T.Boolean(), dialect: T.String() }),
  /** ok null: no broker in this process (MQTT disabled). */
  mqtt: T.Object({ ok: Nullable(T.Boolean()), mode: T.String() }),
  /** The S3-compatible store for dock media: embedded | external | disabled (ok null); ok = its bucket answers. */
  objectStore: T.Object({ ok: Nullable(T.Boolean()), mode: T.String() }),
  node: T.String(),
  time: At,
  calendarWarnings: T.Array(T.String()),
  /** The years behind calendarWarnings, for clients that word the warning in their own language. */
  calendarMissingYears: T.Array(T.Integer()),
});
export type Health = Static<typeof Health>;

export const AuditQuery = T.Object(
  {
    entityType: T.Optional(T.String({ maxLength: 64 })),
    entityId: T.Optional(T.String({ maxLength: 64 })),
    actorId: T.Optional(T.String({ maxLength: 64 })),
    action: T.Optional(T.String({ maxLength: 64 })),
    subject: T.Optional(
      T.String({
        minLength: 1,
        maxLength: 64,
        description: '对象：编号或名称（如工单号）/ the record, by its number or name',
      }),
    ),
    actor: T.Optional(T.String({ minLength: 1, maxLength: 64, description: '操作人姓名 / who acted, by name' })),
    before: T.Optional(T.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export const AuditRow = T.Object({
  seq: T.Number(),
  at: At,
  actorId: MaybeString,
  actorName: MaybeString,
  action: T.String(),
  entityType: T.String(),
  entityId: MaybeString,
  /** What people call the record (工单号, a name), when its module names it. */
  entityLabel: MaybeString,
  before: Json,
  after: Json,
  ip: MaybeString,
});
export type AuditRow = Static<typeof AuditRow>;
export const AuditPage = T.Object({ items: T.Array(AuditRow), nextBefore: MaybeNumber });
export type AuditPage = Static<typeof AuditPage>;

export const AUDIT_PROBLEMS = ['altered', 'deleted', 'out_of_order', 'head_mismatch'] as const;
export const AuditVerify = T.Object({
  ok: T.Boolean(),
  checked: T.Number(),
  firstBad: T.Optional(T.Object({ seq: T.Number(), problem: OneOf(AUDIT_PROBLEMS), message: T.String() })),
});
export type AuditVerify = Static<typeof AuditVerify>;

export const YearParams = T.Object({ year: T.Integer({ minimum: 1990, maximum: 2200 }) });
export const ArrangementBody = T.Object(
  {
    holidays: T.Array(T.String({ maxLength: 10 }), { maxItems: 366 }),
    workdays: T.Array(T.String({ maxLength: 10 }), { maxItems: 366 }),
    source: T.Optional(T.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const ArrangementText = T.Object(
  { text: T.String({ maxLength: 20000 }), source: T.Optional(T.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const YearArrangement = T.Object({
  year: T.Number(),
  holidays: T.Array(T.String()),
  workdays: T.Array(T.String()),
  source: T.Optional(MaybeString),
});
export const CalendarYear = T.Object({
  year: T.Number(),
  /** override: entered by an administrator; package: chinese-days' published data. */
  source: T.Union([T.Literal('package'), T.Literal('override')]),
  note: MaybeString,
  holidays: T.Array(T.String()),
  workdays: T.Array(T.String()),
  updatedAt: MaybeNumber,
});
export type CalendarYear = Static<typeof CalendarYear>;
export const CalendarYears = T.Object({ items: T.Array(CalendarYear), warnings: T.Array(T.String()) });
export type CalendarYearsResponse = Static<typeof CalendarYears>;

export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const;
export const DaysQuery = T.Object(
  { from: T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), to: T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) },
  { additionalProperties: false },
);
export const CalendarDay = T.Object({ date: T.String(), kind: OneOf(DAY_KINDS) });
export type CalendarDay = Static<typeof CalendarDay>;
export const CalendarDays = T.Object({ items: T.Array(CalendarDay) });
export const AddQuery = T.Object(
  {
    // the calendar knows years up to 2200; later instants (or 1e20) are typos, not questions
    from: Instant(),
    days: T.Optional(T.Integer({ minimum: 0, maximum: 365 })),
    hours: T.Optional(T.Number({ minimum: 0, maximum: 2000 })),
  },
  { additionalProperties: false },
);
export const AddResult = T.Object({ from: At, due: At, warnings: T.Array(T.String()) });

export const MapConfig = T.Object({
  /** null: no tile server configured; the map draws the street's own layers only. */
  tileUrl: MaybeString,
  attribution: T.String(),
  /** [lat, lng] */
  center: T.Tuple([T.Number(), T.Number()]),
  zoom: T.Number(),
});
export type MapConfig = Static<typeof MapConfig>;

export const FileParams = T.Object({ id: T.String({ pattern: '^[0-9a-z]{22}$' }) });
export const UploadedFile = T.Object({
  id: T.String(),
  name: T.String(),
  contentType: T.String(),
  size: T.Number(),
  url: T.String(),
});
export type UploadedFile = Static<typeof UploadedFile>;

/** A message of the live stream (/api/stream): a committed domain event the caller may see. */
export const StreamEvent = T.Object({
  seq: T.Optional(T.Number()),
  type: T.String(),
  entityType: T.Optional(MaybeString),
  entityId: T.Optional(MaybeString),
  data: T.Optional(Json),
  at: T.Optional(T.Number()),
});
