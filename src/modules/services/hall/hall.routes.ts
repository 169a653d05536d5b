/**
 * The hall queue over HTTP: issuing tickets, the counter's actions, and the public hall screen
 * and phone page. Routes read the principal; the rules are in model/, the use cases in the service.
 */
import type { FastifyRequest } from 'fastify';
import type { Http } from '../../../platform/http';
import { perAddress } from '../../../platform/rate-limit';
import { auditContext } from '../../../platform/request-context';
import {
  CallBody,
  CallResult,
  Counter,
  FinishBody,
  IdParams,
  Issued,
  IssueBody,
  NoBody,
  NoQuery,
  PauseBody,
  PhoneStatus,
  Screen,
  SiteParams,
  StatusQuery,
  TicketActionBody,
  TicketDetail,
  TicketList,
  TicketsQuery,
  TransferBody,
} from './hall.contract';
import type { HallScreen } from './hall.screen';
import type { HallActor, HallService } from './hall.service';

const tags = ['services'];
const CLERK = 'services.hall.counter';

const actor = (req: FastifyRequest): HallActor => ({
  ctx: auditContext(req),
  admin: req.principal?.permissions.has('services.hall.admin') ?? false,
});

export function hallRoutes(app: Http, hall: HallService, screen: HallScreen, publicLimit: number) {
  const limited = perAddress(publicLimit, 60_000, 'services.hall.public');

  app.post(
    '/api/services/hall/sites/:siteId/tickets',
    {
      config: { permission: CLERK },
      schema: {
        tags,
        summary: '取号（前台、自助机、预约签到、手机取号）：返回号码与前面等候人数 / issue a ticket',
        params: SiteParams,
        querystring: NoQuery,
        body: IssueBody,
        response: { 201: Issued },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return hall.issue(auditContext(req), req.params.siteId, req.body);
    },
  );
  app.get(
    '/api/services/hall/sites/:siteId/tickets',
    {
      config: { permission: CLERK },
      schema: {
        tags,
        summary: '今日的号 / today’s tickets of a site',
        params: SiteParams,
        querystring: TicketsQuery,
        response: { 200: TicketList },
      },
    },
    async (req) => ({ items: await hall.tickets(req.params.siteId, req.query.state, req.query.limit) }),
  );
  app.get(
    '/api/services/hall/tickets/:id',
    {
      config: { permission: CLERK },
      schema: {
        tags,
        summary: '一个号及其流转记录 / a ticket with its history',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: TicketDetail },
      },
    },
    async (req) => hall.ticket(req.params.id),
  );

  // ---- the counter ----
  const counterAction = (path: string, summary: string, run: (a: HallActor, id: string) => Promise<unknown>) =>
    app.post(
      `/api/services/hall/counters/:id/${path}`,
      {
        config: { permission: CLERK },
        schema: { tags, summary, params: IdParams, querystring: NoQuery, body: NoBody, response: { 200: Counter } },
      },
      async (req) => run(actor(req), req.params.id) as never,
    );
  counterAction('open', '开启窗口（由本人值守）/ open the counter', (a, id) => hall.open(a, id));
  counterAction('close', '关闭窗口 / close the counter', (a, id) => hall.close(a, id));
  app.post(
    '/api/services/hall/counters/:id/pause',
    {
      config: { permission: CLERK },
      schema: {
        tags,
        summary: '暂停窗口（须填原因）/ pause with a reason',
        params: IdParams,
        querystring: NoQuery,
        body: PauseBody,
        response: { 200: Counter },
      },
    },
    async (req) => hall.pause(actor(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/services/hall/counters/:id/call-next',
    {
      config: { permission: CLERK },
      schema: {
        tags,
        summary: '叫下一位（按工作配置与优先级）/ call the next ticket by the work profile',
        params: IdParams,
        querystring: NoQuery,
        body: NoBody,
        response: { 200: CallResult },
      },
    },
    async (req) => hall.callNext(actor(req), req.params.id),
  );
  app.post(
    '/api/services/hall/counters/:id/call',
    {
      config: { permission: CLERK },
      schema: {
        tags,
        summary: '指定叫号（须填原因）/ call a chosen ticket out of order, with the reason',
        params: IdParams,
        querystring: NoQuery,
        body: CallBody,
        response: { 200: CallResult },
      },
    },
    async (req) => hall.callChosen(actor(req), req.params.id, req.body.ticketId, req.body.reason),
  );

  // ---- the ticket in hand ----
  const ticketAction = (
    path: string,
    summary: string,
    body: typeof TicketActionBody | typeof TransferBody | typeof FinishBody,
    run: (a: HallActor, id: string, b: never) => Promise<unknown>,
  ) =>
    app.post(
      `/api/services/hall/tickets/:id/${path}`,
      {
        config: { permission: CLERK },
        schema: { tags, summary, params: IdParams, querystring: NoQuery, body, response: { 200: TicketDetail } },
      },
      async (req) => run(actor(req), req.params.id, req.body as never) as never,
    );
  ticketAction('recall', '重呼 / call the number again', TicketActionBody, (a, id, b: { counterId: string }) =>
    hall.recall(a, id, b.counterId),
  );
  ticketAction('no-show', '过号（重呼后未到）/ record a no-show', TicketActionBody, (a, id, b: { counterId: string }) =>
    hall.noShow(a, id, b.counterId),
  );
  ticketAction('serve', '开始办理 / start serving', TicketActionBody, (a, id, b: { counterId: string }) =>
    hall.serve(a, id, b.counterId),
  );
  ticketAction('transfer', '转分组或转窗口（保留取号时间）/ transfer, keeping the arrival', TransferBody, (a, id, b) =>
    hall.transfer(a, id, b),
  );
  ticketAction('finish', '办结（事项、办件编号）/ finish with the outcome', FinishBody, (a, id, b) =>
    hall.finish(a, id, b),
  );

  // ---- public ----
  app.get(
    '/api/services/hall/sites/:siteId/screen',
    {
      config: { permission: 'public', ...limited },
      schema: {
        tags,
        summary: '大厅叫号屏：最近叫号与各分组等候人数 / the hall screen: latest calls and waiting per group',
        params: SiteParams,
        querystring: NoQuery,
        response: { 200: Screen },
      },
    },
    async (req) => screen.screen(req.params.siteId),
  );
  app.get(
    '/api/services/hall/tickets/:id/status',
    {
      config: { permission: 'public', ...limited },
      schema: {
        tags,
        summary: '手机查号：前面还有几位 / the phone page: a ticket’s state and place in line',
        params: IdParams,
        querystring: StatusQuery,
        response: { 200: PhoneStatus },
      },
    },
    async (req) => screen.status(req.params.id, req.query.token),
  );
}
