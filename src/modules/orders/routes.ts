import type { Static } from '@sinclair/typebox';
import type { Http } from '../../platform/http';
import { requirePrincipal } from '../../platform/auth/hooks';
import { auditContext } from '../../platform/request-context';
import { badRequest } from '../../platform/errors';
import { perAddress } from '../../platform/rate-limit';
import { Binary, Ok } from '../../platform/contract';
import { EXPORT_MAX_ROWS } from './export/export-xlsx';
import { exportLedger } from './export/export.service';
import { recordPrinted } from './export/print.service';
import type { OrdersServices } from './services';
import type { OrderAction } from './model';
import {
  ActionBody,
  CallerHistory,
  CallerParams,
  CategoryList,
  DuplicateList,
  IdempotencyHeaders,
  IntakeResult,
  MineQuery,
  NewOrderBody,
  OrderDetail,
  OrderExportQuery,
  OrderIdParams as Id,
  OrderPrintedBody,
  OrderListQuery as ListQuery,
  OrderPage,
  PublicOrder,
  PublicOrderBody,
  PublicSubmitResult,
  QueueCounts,
  RevealedReporter,
  TrackQuery,
  SuggestBody,
  SuggestResult,
} from './contract';

/** An action body → the state machine's action (a missing field is a 400 missing_field); batch.routes.ts uses it too. */
export function toAction(b: Static<typeof ActionBody>): OrderAction {
  const need = (k: keyof typeof b) => {
    const v = b[k];
    if (v === undefined || v === '') throw badRequest('missing_field', `${b.type} needs ${String(k)}`);
    return v as any;
  };
  switch (b.type) {
    case 'dispatch':
      return { type: 'dispatch', unitId: need('unitId') };
    case 'redispatch':
      return { type: 'redispatch', unitId: need('unitId'), reason: need('reason') };
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
        headers: IdempotencyHeaders,
        response: { 200: IntakeResult, 201: IntakeResult },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'] as string | undefined;
      const res = await m.intake.create(requirePrincipal(req), auditContext(req), req.body, key);
      if (res.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(res.status as 200 | 201).send(res.body);
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
        response: { 200: OrderPage },
      },
    },
    async (req) =>
      m.queries.list(requirePrincipal(req), { ...req.query, state: req.query.state?.split(',').filter(Boolean) }),
  );

  app.get(
    '/api/orders/export.xlsx',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: `工单导出（Excel，最多 ${EXPORT_MAX_ROWS} 件）/ the list as .xlsx, same filters, newest first`,
        querystring: OrderExportQuery,
        response: {
          200: Binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '工单台账 .xlsx'),
        },
      },
    },
    async (req, reply) => {
      const { includeReporter, ...query } = req.query;
      const filter = { ...query, state: query.state?.split(',').filter(Boolean) };
      const ledger = await exportLedger(m, requirePrincipal(req), auditContext(req), filter, { includeReporter });
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
        response: { 200: QueueCounts },
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
        querystring: MineQuery,
        response: { 200: OrderPage },
      },
    },
    async (req) => m.queries.list(requirePrincipal(req), { before: req.query.before, limit: 50 }),
  );

  app.get(
    '/api/orders/mine/:id',
    {
      config: { permission: 'orders.own' },
      schema: {
        tags: ['orders'],
        summary: "我的诉求 · 进度 / one of a citizen's own orders: state and progress steps",
        params: Id,
        response: { 200: PublicOrder },
      },
    },
    async (req) => m.queries.mineDetail(requirePrincipal(req), req.params.id),
  );

  app.get(
    '/api/orders/:id',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '工单详情、时间线与可执行操作 / detail, timeline and the actions allowed now',
        params: Id,
        response: { 200: OrderDetail },
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
        response: { 200: OrderDetail },
      },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      const order = await m.actions.perform(pr, auditContext(req), req.params.id, toAction(req.body), {
        note: req.body.note,
        categoryCode: req.body.categoryCode,
        photos: req.body.attachments,
      });
      return m.queries.detail(pr, order.id);
    },
  );

  app.post(
    '/api/orders/:id/reveal',
    {
      // pii.reveal, or the unit holding the order while 联系市民 is offered: the service decides (model/reveal.ts)
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary:
          '查看反映人完整信息（留痕）/ reveal the reporter (audited): pii.reveal, or the assigned unit in 办理中',
        params: Id,
        response: { 200: RevealedReporter },
      },
    },
    async (req) => m.queries.revealReporter(requirePrincipal(req), auditContext(req), req.params.id),
  );

  app.post(
    '/api/orders/:id/printed',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '打印留痕（交办单 / 工单详情单）/ record that a sheet of the order was printed (audited)',
        params: Id,
        body: OrderPrintedBody,
        response: { 200: Ok },
      },
    },
    async (req) => recordPrinted(m, requirePrincipal(req), auditContext(req), req.params.id, req.body.sheet),
  );

  app.get(
    '/api/orders/:id/duplicates',
    {
      config: { permission: 'orders.read' },
      schema: {
        tags: ['orders'],
        summary: '疑似重复件 / possible duplicates of an order',
        params: Id,
        response: { 200: DuplicateList },
      },
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
        params: CallerParams,
        response: { 200: CallerHistory },
      },
    },
    async (req) => m.queries.callerHistory(req.params.phone),
  );

  app.get(
    '/api/public/orders/track',
    {
      // the phone is the only secret: bound the guesses one address can make
      config: { permission: 'public', ...perAddress(m.deps.p.config.publicTrackLimit, 60_000, 'orders.track') },
      schema: {
        tags: ['orders'],
        summary: '市民查询进度 / citizen tracking by order number + phone',
        querystring: TrackQuery,
        response: { 200: PublicOrder },
      },
    },
    async (req) => m.queries.track(req.query.number, req.query.phone),
  );

  // The same lookup with the number and phone in the body, kept out of URLs, access logs and history.
  app.post(
    '/api/public/orders/track',
    {
      config: { permission: 'public', ...perAddress(m.deps.p.config.publicTrackLimit, 60_000, 'orders.track') },
      schema: {
        tags: ['orders'],
        summary: '市民查询进度（号码不入网址）/ citizen tracking, number and phone in the body',
        body: TrackQuery,
        response: { 200: PublicOrder },
      },
    },
    async (req) => m.queries.track(req.body.number, req.body.phone),
  );

  app.post(
    '/api/public/orders',
    {
      config: { permission: 'public', csrf: false, ...perAddress(m.deps.p.config.publicSubmitLimit, 3_600_000) },
      schema: {
        tags: ['orders'],
        summary: '市民网页/H5 提交诉求（无需登录）/ citizen web submission, no login',
        body: PublicOrderBody,
        headers: IdempotencyHeaders,
        response: { 200: PublicSubmitResult, 201: PublicSubmitResult },
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
        .status(res.status as 200 | 201)
        .send({ number: res.body.order.number, state: res.body.order.state, stateLabel: res.body.order.stateLabel });
    },
  );

  app.get(
    '/api/order-categories',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['orders'],
        summary: '诉求分类树 / the category tree with time limits',
        response: { 200: CategoryList },
      },
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
        body: SuggestBody,
        response: { 200: SuggestResult },
      },
    },
    async (req) => ({
      items: m.classifier.suggest(req.body.text, 5).map((s) => ({ ...s, path: m.categories.pathName(s.categoryCode) })),
      model: m.classifier.info(),
    }),
  );
}
