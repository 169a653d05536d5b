/** 办件 over HTTP: drafts, one actions route, the queues, detail, public tracking, printable documents. */
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { Binary } from '../../../platform/contract';
import { perAddress } from '../../../platform/rate-limit';
import { auditContext } from '../../../platform/request-context';
import {
  CaseActionBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseNoQuery,
  CaseParams,
  DocumentParams,
  NewCaseBody,
  SaveCaseBody,
  TrackBody,
  TrackedCase,
} from './cases.contract';
import type { CaseQueries } from './cases.queries';
import type { CasesService } from './cases.service';
import type { CaseAction } from './model';

const tags = ['services'];

/** The body → the model's action; which fields each action needs the model checks (400 missing_field). */
export function toAction(b: CaseActionBody): CaseAction {
  const a: Record<string, unknown> = { ...b };
  if (b.items) a.items = b.items.map((i) => ({ materialId: i.materialId ?? null, name: i.name, problem: i.problem }));
  if (b.type === 'supply_correction') a.materialIds = b.materialIds ?? [];
  return a as unknown as CaseAction;
}

export function caseRoutes(app: Http, svc: CasesService, q: CaseQueries, trackLimit: number) {
  app.post(
    '/api/services/cases',
    {
      // anyone logged in applies online for themselves; window clerks register window cases (the service checks)
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '新建申请（草稿）/ a new application (draft)',
        querystring: CaseNoQuery,
        body: NewCaseBody,
        response: { 201: CaseDetail },
      },
    },
    async (req, reply) => {
      const pr = requirePrincipal(req);
      const id = await svc.create(pr, auditContext(req), req.body);
      reply.code(201);
      return q.detail(pr, id);
    },
  );

  app.get(
    '/api/services/cases',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '办件列表：窗口、部门队列，本人办件，按状态、时限、事项、编号或身份证号 / case queues and filters',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (req) => q.list(requirePrincipal(req), req.query),
  );

  app.get(
    '/api/services/cases/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '办件详情（步骤、时限）/ a case with its steps and clocks',
        params: CaseParams,
        querystring: CaseNoQuery,
        response: { 200: CaseDetail },
      },
    },
    async (req) => q.detail(requirePrincipal(req), req.params.id),
  );

  app.patch(
    '/api/services/cases/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '保存草稿 / save a draft',
        params: CaseParams,
        querystring: CaseNoQuery,
        body: SaveCaseBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      await svc.save(pr, auditContext(req), req.params.id, req.body);
      return q.detail(pr, req.params.id);
    },
  );

  app.post(
    '/api/services/cases/:id/actions',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '办件操作（提交、预审、受理、补正、审查、审批、办结、送达、撤回…）/ an action on a case',
        params: CaseParams,
        querystring: CaseNoQuery,
        body: CaseActionBody,
        response: { 200: CaseDetail },
      },
    },
    async (req) => {
      const pr = requirePrincipal(req);
      await svc.act(pr, auditContext(req), req.params.id, toAction(req.body));
      return q.detail(pr, req.params.id);
    },
  );

  app.get(
    '/api/services/cases/:id/documents/:kind',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '办件文书（A4 打印页）：收件回执、受理通知书、补正告知书、决定书… / a printable document',
        params: DocumentParams,
        querystring: CaseNoQuery,
        response: { 200: Binary('text/html', 'the A4 page') },
      },
    },
    async (req, reply) => {
      const html = await q.document(requirePrincipal(req), req.params.id, req.params.kind);
      reply.type('text/html; charset=utf-8');
      return html;
    },
  );

  app.post(
    '/api/services/cases/track',
    {
      // the phone is the only secret: bound the guesses one address can make
      config: { permission: 'public', ...perAddress(trackLimit, 60_000, 'services.cases.track') },
      schema: {
        tags,
        summary: '凭办件编号和手机号查询进度 / track a case by number + phone',
        querystring: CaseNoQuery,
        body: TrackBody,
        response: { 200: TrackedCase },
      },
    },
    async (req) => q.track(req.body.number, req.body.phone),
  );
}
