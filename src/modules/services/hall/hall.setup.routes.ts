/** The hall's set-up over HTTP: service groups and counters of a site (admin writes, clerks read). */
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  Counter,
  CounterBody,
  CounterList,
  CounterPatch,
  Group,
  GroupBody,
  GroupList,
  GroupPatch,
  IdParams,
  NoQuery,
  OkResult,
  SiteParams,
} from './hall.contract';
import type { HallSetup } from './hall.setup.service';

const tags = ['services'];
const READ = 'services.hall.counter';
const ADMIN = 'services.hall.admin';

export function hallSetupRoutes(app: Http, setup: HallSetup) {
  app.get(
    '/api/services/hall/sites/:siteId/groups',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: '业务分组 / service groups of a site',
        params: SiteParams,
        querystring: NoQuery,
        response: { 200: GroupList },
      },
    },
    async (req) => ({ items: await setup.groups(req.params.siteId) }),
  );
  app.post(
    '/api/services/hall/sites/:siteId/groups',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: '新建业务分组（号段字母、目标等候时间、事项）/ create a service group',
        params: SiteParams,
        querystring: NoQuery,
        body: GroupBody,
        response: { 201: Group },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return setup.createGroup(auditContext(req), req.params.siteId, req.body);
    },
  );
  app.patch(
    '/api/services/hall/groups/:id',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: '修改业务分组 / change a group',
        params: IdParams,
        querystring: NoQuery,
        body: GroupPatch,
        response: { 200: Group },
      },
    },
    async (req) => setup.patchGroup(auditContext(req), req.params.id, req.body),
  );
  app.delete(
    '/api/services/hall/groups/:id',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: '删除未用过的业务分组（已有取号的请停用）/ delete an unused group',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: OkResult },
      },
    },
    async (req) => setup.removeGroup(auditContext(req), req.params.id),
  );

  app.get(
    '/api/services/hall/sites/:siteId/counters',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: '叫号窗口 / counters of a site',
        params: SiteParams,
        querystring: NoQuery,
        response: { 200: CounterList },
      },
    },
    async (req) => ({ items: await setup.counters(req.params.siteId) }),
  );
  app.post(
    '/api/services/hall/sites/:siteId/counters',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: '新建窗口及其工作配置（分组顺序、优先级）/ create a counter with its work profile',
        params: SiteParams,
        querystring: NoQuery,
        body: CounterBody,
        response: { 201: Counter },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return setup.createCounter(auditContext(req), req.params.siteId, req.body);
    },
  );
  app.patch(
    '/api/services/hall/counters/:id',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: '修改窗口名称或工作配置 / change a counter',
        params: IdParams,
        querystring: NoQuery,
        body: CounterPatch,
        response: { 200: Counter },
      },
    },
    async (req) => setup.patchCounter(auditContext(req), req.params.id, req.body),
  );
  app.delete(
    '/api/services/hall/counters/:id',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: '删除未用过的窗口 / delete an unused counter',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: OkResult },
      },
    },
    async (req) => setup.removeCounter(auditContext(req), req.params.id),
  );
}
