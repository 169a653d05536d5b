/** Sites and windows over HTTP: public reads (address, hours, windows), admin writes. */
import type { Static } from '@sinclair/typebox';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { NoQuery } from '../catalogue/catalogue.contract';
import {
  HoursQuery,
  Site,
  SiteBody,
  SiteDays,
  SiteList,
  SiteParams,
  SitePatch,
  SitesQuery,
  Window,
  WindowBody,
  WindowParams,
  WindowPatch,
} from './sites.contract';
import type { SitesService } from './sites.service';

const tags = ['services'];

export function siteRoutes(app: Http, sites: SitesService) {
  app.get(
    '/api/services/sites',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '办事地点（行政服务中心及社区行政服务中心）/ service sites: the centre and the community centres',
        querystring: SitesQuery,
        response: { 200: SiteList },
      },
    },
    async (req) => ({ items: await sites.list(req.query.kind) }),
  );

  app.get(
    '/api/services/sites/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '办事地点详情 / a site with its halls and windows',
        params: SiteParams,
        querystring: NoQuery,
        response: { 200: Site },
      },
    },
    async (req) => sites.get(req.params.id),
  );

  app.get(
    '/api/services/sites/:id/days',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '办事地点的开放时间（按工作日历：节假日、调休）/ opening periods per day, from the working calendar',
        params: SiteParams,
        querystring: HoursQuery,
        response: { 200: SiteDays },
      },
    },
    async (req) => sites.days(req.params.id, req.query.from, req.query.days ?? 7),
  );

  app.post(
    '/api/services/sites',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '新增办事地点 / add a site',
        querystring: NoQuery,
        body: SiteBody,
        response: { 201: Site },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return sites.create(auditContext(req), req.body);
    },
  );

  app.patch(
    '/api/services/sites/:id',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '修改办事地点 / change a site',
        params: SiteParams,
        querystring: NoQuery,
        body: SitePatch,
        response: { 200: Site },
      },
    },
    async (req) => sites.update(auditContext(req), req.params.id, req.body as Static<typeof SitePatch>),
  );

  app.post(
    '/api/services/sites/:id/windows',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '新增窗口（综合窗口、部门专窗…）/ add a window',
        params: SiteParams,
        querystring: NoQuery,
        body: WindowBody,
        response: { 201: Window },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return sites.addWindow(auditContext(req), req.params.id, req.body);
    },
  );

  app.patch(
    '/api/services/windows/:id',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '修改窗口（停用：active=false）/ change a window',
        params: WindowParams,
        querystring: NoQuery,
        body: WindowPatch,
        response: { 200: Window },
      },
    },
    async (req) => sites.updateWindow(auditContext(req), req.params.id, req.body),
  );
}
