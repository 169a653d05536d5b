import { Ok } from '../../../platform/contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  CreateGeofenceBody,
  Geofence,
  GeofenceList,
  GeofenceParams,
  GeofenceQuery,
  GeofenceSync,
  NoQuery,
  SyncPushed,
  UpdateGeofenceBody,
} from './geofences.contract';
import type { Geofences } from './geofences.service';
import { geofenceView } from './geofences.view';

/** Geofences (电子围栏): read with drones.read, changed with drones.manage; the docks' sync per dock. */
export function geofenceRoutes(app: Http, geofences: Geofences) {
  app.get(
    '/api/drones/geofences',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '电子围栏：禁飞区与限定作业区 / geofences: no-fly zones and stay-inside areas',
        querystring: GeofenceQuery,
        response: { 200: GeofenceList },
      },
    },
    async (req) => ({ items: (await geofences.list(req.query)).map(geofenceView) }),
  );

  app.get(
    '/api/drones/geofences/sync',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '各机场自定义飞行区同步状态 / the custom flight area sync of each dock',
        querystring: NoQuery,
        response: { 200: GeofenceSync },
      },
    },
    async () => geofences.sync(),
  );

  app.post(
    '/api/drones/geofences/sync',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '立即同步：向在线机场发送 flight_areas_update / sync now: flight_areas_update to every online dock',
        querystring: NoQuery,
        response: { 200: SyncPushed },
      },
    },
    async (req) => {
      const pushed = await geofences.push(auditContext(req));
      return { pushed, sync: await geofences.sync() };
    },
  );

  app.get(
    '/api/drones/geofences/:id',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '电子围栏详情 / a geofence',
        params: GeofenceParams,
        querystring: NoQuery,
        response: { 200: Geofence },
      },
    },
    async (req) => geofenceView(await geofences.get(req.params.id)),
  );

  app.post(
    '/api/drones/geofences',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '新建电子围栏（多边形或圆形，WGS-84）/ create a geofence (polygon or circle, WGS-84)',
        querystring: NoQuery,
        body: CreateGeofenceBody,
        response: { 201: Geofence },
      },
    },
    async (req, reply) => {
      const row = await geofences.create(auditContext(req), req.body);
      reply.code(201);
      return geofenceView(row);
    },
  );

  app.patch(
    '/api/drones/geofences/:id',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '修改电子围栏 / change a geofence',
        params: GeofenceParams,
        querystring: NoQuery,
        body: UpdateGeofenceBody,
        response: { 200: Geofence },
      },
    },
    async (req) => geofenceView(await geofences.update(auditContext(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/drones/geofences/:id',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '删除电子围栏 / delete a geofence',
        params: GeofenceParams,
        querystring: NoQuery,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await geofences.remove(auditContext(req), req.params.id);
      return { ok: true };
    },
  );
}
