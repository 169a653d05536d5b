/**
 * 好差评 over HTTP: the levels, indicators and labels of the national standard (the one copy, for
 * server and web), request bodies and responses. Imports only TypeBox and other contracts.
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, Instant, MaybeAt, MaybeNumber, MaybeString, OneOf } from '../../../platform/contract';

export const SUBJECT_KINDS = ['case', 'visit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const CHANNELS = ['web', 'app', 'sms', 'kiosk', 'pad'] as const;
export type Channel = (typeof CHANNELS)[number];
/** 网上评价 (online indicators); the rest are 现场评价 (on-site indicators). */
export const ONLINE_CHANNELS = ['web', 'app', 'sms'] as const satisfies readonly Channel[];
export const RECTIFICATION_STATUSES = ['open', 'called_back', 'fixed', 'explained', 'voided'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const APPEAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const APPEAL_DECISIONS = ['accept', 'reject'] as const;
export const REPORT_STATUSES = ['pending', 'sent', 'recorded', 'failed'] as const;
export const STATS_BY = ['department', 'window', 'month'] as const;

/** The five levels, 5 = 非常满意 ★★★★★ … 1 = 非常不满意 ★. */
export const LEVELS = [
  { level: 5, zh: '非常满意', en: 'Very satisfied' },
  { level: 4, zh: '满意', en: 'Satisfied' },
  { level: 3, zh: '基本满意', en: 'Fairly satisfied' },
  { level: 2, zh: '不满意', en: 'Dissatisfied' },
  { level: 1, zh: '非常不满意', en: 'Very dissatisfied' },
] as const;

/** Indicators: online (总体、办事效率、办事指南准确性、便利度、平台易用性) and on-site (总体、办事效率、业务水平、服务态度). */
export const INDICATORS = {
  online: [
    { code: 'overall', zh: '总体评价', en: 'Overall' },
    { code: 'efficiency', zh: '办事效率', en: 'Efficiency' },
    { code: 'guide', zh: '办事指南准确性', en: 'Guide accuracy' },
    { code: 'convenience', zh: '便利程度', en: 'Convenience' },
    { code: 'usability', zh: '平台易用性', en: 'Ease of use' },
  ],
  onsite: [
    { code: 'overall', zh: '总体评价', en: 'Overall' },
    { code: 'efficiency', zh: '办事效率', en: 'Efficiency' },
    { code: 'competence', zh: '业务水平', en: 'Competence' },
    { code: 'attitude', zh: '服务态度', en: 'Attitude' },
  ],
} as const;
export type IndicatorCode = (typeof INDICATORS)['online' | 'onsite'][number]['code'];

const L = (code: string, zh: string, en: string) => ({ code, zh, en });
/** The labels offered under each level (评价标签). */
export const LEVEL_LABELS: Record<string, ReadonlyArray<{ code: string; zh: string; en: string }>> = {
  '5': [
    L('guide_clear', '办事指南清晰易懂', 'Clear guide'),
    L('done_once', '一次办成', 'Done in one visit'),
    L('fast', '办理速度快', 'Fast'),
    L('warm', '服务热情周到', 'Warm, attentive service'),
    L('online_easy', '网上办理便捷', 'Easy online'),
  ],
  '4': [
    L('guide_ok', '办事指南较清晰', 'Guide mostly clear'),
    L('quick', '办理较快', 'Quick enough'),
    L('polite', '服务态度好', 'Polite staff'),
    L('simple', '流程简便', 'Simple process'),
  ],
  '3': [
    L('bit_slow', '办理时间稍长', 'A bit slow'),
    L('wait_bit', '等候时间稍长', 'Waited a while'),
    L('guide_basic', '指南基本清晰', 'Guide adequate'),
    L('attitude_avg', '服务态度一般', 'Average attitude'),
  ],
  '2': [
    L('guide_unclear', '办事指南不清晰', 'Unclear guide'),
    L('many_visits', '多次跑动', 'Several visits needed'),
    L('overtime', '超时办结', 'Finished late'),
    L('bad_attitude', '服务态度差', 'Poor attitude'),
    L('long_wait', '等候时间长', 'Long wait'),
    L('hard_system', '系统操作复杂', 'Hard-to-use system'),
  ],
  '1': [
    L('guide_unclear', '办事指南不清晰', 'Unclear guide'),
    L('many_visits', '多次跑动', 'Several visits needed'),
    L('overtime', '超时办结', 'Finished late'),
    L('bad_attitude', '服务态度差', 'Poor attitude'),
    L('too_many_materials', '索要材料过多', 'Too many materials asked'),
    L('shirking', '推诿扯皮', 'Passed from desk to desk'),
    L('misconduct', '吃拿卡要', 'Asked for favours'),
  ],
};

const Id = T.String({ minLength: 1, maxLength: 64 });
const Number_ = T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });
const Phone = T.String({ minLength: 5, maxLength: 20, pattern: '^[0-9+\\- ]+$' });
const Person = T.String({ minLength: 1, maxLength: 50 });
const Text = (max: number) => T.String({ minLength: 1, maxLength: max });
const Level = T.Integer({ minimum: 1, maximum: 5 });

export const NoQuery = T.Object({}, { additionalProperties: false });
export const IdParams = T.Object({ id: Id }, { additionalProperties: false });

/** What the rating pad / tracking page asks before showing the form. */
export const SubjectQuery = T.Object(
  { kind: OneOf(SUBJECT_KINDS), number: Number_, phone: T.Optional(Phone) },
  { additionalProperties: false },
);

export const RatingBody = T.Object(
  {
    kind: OneOf(SUBJECT_KINDS),
    number: Number_,
    phone: T.Optional(Phone),
    channel: OneOf(CHANNELS),
    level: Level,
    indicators: T.Optional(T.Record(T.String({ pattern: '^[a-z]{1,20}$' }), Level, { maxProperties: 5 })),
    labels: T.Optional(T.Array(T.String({ minLength: 1, maxLength: 40 }), { maxItems: 8 })),
    comment: T.Optional(T.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const Rating = T.Object({
  id: T.String(),
  kind: T.String(),
  number: T.String(),
  departmentId: T.String(),
  siteId: T.String(),
  windowId: MaybeString,
  itemCode: MaybeString,
  round: T.Number(),
  level: T.Number(),
  levelName: T.String(),
  bad: T.Boolean(),
  indicators: T.Record(T.String(), T.Number()),
  labels: T.Array(T.Object({ code: T.String(), zh: T.String(), en: T.String() })),
  comment: MaybeString,
  channel: T.String(),
  current: T.Boolean(),
  voided: T.Boolean(),
  groundless: T.Boolean(),
  createdAt: At,
});

export const Rectification = T.Object({
  id: T.String(),
  ratingId: T.String(),
  number: T.String(),
  departmentId: T.String(),
  windowId: MaybeString,
  status: OneOf(RECTIFICATION_STATUSES),
  assigneeId: MaybeString,
  assigneeName: MaybeString,
  callbackDue: At,
  fixDue: At,
  callbackAt: MaybeAt,
  callbackBy: MaybeString,
  callbackNote: MaybeString,
  callbackReached: T.Unsafe<boolean | null>({ type: 'boolean', nullable: true }),
  fixedAt: MaybeAt,
  fixedBy: MaybeString,
  fixText: MaybeString,
  explanation: MaybeString,
  callbackOverdue: T.Boolean(),
  fixOverdue: T.Boolean(),
  reratingId: MaybeString,
  level: T.Number(),
  createdAt: At,
});

export const Appeal = T.Object({
  id: T.String(),
  ratingId: T.String(),
  status: OneOf(APPEAL_STATUSES),
  reason: T.String(),
  filedBy: MaybeString,
  filedAt: At,
  reviewedBy: MaybeString,
  reviewNote: MaybeString,
  reviewedAt: MaybeAt,
});

export const RatingDetail = T.Object({
  rating: Rating,
  rectification: T.Unsafe<Static<typeof Rectification> | null>({ ...Rectification, nullable: true }),
  appeal: T.Unsafe<Static<typeof Appeal> | null>({ ...Appeal, nullable: true }),
});

/** What the pad shows for a subject: whether (and which round) it may be rated now. */
export const SubjectStatus = T.Object({
  kind: T.String(),
  number: T.String(),
  rateable: T.Boolean(),
  round: MaybeNumber,
  reason: MaybeString,
  finishedAt: At,
  ratings: T.Array(T.Object({ round: T.Number(), level: T.Number(), createdAt: At })),
});

export const RatingsQuery = T.Object(
  {
    departmentId: T.Optional(Id),
    windowId: T.Optional(Id),
    bad: T.Optional(T.Boolean()),
    from: T.Optional(Instant()),
    to: T.Optional(Instant()),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export const RatingList = T.Object({ items: T.Array(Rating) });

export const RectificationsQuery = T.Object(
  {
    status: T.Optional(OneOf(RECTIFICATION_STATUSES)),
    overdue: T.Optional(T.Boolean()),
    departmentId: T.Optional(Id),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export const RectificationList = T.Object({ items: T.Array(Rectification) });

export const AssignBody = T.Object(
  { assigneeId: T.Optional(Id), assigneeName: Person },
  { additionalProperties: false },
);
export const CallbackBody = T.Object(
  { by: Person, reached: T.Boolean(), note: Text(1000) },
  { additionalProperties: false },
);
export const FixBody = T.Object({ by: Person, text: Text(2000) }, { additionalProperties: false });
export const ExplainBody = T.Object({ by: Person, explanation: Text(2000) }, { additionalProperties: false });
export const AppealBody = T.Object({ reason: Text(2000) }, { additionalProperties: false });
export const ReviewBody = T.Object(
  { decision: OneOf(APPEAL_DECISIONS), note: Text(1000) },
  { additionalProperties: false },
);
export const AppealsQuery = T.Object(
  { status: T.Optional(OneOf(APPEAL_STATUSES)), limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
export const AppealList = T.Object({ items: T.Array(Appeal) });

export const StatsQuery = T.Object(
  { by: OneOf(STATS_BY), from: T.Optional(Instant()), to: T.Optional(Instant()) },
  { additionalProperties: false },
);
export const StatsRow = T.Object({
  key: T.String(),
  /** the window's department (by=window) */
  departmentId: MaybeString,
  count: T.Number(),
  satisfied: T.Number(),
  bad: T.Number(),
  groundless: T.Number(),
  rectifiedOnTime: T.Number(),
  satisfactionRate: MaybeNumber,
  badRate: MaybeNumber,
  rectificationRate: MaybeNumber,
  /** 1 = the highest 差评率 */
  rank: T.Number(),
});
export const Stats = T.Object({
  by: OneOf(STATS_BY),
  rows: T.Array(StatsRow),
  total: StatsRow,
});
export type StatsRowView = Static<typeof StatsRow>;

export const ReportsQuery = T.Object(
  { status: T.Optional(OneOf(REPORT_STATUSES)), limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
export const Report = T.Object({
  id: T.String(),
  kind: T.String(),
  refId: T.String(),
  payload: T.Unknown(),
  status: OneOf(REPORT_STATUSES),
  attempts: T.Number(),
  lastError: MaybeString,
  remoteRef: MaybeString,
  createdAt: At,
  sentAt: MaybeAt,
});
export const ReportList = T.Object({ items: T.Array(Report) });

export const Invitation = T.Object({
  id: T.String(),
  number: T.String(),
  channel: T.String(),
  recipient: MaybeString,
  text: T.String(),
  createdAt: At,
});
export const InvitationList = T.Object({ items: T.Array(Invitation) });

/** The levels, indicators and labels, for forms. */
export const Standard = T.Object({
  levels: T.Array(T.Object({ level: T.Number(), zh: T.String(), en: T.String() })),
  labels: T.Record(T.String(), T.Array(T.Object({ code: T.String(), zh: T.String(), en: T.String() }))),
  indicators: T.Object({
    online: T.Array(T.Object({ code: T.String(), zh: T.String(), en: T.String() })),
    onsite: T.Array(T.Object({ code: T.String(), zh: T.String(), en: T.String() })),
  }),
});
