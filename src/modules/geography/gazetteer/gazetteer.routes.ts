import { Ok } from '../../../platform/contract';
import type { Http } from '../../../platform/http';
import { badRequest } from '../../../platform/errors';
import { auditContext } from '../../../platform/request-context';
import {
  GazetteerHits,
  GazetteerIdParams,
  GazetteerImportQuery,
  GazetteerImportResult,
  GazetteerList,
  GazetteerListQuery,
  GazetteerSearchQuery,
} from '../gazetteer.contract';
import type { GazetteerService } from './gazetteer.service';
import { CRS } from '../contract';

/** GazetteerImportQuery, checked by hand (a route's own validator replaces the app's for every part). */
function checkImportQuery(data: unknown): { value: unknown } | { error: Error } {
  const q = (data ?? {}) as Record<string, unknown>;
  const extra = Object.keys(q).filter((k) => k !== 'crs');
  if (extra.length)
    return { error: new Error(`querystring must NOT have additional properties (${extra.join(', ')})`) };
  if (q.crs !== undefined && !(CRS as readonly unknown[]).includes(q.crs))
    return { error: new Error(`querystring/crs must be one of ${CRS.join(', ')}`) };
  return { value: q };
}

/** 地名库 routes: search for the staff who register orders; list, import and delete for the admin. */
export function gazetteerRoutes(app: Http, g: GazetteerService) {
  app.get(
    '/api/geo/gazetteer',
    {
      config: { permission: 'geo.gazetteer.search' },
      schema: {
        tags: ['geography'],
        summary: '地名库检索 / gazetteer search by name, alias or address (normalised; best first)',
        querystring: GazetteerSearchQuery,
        response: { 200: GazetteerHits },
      },
    },
    async (req) => ({ items: await g.search(req.query.q, req.query.limit ?? 10) }),
  );

  app.get(
    '/api/geo/gazetteer/entries',
    {
      config: { permission: 'geo.manage' },
      schema: {
        tags: ['geography'],
        summary: '地名库列表 / the gazetteer, a page at a time (admin)',
        querystring: GazetteerListQuery,
        response: { 200: GazetteerList },
      },
    },
    async (req) => g.list(req.query),
  );

  app.post(
    '/api/geo/gazetteer/import',
    {
      config: { permission: 'geo.manage' },
      schema: {
        tags: ['geography'],
        summary:
          '导入地名库（.xlsx 或 CSV：name, kind, address, lng, lat[, alias]；有错则整批不导入）/ import the gazetteer (multipart field "file"; any bad row and nothing changes)',
        consumes: ['multipart/form-data'],
        querystring: GazetteerImportQuery,
        response: { 200: GazetteerImportResult },
      },
      // the multipart body is read in the handler, not by a JSON schema; the one query field by hand
      validatorCompiler: ({ httpPart }) => (httpPart === 'querystring' ? checkImportQuery : () => true),
    },
    async (req) => {
      if (!req.isMultipart()) throw badRequest('not_multipart', 'send multipart/form-data with one field named "file"');
      const part = await req.file().catch(() => undefined);
      if (!part) throw badRequest('no_file', 'no file in the request');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch {
        throw badRequest('body_too_large', 'the file is too large');
      }
      if (data.length === 0) throw badRequest('empty_file', 'the file is empty');
      return g.import(auditContext(req), data, part.filename || 'file', req.query.crs ?? 'WGS84');
    },
  );

  app.delete(
    '/api/geo/gazetteer/:id',
    {
      config: { permission: 'geo.manage' },
      schema: {
        tags: ['geography'],
        summary: '删除地名 / delete a gazetteer entry (admin)',
        params: GazetteerIdParams,
        response: { 200: Ok },
      },
    },
    async (req) => g.remove(auditContext(req), req.params.id),
  );
}
