import { Ok } from '../../../platform/contract';
import { badRequest } from '../../../platform/errors';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import type { Cameras } from './cameras.service';
import { cameraView } from './cameras.view';
import type { CameraImport } from './import.service';
import {
  Camera,
  CameraList,
  CameraListQuery,
  CameraMapQuery,
  CameraParams,
  CameraPoints,
  CreateCameraBody,
  ImportResult,
  NearestList,
  NearestQuery,
  NoQuery,
  UpdateCameraBody,
} from './video.contract';

const TAGS = ['brain'];

/** The multipart import takes no query parameter; its body is read in the handler. */
function noQuery(q: Record<string, unknown>) {
  const extra = Object.keys(q ?? {});
  return extra.length
    ? { error: new Error(`querystring must NOT have additional properties (${extra.join(', ')})`) }
    : { value: q };
}

/** The camera registry: read with brain.read, changed with brain.manage. */
export function cameraRoutes(app: Http, cameras: Cameras, importer: CameraImport) {
  app.get(
    '/api/brain/cameras',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary:
          '摄像机列表（社区、类型、状态、关键词、范围筛选）/ cameras, filtered (community, kind, type, status, q, bbox)',
        querystring: CameraListQuery,
        response: { 200: CameraList },
      },
    },
    async (req) => cameras.list(req.query),
  );

  app.get(
    '/api/brain/cameras/map',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '地图图层：摄像机轻量点位（供前端聚合）/ the map layer: light camera points for clustering',
        querystring: CameraMapQuery,
        response: { 200: CameraPoints },
      },
    },
    async (req) => cameras.points(req.query),
  );

  app.get(
    '/api/brain/cameras/nearest',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '某点附近的摄像机（含朝向）/ the nearest cameras to a point, with their view direction',
        querystring: NearestQuery,
        response: { 200: NearestList },
      },
    },
    async (req) => {
      const q = req.query;
      return { items: await cameras.nearest(q.lng, q.lat, q.limit ?? 10, q.radius ?? 1000, q.status) };
    },
  );

  app.get(
    '/api/brain/cameras/:id',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '摄像机详情 / a camera',
        params: CameraParams,
        querystring: NoQuery,
        response: { 200: Camera },
      },
    },
    async (req) => cameraView(await cameras.get(req.params.id)),
  );

  app.post(
    '/api/brain/cameras',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '登记摄像机（GB/T 28181 编码，WGS-84）/ register a camera (GB/T 28181 code, WGS-84)',
        querystring: NoQuery,
        body: CreateCameraBody,
        response: { 201: Camera },
      },
    },
    async (req, reply) => {
      const row = await cameras.create(auditContext(req), req.body);
      reply.code(201);
      return cameraView(row);
    },
  );

  app.patch(
    '/api/brain/cameras/:id',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '修改摄像机 / change a camera',
        params: CameraParams,
        querystring: NoQuery,
        body: UpdateCameraBody,
        response: { 200: Camera },
      },
    },
    async (req) => cameraView(await cameras.update(auditContext(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/brain/cameras/:id',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '删除摄像机 / delete a camera',
        params: CameraParams,
        querystring: NoQuery,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await cameras.remove(auditContext(req), req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/brain/cameras/import',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary:
          '导入摄像机目录（.xlsx 或 CSV，UTF-8/GBK；有错则整批不导入）/ import cameras (multipart field "file"; any bad row and nothing changes)',
        consumes: ['multipart/form-data'],
        querystring: NoQuery,
        response: { 200: ImportResult },
      },
      validatorCompiler: ({ httpPart }) => (httpPart === 'querystring' ? noQuery : () => true),
    },
    async (req) => {
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
      return importer.run(auditContext(req), data, part.filename || 'file');
    },
  );
}
