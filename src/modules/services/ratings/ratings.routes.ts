/** 好差评 over HTTP: the public rating (number + phone), the standard, reads, figures and the outbound log. */
import type { Http } from '../../../platform/http';
import { perAddress } from '../../../platform/rate-limit';
import { auditContext } from '../../../platform/request-context';
import {
  IdParams,
  INDICATORS,
  InvitationList,
  LEVEL_LABELS,
  LEVELS,
  NoQuery,
  RatingBody,
  RatingDetail,
  RatingList,
  RatingsQuery,
  ReportList,
  ReportsQuery,
  Standard,
  Stats,
  StatsQuery,
  SubjectQuery,
  SubjectStatus,
} from './ratings.contract';
import type { RatingsService } from './ratings.service';

const tags = ['services'];

export function ratingRoutes(app: Http, ratings: RatingsService, publicLimit: number) {
  const limited = perAddress(publicLimit, 60_000, 'services.ratings.public');

  app.get(
    '/api/services/ratings/standard',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '好差评的评价等级、指标与标签 / levels, indicators and labels',
        querystring: NoQuery,
        response: { 200: Standard },
      },
    },
    async () => ({
      levels: LEVELS.map((l) => ({ ...l })),
      labels: Object.fromEntries(Object.entries(LEVEL_LABELS).map(([k, v]) => [k, v.map((l) => ({ ...l }))])),
      indicators: {
        online: INDICATORS.online.map((i) => ({ ...i })),
        onsite: INDICATORS.onsite.map((i) => ({ ...i })),
      },
    }),
  );

  app.get(
    '/api/services/ratings/subject',
    {
      config: { permission: 'public', ...limited },
      schema: {
        tags,
        summary: '按办件编号（+手机号）查询能否评价（评价器、查询页）/ whether a case or visit can be rated now',
        querystring: SubjectQuery,
        response: { 200: SubjectStatus },
      },
    },
    async (req) => ratings.subjectStatus(req.query.kind, req.query.number, req.query.phone),
  );

  app.post(
    '/api/services/ratings',
    {
      config: { permission: 'public', csrf: false, ...limited },
      schema: {
        tags,
        summary: '提交评价（一事一评 / 一次一评；差评整改后可再评价一次）/ rate a case or a visit',
        querystring: NoQuery,
        body: RatingBody,
        response: { 201: RatingDetail },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return ratings.submit(auditContext(req), req.body);
    },
  );

  app.get(
    '/api/services/ratings',
    {
      config: { permission: 'services.read' },
      schema: { tags, summary: '评价列表 / ratings', querystring: RatingsQuery, response: { 200: RatingList } },
    },
    async (req) => ratings.list(req.query),
  );

  app.get(
    '/api/services/ratings/stats',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary:
          '好差评统计：按部门、窗口或月份的评价数、满意率、差评率、差评整改率及差评率排名 / figures and 差评率 ranking',
        querystring: StatsQuery,
        response: { 200: Stats },
      },
    },
    async (req) => ratings.stats(req.query.by, req.query.from, req.query.to),
  );

  app.get(
    '/api/services/ratings/reports',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '报送省好差评系统的记录 / messages to the provincial 好差评 system',
        querystring: ReportsQuery,
        response: { 200: ReportList },
      },
    },
    async (req) => ratings.reports(req.query.status, req.query.limit),
  );

  app.get(
    '/api/services/ratings/invitations',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '邀请评价记录 / invitations to rate',
        querystring: NoQuery,
        response: { 200: InvitationList },
      },
    },
    async () => ratings.invitations(),
  );

  app.get(
    '/api/services/ratings/:id',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '评价详情（含整改与申诉）/ a rating with its rectification and appeal',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: RatingDetail },
      },
    },
    async (req) => ratings.get(req.params.id),
  );
}
