/** Catalogue .xlsx export and import (multipart field "file"; a bad file changes nothing). */
import { Binary } from '../../../../platform/contract';
import { badRequest } from '../../../../platform/errors';
import type { Http } from '../../../../platform/http';
import { auditContext } from '../../../../platform/request-context';
import { ImportQuery, ImportResult, NoQuery } from '../catalogue.contract';
import type { CatalogueTransfer } from './transfer.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ImportQuery checked by hand (a route's own validator replaces the app's for every part). */
function checkImportQuery(data: unknown): { value: unknown } | { error: Error } {
  const q = (data ?? {}) as Record<string, unknown>;
  const extra = Object.keys(q).filter((k) => k !== 'publish');
  if (extra.length)
    return { error: new Error(`querystring must NOT have additional properties (${extra.join(', ')})`) };
  if (q.publish !== undefined && q.publish !== 'true' && q.publish !== 'false')
    return { error: new Error('querystring/publish must be true or false') };
  return { value: { ...(q.publish !== undefined ? { publish: q.publish === 'true' } : {}) } };
}

export function transferRoutes(app: Http, transfer: CatalogueTransfer) {
  app.get(
    '/api/services/items/export.xlsx',
    {
      config: { permission: 'services.read' },
      schema: {
        tags: ['services'],
        summary: '导出事项目录（事项、办理情形、申请材料三张表）/ export the catalogue as .xlsx',
        querystring: NoQuery,
        response: { 200: Binary(XLSX, 'the catalogue workbook') },
      },
    },
    async (_req, reply) => {
      const data = await transfer.exportXlsx();
      reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="service-catalogue.xlsx"');
      return reply.send(data);
    },
  );

  app.post(
    '/api/services/items/import',
    {
      config: { permission: 'services.catalogue.manage' },
      schema: {
        tags: ['services'],
        summary:
          '导入事项目录 .xlsx（省级事项表格式；有错则整批不导入，错误按表、行、列列出）/ import the catalogue (multipart field "file"; any error and nothing changes)',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: ImportResult },
      },
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
      const q = req.query as { publish?: boolean };
      return transfer.importXlsx(auditContext(req), data, q.publish ?? true);
    },
  );
}
