/** What clients send to the work-order API: bodies, query strings, path parameters. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { Instant, OneOf } from '../../platform/contract';
import { ACTION_TYPES, CHANNELS, SLA_STATUSES, URGENCIES, VISIT_RESULTS } from './lists.contract';

const Crs = T.Union([T.Literal('WGS84'), T.Literal('GCJ02'), T.Literal('BD09')]);
const PointIn = T.Object(
  {
    lng: T.Number({ minimum: -180, maximum: 180 }),
    lat: T.Number({ minimum: -90, maximum: 90 }),
    crs: T.Optional(Crs),
  },
  { additionalProperties: false },
);
export const OrderIdParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const IdempotencyHeaders = T.Object({
  'idempotency-key': T.Optional(T.String({ minLength: 1, maxLength: 100 })),
});

export const NewOrderBody = T.Object(
  {
    channel: OneOf(CHANNELS),
    title: T.Optional(T.String({ maxLength: 100 })),
    description: T.String({ minLength: 1, maxLength: 4000 }),
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
    urgency: T.Optional(OneOf(URGENCIES)),
    address: T.Optional(T.String({ maxLength: 200 })),
    location: T.Optional(PointIn),
    reporter: T.Optional(
      T.Object(
        {
          name: T.Optional(T.String({ maxLength: 50 })),
          phone: T.Optional(T.String({ pattern: '^[0-9+ -]{5,20}$' })),
        },
        { additionalProperties: false },
      ),
    ),
    attachments: T.Optional(T.Array(T.String({ maxLength: 64 }), { maxItems: 9 })),
    sourceRef: T.Optional(T.String({ maxLength: 100 })),
    needsVisit: T.Optional(T.Boolean()),
  },
  { additionalProperties: false },
);
export type NewOrderBody = Static<typeof NewOrderBody>;

/** The body of POST /api/orders/:id/actions: the action's fields, as the state machine takes them. */
export const ActionBody = T.Object(
  {
    type: OneOf(ACTION_TYPES),
    unitId: T.Optional(T.String({ maxLength: 64 })),
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
    reply: T.Optional(T.String({ maxLength: 4000 })),
    reason: T.Optional(T.String({ maxLength: 1000 })),
    note: T.Optional(T.String({ maxLength: 1000 })),
    newDeadline: T.Optional(Instant()),
    addWorkingDays: T.Optional(T.Number({ minimum: 0.5, maximum: 60 })),
    result: T.Optional(OneOf(VISIT_RESULTS)),
    method: T.Optional(T.String({ maxLength: 20 })),
    mainOrderId: T.Optional(T.String({ maxLength: 64 })),
    attachments: T.Optional(
      T.Array(T.String({ minLength: 1, maxLength: 64 }), {
        maxItems: 9,
        description: '处置后照片（先经 POST /api/files 上传，仅提交办结）/ after-photos, submit_reply only',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

const ListFilters = {
  state: T.Optional(T.String({ maxLength: 200, description: 'states, comma-separated' })),
  unitId: T.Optional(T.String({ maxLength: 64 })),
  sla: T.Optional(OneOf(SLA_STATUSES)),
  channel: T.Optional(T.String({ maxLength: 20 })),
  categoryPrefix: T.Optional(T.String({ maxLength: 20 })),
  communityCode: T.Optional(T.String({ maxLength: 40 })),
  q: T.Optional(T.String({ maxLength: 100 })),
  phone: T.Optional(T.String({ maxLength: 20 })),
  from: T.Optional(Instant()),
  to: T.Optional(Instant()),
  open: T.Optional(T.Boolean()),
  supervised: T.Optional(T.Boolean()),
  request: T.Optional(
    T.Union([T.Literal('return'), T.Literal('extension')], {
      description: '待审核的退单或延期申请 / a pending return or extension request',
    }),
  ),
  late: T.Optional(T.Boolean({ description: '临期或超期 / due soon or overdue' })),
  registeredBy: T.Optional(
    T.Literal('me', { description: '我登记的工单 / the orders the caller registered (their intake)' }),
  ),
};
export const OrderListQuery = T.Object(
  {
    ...ListFilters,
    before: T.Optional(T.String({ maxLength: 80 })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
    sort: T.Optional(T.Union([T.Literal('newest'), T.Literal('deadline')])),
  },
  { additionalProperties: false },
);
export type OrderQuery = Static<typeof OrderListQuery>;
/** The export takes the list's filters, without paging. */
export const OrderExportQuery = T.Object(
  {
    ...ListFilters,
    includeReporter: T.Optional(
      T.Boolean({
        description: '含反映人姓名与电话（不脱敏，需 pii.reveal，留痕）/ reporters unmasked: pii.reveal only, audited',
      }),
    ),
  },
  { additionalProperties: false },
);
/** The printed sheets: 交办单 (handed to the unit) and 工单详情单 (the whole record). */
export const PRINT_SHEETS = ['assign', 'order'] as const;
export type PrintSheet = (typeof PRINT_SHEETS)[number];
export const OrderPrintedBody = T.Object({ sheet: OneOf(PRINT_SHEETS) }, { additionalProperties: false });
export const MineQuery = T.Object({ before: T.Optional(T.String({ maxLength: 80 })) }, { additionalProperties: false });
export const CallerParams = T.Object({ phone: T.String({ maxLength: 20 }) });
export const TrackQuery = T.Object(
  { number: T.String({ minLength: 5, maxLength: 30 }), phone: T.String({ pattern: '^[0-9+ -]{5,20}$' }) },
  { additionalProperties: false },
);

export const PublicOrderBody = T.Object(
  {
    title: T.Optional(T.String({ maxLength: 100 })),
    description: T.String({ minLength: 5, maxLength: 4000 }),
    address: T.Optional(T.String({ maxLength: 200 })),
    location: T.Optional(PointIn),
    name: T.Optional(T.String({ maxLength: 50 })),
    phone: T.String({ pattern: '^1[3-9][0-9]{9}$' }),
    channel: T.Optional(T.Union([T.Literal('web'), T.Literal('wechat')])),
  },
  { additionalProperties: false },
);

export const WechatMessageBody = T.Object(
  {
    openid: T.String({ minLength: 5, maxLength: 64 }),
    content: T.String({ minLength: 2, maxLength: 4000 }),
    location: T.Optional(
      T.Object(
        {
          latitude: T.Number({ minimum: -90, maximum: 90 }),
          longitude: T.Number({ minimum: -180, maximum: 180 }),
          label: T.Optional(T.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
    ),
    phone: T.Optional(T.String({ pattern: '^1[3-9][0-9]{9}$' })),
    nickname: T.Optional(T.String({ maxLength: 50 })),
    msgId: T.Optional(T.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
