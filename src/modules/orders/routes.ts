import { Type as T, type Static } from '@sinclair/typebox';
import type { Http } from '../../platform/http';
import { requirePrincipal } from '../../platform/auth/hooks';
import { auditContext } from '../../platform/request-context';
import { badRequest } from '../../platform/errors';
import { perAddress } from '../../platform/rate-limit';
import { Instant } from '../../platform/instants';
import { EXPORT_MAX_ROWS } from './export/export-xlsx';
import { exportLedger } from './export/export.service';
import type { OrdersServices } from './services';
import { CHANNELS } from './intake/intake.service';
import { ACTION_TYPES, type OrderAction } from './model';

const Id = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
const Crs = T.Union([T.Literal('WGS84'), T.Literal('GCJ02'), T.Literal('BD09')]);
const Urgency = T.Union([T.Literal('normal'), T.Literal('urgent'), T.Literal('emergency')]);

export const NewOrderBody = T.Object(
  {
    channel: T.Union(CHANNELS.map((c) => T.Literal(c))),
    title: T.Optional(T.String({ maxLength: 100 })),
    description: T.String({ minLength: 1, maxLength: 4000 }),
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
    urgency: T.Optional(Urgency),
    address: T.Optional(T.String({ maxLength: 200 })),
    location: T.Optional(
      T.Object(
        {
          lng: T.Number({ minimum: -180, maximum: 180 }),
          lat: T.Number({ minimum: -90, maximum: 90 }),
          crs: T.Optional(Crs),
        },
        { additionalProperties: false },
      ),
    ),
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

/** The body of POST /api/orders/:id/actions: the action's fields, as the state machine takes them. */
const ActionBody = T.Object(
  {
    type: T.Union(ACTION_TYPES.map((a) => T.Literal(a))),
    unitId: T.Optional(T.String({ maxLength: 64 })),
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
    reply: T.Optional(T.String({ maxLength: 4000 })),
    reason: T.Optional(T.String({ maxLength: 1000 })),
    note: T.Optional(T.String({ maxLength: 1000 })),
    newDeadline: T.Optional(Instant()),
    addWorkingDays: T.Optional(T.Number({ minimum: 0.5, maximum: 60 })),
    result: T.Optional(
      T.Union([
        T.Literal('satisfied'),
        T.Literal('basically_satisfied'),
        T.Literal('unsatisfied'),
        T.Literal('unreachable'),
      ]),
    ),
    method: T.Optional(T.String({ maxLength: 20 })),
    mainOrderId: T.Optional(T.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

const ListQuery = T.Object(
  {
    state: T.Optional(T.String({ maxLength: 200 })),
    unitId: T.Optional(T.String({ maxLength: 64 })),
    sla: T.Optional(T.Union([T.Literal('normal'), T.Literal('due_soon'), T.Literal('overdue')])),
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
    before: T.Optional(T.String({ maxLength: 80 })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
    sort: T.Optional(T.Union([T.Literal('newest'), T.Literal('deadline')])),
  },
  { additionalProperties: false },
);

function toAction(b: Static<typeof ActionBody>): OrderAction {
  const need = (k: keyof typeof b) => {
    const v = b[k];
    if (v === undefined || v === '') throw badRequest('missing_field', `${b.type} needs ${String(k)}`);
    return v as any;
  };
  switch (b.type) {
    case 'dispatch':
      return { type: 'dispatch', unitId: need('unitId') };
    case 'direct_reply':
      return { type: 'direct_reply', reply: need('reply') };
    case 'submit_reply':
      return { type: 'submit_reply', reply: need('reply') };
    case 'visit':
      return { type: 'visit', result: need('result'), note: b.note };
    case 'merge':
      return { type: 'merge', mainOrderId: need('mainOrderId'), mainOrderState: 'pending_dispatch' };
    case 'request_extension':
      return {
        type: 'request_extension',
        reason: need('reason'),
        newDeadline: b.newDeadline,
        addWorkingDays: b.addWorkingDays,
      };
    case 'approve_extension':
      return { type: 'approve_extension', newDeadline: b.newDeadline, note: b.note };
    case 'supervise':
      return { type: 'supervise', note: need('note') };
    case 'contact':
      return { type: 'contact', method: b.method, note: b.note };
    default:
      return { type: b.type, reason: b.reason ?? '', note: b.note } as OrderAction;
  }
}

export function orderRoutes(app: Http, m: OrdersServices) {
  app.post(
    '/api/orders',
    {
      config: { permission: 'orders.create' },
      schema: {
        tags: ['orders'],
        summary: '登记工单 / create a work order (honours Idempotency-Key)',
        body: NewOrderBody,
        headers: T.Object({ 'idempotency-key': T.Optional(T.String({ minLength: 1, maxLength: 100 })) }),
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'] as string | undefined;
      const res = await m.intake.create(requirePrincipal(req), auditContext(req), req.body, key);
      if (res.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(res.status).send(res.body);
    },
  );

  app.get(
    '/api/orders',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '工单列表（工作台）/ list orders in your data scope',
        querystring: ListQuery,
      },
    },
    async (req) =>
      m.queries.list(requirePrincipal(req), { ...req.query, state: req.query.state?.split(',').filter(Boolean) }),
  );

  const { before: _b, limit: _l, sort: _s, ...exportFilters } = ListQuery.properties;
  app.get(
    '/api/orders/export.xlsx',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: `工单导出（Excel，最多 ${EXPORT_MAX_ROWS} 件）/ the list as .xlsx, same filters, newest first`,
        querystring: T.Object(exportFilters, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      const filter = { ...req.query, state: req.query.state?.split(',').filter(Boolean) };
      const ledger = await exportLedger(m, requirePrincipal(req), auditContext(req), filter);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="orders-${ledger.stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`工单台账-${ledger.stamp}.xlsx`)}`,
        )
        .send(ledger.body);
    },
  );

  app.get(
    '/api/orders/counts',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '工作台各队列数量 / open-order counts for the workbench tabs, in your data scope',
      },
    },
    async (req) => m.queries.counts(requirePrincipal(req)),
  );

  app.get(
    '/api/orders/mine',
    {
      config: { permission: 'orders.own' },
      schema: {
        tags: ['orders'],
        summary: "我的诉求 / a citizen's own orders",
        querystring: T.Object({ before: T.Optional(T.String({ maxLength: 80 })) }, { additionalProperties: false }),
      },
    },
    async (req) => m.queries.list(requirePrincipal(req), { before: req.query.before, limit: 50 }),
  );

  app.get(
    '/api/orders/:id',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '工单详情、时间线与可执行操作 / detail, timeline and the actions allowed now',
        params: Id,
      },
    },
    async (req) => m.queries.detail(requirePrincipal(req), req.params.id),
  );

  app.post(
    '/api/orders/:id/actions',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '执行操作（分拨、签收、退单、延期、挂起、督办、回访…）/ perform an action',
        params: Id,
        body: ActionBody,
      },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      const order = await m.actions.perform(pr, auditContext(req), req.params.id, toAction(req.body), {
        note: req.body.note,
        categoryCode: req.body.categoryCode,
      });
      return m.queries.detail(pr, order.id);
    },
  );

  app.post(
    '/api/orders/:id/reveal',
    {
      config: { permission: 'pii.reveal' },
      schema: { tags: ['orders'], summary: '查看反映人完整信息（留痕）/ reveal the reporter (audited)', params: Id },
    },
    async (req) => m.queries.revealReporter(requirePrincipal(req), auditContext(req), req.params.id),
  );

  app.get(
    '/api/orders/:id/duplicates',
    {
      config: { permission: 'orders.read' },
      schema: { tags: ['orders'], summary: '疑似重复件 / possible duplicates of an order', params: Id },
    },
    async (req) => ({ items: await m.duplicatesOf(requirePrincipal(req), req.params.id) }),
  );

  app.get(
    '/api/callers/:phone/orders',
    {
      config: { permission: 'orders.dispatch' },
      schema: {
        tags: ['orders'],
        summary: '来电历史 / earlier orders of a caller',
        params: T.Object({ phone: T.String({ maxLength: 20 }) }),
      },
    },
    async (req) => m.queries.callerHistory(req.params.phone),
  );

  app.get(
    '/api/public/orders/track',
    {
      // the phone is the only secret: bound the guesses one address can make
      config: { permission: 'public', ...perAddress(m.deps.p.config.publicTrackLimit, 60_000) },
      schema: {
        tags: ['orders'],
        summary: '市民查询进度 / citizen tracking by order number + phone',
        querystring: T.Object(
          { number: T.String({ minLength: 5, maxLength: 30 }), phone: T.String({ pattern: '^[0-9+ -]{5,20}$' }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => m.queries.track(req.query.number, req.query.phone),
  );

  app.post(
    '/api/public/orders',
    {
      config: { permission: 'public', csrf: false, ...perAddress(m.deps.p.config.publicSubmitLimit, 3_600_000) },
      schema: {
        tags: ['orders'],
        summary: '市民网页/H5 提交诉求（无需登录）/ citizen web submission, no login',
        body: T.Object(
          {
            title: T.Optional(T.String({ maxLength: 100 })),
            description: T.String({ minLength: 5, maxLength: 4000 }),
            address: T.Optional(T.String({ maxLength: 200 })),
            location: T.Optional(
              T.Object(
                {
                  lng: T.Number({ minimum: -180, maximum: 180 }),
                  lat: T.Number({ minimum: -90, maximum: 90 }),
                  crs: T.Optional(Crs),
                },
                { additionalProperties: false },
              ),
            ),
            name: T.Optional(T.String({ maxLength: 50 })),
            phone: T.String({ pattern: '^1[3-9][0-9]{9}$' }),
            channel: T.Optional(T.Union([T.Literal('web'), T.Literal('wechat')])),
          },
          { additionalProperties: false },
        ),
        headers: T.Object({ 'idempotency-key': T.Optional(T.String({ minLength: 1, maxLength: 100 })) }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const res = await m.intake.create(
        null,
        auditContext(req),
        {
          channel: b.channel ?? 'web',
          title: b.title,
          description: b.description,
          address: b.address,
          location: b.location,
          reporter: { name: b.name, phone: b.phone },
        },
        req.headers['idempotency-key'] as string | undefined,
      );
      return reply
        .status(res.status)
        .send({ number: res.body.order.number, state: res.body.order.state, stateLabel: res.body.order.stateLabel });
    },
  );

  app.get(
    '/api/order-categories',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['orders'], summary: '诉求分类树 / the category tree with time limits' },
    },
    async () => ({ items: m.categories.all() }),
  );

  app.post(
    '/api/order-categories/suggest',
    {
      config: { permission: 'orders.create' },
      schema: {
        tags: ['orders'],
        summary: '智能分类建议 / category suggestions for a text',
        body: T.Object({ text: T.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
      },
    },
    async (req) => ({
      items: m.classifier.suggest(req.body.text, 5).map((s) => ({ ...s, path: m.categories.pathName(s.categoryCode) })),
      model: m.classifier.info(),
    }),
  );
}
