/** Catalogue routes: the public search and 办事指南; the admin's items, drafts, versions, publishing. */
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  CatalogueFilters,
  Guide,
  Item,
  ItemGuide,
  ItemList,
  ItemListQuery,
  ItemParams,
  MaterialsBody,
  MaterialsResult,
  NoQuery,
  PublishBody,
  SearchQuery,
  SearchResult,
  VersionParams,
  WithdrawResult,
} from './catalogue.contract';
import type { CatalogueService } from './catalogue.service';
import type { CatalogueSearch } from './search/search.service';

const tags = ['services'];

export function catalogueRoutes(app: Http, items: CatalogueService, search: CatalogueSearch) {
  app.get(
    '/api/services/catalogue',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          '事项检索（中文分词、拼音首字母；按部门、地点、生活事件、网办深度筛选）/ search the published catalogue',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (req) => search.search(req.query),
  );

  app.get(
    '/api/services/catalogue/filters',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '检索筛选项及事项数 / the filters with item counts',
        querystring: NoQuery,
        response: { 200: CatalogueFilters },
      },
    },
    async () => search.filters(),
  );

  app.get(
    '/api/services/guides/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '办事指南（现行版本，无需登录）/ the published guide of an item',
        params: ItemParams,
        querystring: NoQuery,
        response: { 200: Guide },
      },
    },
    async (req) => search.guide(req.params.id),
  );

  app.get(
    '/api/services/guides/:id/versions/:version',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '办事指南历史版本 / a published version of a guide (also of a withdrawn item)',
        params: VersionParams,
        querystring: NoQuery,
        response: { 200: Guide },
      },
    },
    async (req) => search.guide(req.params.id, req.params.version),
  );

  app.post(
    '/api/services/guides/:id/materials',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '按办理情形生成材料清单 / the materials for the answers to the situation questions',
        params: ItemParams,
        querystring: NoQuery,
        body: MaterialsBody,
        response: { 200: MaterialsResult },
      },
    },
    async (req) => search.materials(req.params.id, req.body.answers),
  );

  app.get(
    '/api/services/items',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '事项管理列表（含草稿）/ catalogue items with drafts',
        querystring: ItemListQuery,
        response: { 200: ItemList },
      },
    },
    async (req) =>
      items.list({
        q: req.query.q,
        department: req.query.department,
        status: req.query.status,
        level: req.query.level,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      }),
  );

  app.post(
    '/api/services/items',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '新增事项（草稿）/ create an item (a draft)',
        querystring: NoQuery,
        body: ItemGuide,
        response: { 201: Item },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return items.create(auditContext(req), req.body);
    },
  );

  app.get(
    '/api/services/items/:id',
    {
      config: { permission: 'services.read' },
      schema: {
        tags,
        summary: '事项（草稿与版本）/ an item: its draft and versions',
        params: ItemParams,
        querystring: NoQuery,
        response: { 200: Item },
      },
    },
    async (req) => items.get(req.params.id),
  );

  app.put(
    '/api/services/items/:id',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '修改事项草稿 / replace the draft',
        params: ItemParams,
        querystring: NoQuery,
        body: ItemGuide,
        response: { 200: Item },
      },
    },
    async (req) => items.update(auditContext(req), req.params.id, req.body),
  );

  app.post(
    '/api/services/items/:id/publish',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '发布新版本（旧版本仍可查阅）/ publish the draft as a new version',
        params: ItemParams,
        querystring: NoQuery,
        body: PublishBody,
        response: { 200: Item },
      },
    },
    async (req) => items.publish(auditContext(req), req.params.id, req.body.note),
  );

  app.delete(
    '/api/services/items/:id',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags,
        summary: '撤销事项（未发布过的草稿则删除）/ withdraw an item (delete one never published)',
        params: ItemParams,
        querystring: NoQuery,
        response: { 200: WithdrawResult },
      },
    },
    async (req) => items.remove(auditContext(req), req.params.id),
  );
}
