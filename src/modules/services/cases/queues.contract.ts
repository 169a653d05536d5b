/** The clerk's and the reviewer's queues and the ID-number lookup over HTTP (TypeBox only; the web imports it). */
import { type Static, Type as T } from '@sinclair/typebox';
import { Nullable, OneOf } from '../../../platform/contract';
import { CaseRow, Clock } from './cases.contract';

/** A window's queues: 预审 (pre_review), 待受理 (submitted), 待补正 (awaiting_correction), 待送达 (decided). */
export const WINDOW_QUEUES = ['pre_review', 'acceptance', 'correction', 'handout'] as const;
export type WindowQueue = (typeof WINDOW_QUEUES)[number];

const Id = T.String({ minLength: 1, maxLength: 64 });
const Paging = {
  limit: T.Optional(T.Integer({ minimum: 1, maximum: 200 })),
  offset: T.Optional(T.Integer({ minimum: 0, maximum: 1_000_000 })),
};

export const WindowQueueQuery = T.Object(
  { kind: OneOf(WINDOW_QUEUES), siteId: T.Optional(Id), itemId: T.Optional(Id), ...Paging },
  { additionalProperties: false },
);
export type WindowQueueQuery = Static<typeof WindowQueueQuery>;

export const DepartmentQueueQuery = T.Object(
  {
    departmentId: T.Optional(Id),
    clock: T.Optional(OneOf(['overdue', 'due_soon'] as const)),
    itemId: T.Optional(Id),
    ...Paging,
  },
  { additionalProperties: false },
);
export type DepartmentQueueQuery = Static<typeof DepartmentQueueQuery>;

/** A queue row: the case row with the clock that matters in that queue (pre-review or promised). */
export const QueueRow = T.Object({
  ...CaseRow.properties,
  stepName: Nullable(T.String()),
  clock: Nullable(Clock),
});
export const QueueList = T.Object({ items: T.Array(QueueRow), total: T.Integer() });

export const LookupBody = T.Object(
  {
    /** 居民身份证号码 or 统一社会信用代码, checked with its checksum. */
    idNo: T.String({ minLength: 15, maxLength: 24 }),
  },
  { additionalProperties: false },
);
export const LookupResult = T.Object({
  idNo: T.String({ description: 'masked' }),
  items: T.Array(QueueRow),
  total: T.Integer(),
});
