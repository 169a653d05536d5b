import { Binary, Ok } from '../../../platform/contract';
import { badRequest } from '../../../platform/errors';
import type { Http } from '../../../platform/http';
import { requirePrincipal } from '../../../platform/auth/hooks';
import { auditContext } from '../../../platform/request-context';
import type { Route } from '../waylines/route';
import type { Flights } from './flights.service';
import {
  CreateRouteBody,
  FlightCommandBody,
  FlightList,
  FlightParams,
  FlightQuery,
  Flight as FlightSchema,
  ImportRouteQuery,
  PlanFlightBody,
  PointFlightBody,
  PreflightResult,
  RouteCreated,
  RouteParams,
  SCENARIO_LIST,
  WaylineRouteList,
} from './missions.contract';
import { listFlights } from './missions.repo';
import { flightView, routeView } from './missions.view';
import type { WaylineRoutes } from './routes.service';

/** ImportRouteQuery, checked by hand (a route's own validator replaces the app's for every part). */
function checkImportQuery(data: unknown): { value: unknown } | { error: Error } {
  const q = (data ?? {}) as Record<string, unknown>;
  const extra = Object.keys(q).filter((k) => k !== 'name' && k !== 'scenario');
  if (extra.length)
    return { error: new Error(`querystring must NOT have additional properties (${extra.join(', ')})`) };
  if (typeof q.name !== 'string' || q.name.length < 1 || q.name.length > 60)
    return { error: new Error('querystring/name must be 1–60 characters') };
  if (!(SCENARIO_LIST as readonly unknown[]).includes(q.scenario))
    return { error: new Error(`querystring/scenario must be one of ${SCENARIO_LIST.join(', ')}`) };
  return { value: q };
}

/** Wayline routes (draw, import/export KMZ) and flights (check, plan, follow, cancel). */
export function missionRoutes(
  app: Http,
  s: { p: { clock: { now(): number }; db: any }; routes: WaylineRoutes; flights: Flights },
) {
  app.get(
    '/api/drones/routes',
    {
      config: { permission: 'drones.read' },
      schema: { tags: ['drones'], summary: '航线 / wayline routes', response: { 200: WaylineRouteList } },
    },
    async () => ({ items: (await s.routes.list()).map(routeView) }),
  );

  app.post(
    '/api/drones/routes',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary: '新建航线（地图上绘制的航点）/ create a route from waypoints',
        body: CreateRouteBody,
        response: { 201: RouteCreated },
      },
    },
    async (req, reply) => {
      const { row, warnings } = await s.routes.create(auditContext(req), {
        route: req.body.route as Route,
        scenario: req.body.scenario,
        orgId: req.body.orgId,
      });
      reply.code(201);
      return { route: routeView(row), warnings };
    },
  );

  app.post(
    '/api/drones/routes/import',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary: '导入 DJI 航线文件（.kmz，multipart 字段 file）/ import a DJI WPML .kmz (multipart field "file")',
        consumes: ['multipart/form-data'],
        querystring: ImportRouteQuery,
        response: { 201: RouteCreated },
      },
      validatorCompiler: ({ httpPart }) => (httpPart === 'querystring' ? checkImportQuery : () => true),
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw badRequest('not_multipart', 'send multipart/form-data with one field named "file"');
      const part = await req.file().catch(() => undefined);
      if (!part) throw badRequest('no_file', 'no file in the request');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch {
        throw badRequest('body_too_large', 'the file is too large');
      }
      const q = req.query as { name: string; scenario: string };
      const { row, warnings } = await s.routes.importFile(auditContext(req), data, {
        name: q.name,
        scenario: q.scenario,
      });
      reply.code(201);
      return { route: routeView(row), warnings };
    },
  );

  app.get(
    '/api/drones/routes/:id/kmz',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '导出航线 KMZ（DJI WPML）/ export the route as a DJI WPML .kmz',
        params: RouteParams,
        response: { 200: Binary('application/vnd.google-earth.kmz', 'the .kmz') },
      },
    },
    async (req, reply) => {
      const f = await s.routes.kmz(req.params.id);
      reply
        .header('content-type', 'application/vnd.google-earth.kmz')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}.kmz`)
        .header('etag', `"${f.md5}"`);
      return reply.send(f.data);
    },
  );

  app.delete(
    '/api/drones/routes/:id',
    {
      config: { permission: 'drones.fly' },
      schema: { tags: ['drones'], summary: '删除航线 / delete a route', params: RouteParams, response: { 200: Ok } },
    },
    async (req) => {
      await s.routes.remove(auditContext(req), req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/drones/flights/check',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary: '起飞前检查（不下发）/ pre-flight checks, nothing planned',
        body: PlanFlightBody,
        response: { 200: PreflightResult },
      },
    },
    async (req) => {
      const r = await s.flights.check(req.body);
      return { dockSn: r.dockSn, checks: r.checks, ok: r.checks.every((c) => c.ok || !c.blocking) };
    },
  );

  app.post(
    '/api/drones/flights',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary:
          '安排航班（立即或定时；检查不通过则 409 并列出原因）/ plan a flight (now or at a time; 409 with the reasons when checks fail)',
        body: PlanFlightBody,
        response: { 201: FlightSchema },
      },
    },
    async (req, reply) => {
      const f = await s.flights.plan(auditContext(req), req.body);
      reply.code(201);
      return flightView(f);
    },
  );

  app.post(
    '/api/drones/flights/to-point',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary:
          '应急/核查飞行：派最近的机场飞往某点并拍照 / emergency or verification flight to a point (nearest dock)',
        body: PointFlightBody,
        response: { 201: FlightSchema },
      },
    },
    async (req, reply) => {
      const f = await s.flights.toPoint(auditContext(req), req.body);
      reply.code(201);
      return flightView(f);
    },
  );

  app.get(
    '/api/drones/flights',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '航班（计划与记录）/ flights, planned and flown',
        querystring: FlightQuery,
        response: { 200: FlightList },
      },
    },
    async (req) => ({
      items: (
        await listFlights(s.p.db, {
          from: req.query.from,
          to: req.query.to,
          dockSn: req.query.dockSn,
          states: req.query.state ? [req.query.state] : undefined,
          orderId: req.query.orderId,
          limit: 1000,
        })
      ).map(flightView),
    }),
  );

  app.get(
    '/api/drones/flights/:id',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '航班详情 / a flight',
        params: FlightParams,
        response: { 200: FlightSchema },
      },
    },
    async (req) => flightView(await s.flights.get(req.params.id)),
  );

  app.post(
    '/api/drones/flights/:id/command',
    {
      config: { permission: 'drones.fly' },
      schema: {
        tags: ['drones'],
        summary: '取消（起飞前撤销 / 空中返航）、暂停、继续 / cancel (undo or return home), pause, resume',
        params: FlightParams,
        body: FlightCommandBody,
        response: { 200: FlightSchema },
      },
    },
    async (req) => {
      const ctx = auditContext(req);
      requirePrincipal(req);
      if (req.body.action === 'cancel') return flightView(await s.flights.cancel(ctx, req.params.id));
      await s.flights.pauseOrResume(ctx, req.params.id, req.body.action);
      return flightView(await s.flights.get(req.params.id));
    },
  );
}
