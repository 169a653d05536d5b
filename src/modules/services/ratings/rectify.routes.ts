/** The 差评 ledger and appeals over HTTP: the queue, call-back, fix, groundless, appeal and review. */
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  Appeal,
  AppealBody,
  AppealList,
  AppealsQuery,
  AssignBody,
  CallbackBody,
  ExplainBody,
  FixBody,
  IdParams,
  NoQuery,
  Rectification,
  RectificationList,
  RectificationsQuery,
  ReviewBody,
} from './ratings.contract';
import type { RectifyService } from './rectify.service';

const tags = ['services'];
const MANAGE = 'services.ratings.manage';
const base = '/api/services/ratings/rectifications';

export function rectifyRoutes(app: Http, rectify: RectifyService) {
  app.get(
    base,
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '差评整改台账 / the rectification queue',
        querystring: RectificationsQuery,
        response: { 200: RectificationList },
      },
    },
    async (req) => rectify.list(req.query),
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '整改详情 / a rectification',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: Rectification },
      },
    },
    async (req) => rectify.get(req.params.id),
  );

  app.post(
    `${base}/:id/assign`,
    {
      config: { permission: MANAGE },
      schema: {
        tags,
        summary: '指定整改责任人 / assign',
        params: IdParams,
        querystring: NoQuery,
        body: AssignBody,
        response: { 200: Rectification },
      },
    },
    async (req) => rectify.assign(auditContext(req), req.params.id, req.body),
  );

  app.post(
    `${base}/:id/callback`,
    {
      config: { permission: MANAGE },
      schema: {
        tags,
        summary: '登记回访核实（1 个工作日内，实名）/ record the call-back (within 1 working day, by a named person)',
        params: IdParams,
        querystring: NoQuery,
        body: CallbackBody,
        response: { 200: Rectification },
      },
    },
    async (req) => rectify.callback(auditContext(req), req.params.id, req.body),
  );

  app.post(
    `${base}/:id/fix`,
    {
      config: { permission: MANAGE },
      schema: {
        tags,
        summary: '登记整改结果 / record the fix',
        params: IdParams,
        querystring: NoQuery,
        body: FixBody,
        response: { 200: Rectification },
      },
    },
    async (req) => rectify.fix(auditContext(req), req.params.id, req.body),
  );

  app.post(
    `${base}/:id/groundless`,
    {
      config: { permission: MANAGE },
      schema: {
        tags,
        summary: '说明为不实差评 / explain and mark as a groundless rating',
        params: IdParams,
        querystring: NoQuery,
        body: ExplainBody,
        response: { 200: Rectification },
      },
    },
    async (req) => rectify.explain(auditContext(req), req.params.id, req.body),
  );

  app.post(
    '/api/services/ratings/:id/appeal',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '对差评提出申诉 / appeal a bad rating',
        params: IdParams,
        querystring: NoQuery,
        body: AppealBody,
        response: { 201: Appeal },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return rectify.appeal(auditContext(req), req.params.id, req.body.reason);
    },
  );

  app.get(
    '/api/services/ratings/appeals',
    {
      config: { permission: 'services.read' },
      schema: { tags, summary: '申诉列表 / appeals', querystring: AppealsQuery, response: { 200: AppealList } },
    },
    async (req) => rectify.appeals(req.query.status, req.query.limit),
  );

  app.post(
    '/api/services/ratings/appeals/:id/review',
    {
      config: { permission: MANAGE },
      schema: {
        tags,
        summary: '申诉复核（采纳/驳回）/ review an appeal',
        params: IdParams,
        querystring: NoQuery,
        body: ReviewBody,
        response: { 200: Appeal },
      },
    },
    async (req) => rectify.review(auditContext(req), req.params.id, req.body.decision, req.body.note),
  );
}
