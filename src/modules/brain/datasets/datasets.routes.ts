/** 部门数据 routes: definitions (brain.datasets.manage), versions by upload or API-key push, reads. */
import { badRequest, unauthorized } from '../../../platform/errors';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  AggregateQuery,
  Aggregates,
  CreateDatasetBody,
  Dataset,
  DatasetList,
  DatasetParams,
  Provenance,
  PushBody,
  RowPage,
  RowsQuery,
  UpdateDatasetBody,
  UploadResult,
  VersionDiff,
  VersionList,
  VersionParams,
} from './datasets.contract';
import { NoQuery } from '../video/video.contract';
import type { Datasets } from './datasets.service';
import { datasetView, provenanceView, rowView, versionView } from './datasets.view';
import type { DatasetVersions } from './versions.service';

const TAGS = ['brain'];
const READ = { permission: 'brain.datasets.read' };

/** The multipart upload takes no query parameter; its body is read in the handler. */
function noQuery(q: Record<string, unknown>) {
  const extra = Object.keys(q ?? {});
  return extra.length
    ? { error: new Error(`querystring must NOT have additional properties (${extra.join(', ')})`) }
    : { value: q };
}

export function datasetRoutes(app: Http, datasets: Datasets, versions: DatasetVersions) {
  const view = async (d: Awaited<ReturnType<Datasets['get']>>) => datasetView(d, await datasets.ownerName(d));

  app.get(
    '/api/brain/datasets',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: '部门数据集列表 / department datasets',
        querystring: NoQuery,
        response: { 200: DatasetList },
      },
    },
    async () => {
      const orgs = await datasets.orgs();
      return {
        items: (await datasets.list()).map((d) => datasetView(d, orgs.get(d.owner_org_id)?.name ?? d.owner_org_id)),
      };
    },
  );

  app.post(
    '/api/brain/datasets',
    {
      config: { permission: 'brain.datasets.manage' },
      schema: {
        tags: TAGS,
        summary: '定义数据集（列、类型、单位、社区列、期间列、所属部门、更新周期）/ define a dataset',
        querystring: NoQuery,
        body: CreateDatasetBody,
        response: { 201: Dataset },
      },
    },
    async (req, reply) => {
      const d = await datasets.create(auditContext(req), req.body);
      reply.code(201);
      return view(d);
    },
  );

  app.get(
    '/api/brain/datasets/:code',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: '数据集 / a dataset',
        params: DatasetParams,
        querystring: NoQuery,
        response: { 200: Dataset },
      },
    },
    async (req) => view(await datasets.get(req.params.code)),
  );

  app.patch(
    '/api/brain/datasets/:code',
    {
      config: { permission: 'brain.datasets.manage' },
      schema: {
        tags: TAGS,
        summary: '修改数据集（新结构用于之后的版本）/ edit a dataset (a new schema applies to later versions)',
        params: DatasetParams,
        querystring: NoQuery,
        body: UpdateDatasetBody,
        response: { 200: Dataset },
      },
    },
    async (req) => view(await datasets.update(auditContext(req), req.params.code, req.body)),
  );

  app.get(
    '/api/brain/datasets/:code/provenance',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: '数据来源：所属部门、最近更新、更新周期 / provenance: owner, last update, cadence',
        params: DatasetParams,
        querystring: NoQuery,
        response: { 200: Provenance },
      },
    },
    async (req) => {
      const d = await datasets.get(req.params.code);
      return provenanceView(d, await datasets.ownerName(d));
    },
  );

  app.post(
    '/api/brain/datasets/:code/versions',
    {
      config: { permission: 'brain.datasets.upload' },
      schema: {
        tags: TAGS,
        summary:
          '上传新版本（.xlsx 或 CSV，UTF-8/GBK；有错则不导入）/ upload a version (multipart field "file"; any bad row and nothing changes)',
        consumes: ['multipart/form-data'],
        params: DatasetParams,
        querystring: NoQuery,
        response: { 200: UploadResult },
      },
      validatorCompiler: ({ httpPart, schema }) =>
        httpPart === 'querystring'
          ? noQuery
          : httpPart === 'params'
            ? (p: Record<string, unknown>) => {
                const code = String((p as { code?: unknown }).code ?? '');
                const ok = code.length > 0 && code.length <= 64 && /^[A-Za-z0-9_.-]+$/.test(code);
                return ok ? { value: p } : { error: new Error(`params/code must match ${JSON.stringify(schema)}`) };
              }
            : () => true,
    },
    async (req) => {
      if (!req.principal) throw unauthorized();
      if (!req.isMultipart())
        throw badRequest(
          'not_multipart',
          '请以 multipart/form-data 上传 file 字段 / send multipart/form-data with a field "file"',
        );
      const part = await req.file().catch(() => undefined);
      if (!part) throw badRequest('no_file', '请求中没有文件 / no file in the request');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch {
        throw badRequest('body_too_large', '文件过大 / the file is too large');
      }
      if (data.length === 0) throw badRequest('empty_file', '文件为空 / the file is empty');
      const { code } = req.params as { code: string };
      return versions.upload(req.principal, auditContext(req), code, data, part.filename || 'file');
    },
  );

  app.post(
    '/api/brain/datasets/:code/rows',
    {
      config: { permission: 'brain.datasets.push' },
      schema: {
        tags: TAGS,
        summary: '推送数据行（API 密钥；成为新版本）/ push rows as JSON (API key; they become a new version)',
        params: DatasetParams,
        querystring: NoQuery,
        body: PushBody,
        response: { 200: UploadResult },
      },
    },
    async (req) => versions.push(auditContext(req), req.params.code, req.body),
  );

  app.get(
    '/api/brain/datasets/:code/versions',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: '版本列表（谁、何时、行数）/ versions with who and when',
        params: DatasetParams,
        querystring: NoQuery,
        response: { 200: VersionList },
      },
    },
    async (req) => ({ items: (await datasets.versions(req.params.code)).map(versionView) }),
  );

  app.get(
    '/api/brain/datasets/:code/versions/:version/rows',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: '某版本的原始数据行 / the raw rows of a version',
        params: VersionParams,
        querystring: RowsQuery,
        response: { 200: RowPage },
      },
    },
    async (req) => {
      const page = await datasets.rows(
        req.params.code,
        req.params.version,
        req.query.after ?? 0,
        req.query.limit ?? 200,
      );
      return { items: page.items.map(rowView), next: page.next };
    },
  );

  app.get(
    '/api/brain/datasets/:code/versions/:version/diff',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary: '与上一版本的差异 / the diff to the previous version',
        params: VersionParams,
        querystring: NoQuery,
        response: { 200: VersionDiff },
      },
    },
    async (req) => versions.diff(req.params.code, req.params.version),
  );

  app.get(
    '/api/brain/datasets/:code/aggregates',
    {
      config: READ,
      schema: {
        tags: TAGS,
        summary:
          '按社区和期间汇总（默认当前版本）/ aggregates per community and period (the current version by default)',
        params: DatasetParams,
        querystring: AggregateQuery,
        response: { 200: Aggregates },
      },
    },
    async (req) => {
      const a = await versions.aggregates(req.params.code, req.query);
      return { version: a.version, units: a.units, items: a.items, provenance: provenanceView(a.dataset, a.ownerName) };
    },
  );
}
