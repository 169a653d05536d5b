import { Ok } from '../../../platform/contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  CreateDeviceBody,
  Device,
  DeviceDetail,
  DeviceList,
  DeviceListQuery,
  DeviceParams,
  DeviceTypeList,
  NoDeviceQuery,
  OnlineRateQuery,
  OnlineRates,
  ReadingsBatch,
  ReadingsResult,
  UpdateDeviceBody,
} from './devices.contract';
import type { Devices } from './devices.service';
import { offlineAfterMs } from './model/presence';
import { DEVICE_TYPE_SPECS, DEVICE_TYPES } from './model/reading-types';
import type { Readings } from './readings.service';

const TAGS = ['brain'];

/** The IoT device registry (read brain.read, change brain.manage) and the gateways' readings (API key). */
export function deviceRoutes(app: Http, devices: Devices, readings: Readings) {
  app.get(
    '/api/brain/devices',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '物联设备列表（类型、社区、在线/离线筛选）/ IoT devices, filtered (type, community, online/offline)',
        querystring: DeviceListQuery,
        response: { 200: DeviceList },
      },
    },
    async (req) => devices.list(req.query),
  );

  app.get(
    '/api/brain/devices/types',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '设备类型与读数规格（单位、量程、上报周期）/ device types and their readings (units, ranges, cadence)',
        querystring: NoDeviceQuery,
        response: { 200: DeviceTypeList },
      },
    },
    async () => ({
      items: DEVICE_TYPES.map((t) => {
        const s = DEVICE_TYPE_SPECS[t];
        return { ...s, metrics: [...s.metrics], offlineAfterS: offlineAfterMs(t) / 1000 };
      }),
    }),
  );

  app.get(
    '/api/brain/devices/online-rate',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '各类型设备在线率（可按社区）/ online rate per device type (optionally of one community)',
        querystring: OnlineRateQuery,
        response: { 200: OnlineRates },
      },
    },
    async (req) => devices.onlineRate(req.query.community),
  );

  app.get(
    '/api/brain/devices/:id',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '设备详情、最近读数与拒收计数 / a device, its recent readings and refused-reading counts',
        params: DeviceParams,
        querystring: NoDeviceQuery,
        response: { 200: DeviceDetail },
      },
    },
    async (req) => devices.detail(req.params.id),
  );

  app.post(
    '/api/brain/devices',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '登记物联设备 / register an IoT device',
        querystring: NoDeviceQuery,
        body: CreateDeviceBody,
        response: { 201: Device },
      },
    },
    async (req, reply) => {
      const row = await devices.create(auditContext(req), req.body);
      reply.code(201);
      return devices.view(row);
    },
  );

  app.patch(
    '/api/brain/devices/:id',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '修改物联设备（类型不可改）/ change an IoT device (not its type)',
        params: DeviceParams,
        querystring: NoDeviceQuery,
        body: UpdateDeviceBody,
        response: { 200: Device },
      },
    },
    async (req) => devices.view(await devices.update(auditContext(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/brain/devices/:id',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '删除物联设备及其读数 / delete an IoT device with its readings',
        params: DeviceParams,
        querystring: NoDeviceQuery,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await devices.remove(auditContext(req), req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/brain/devices/readings',
    {
      config: { permission: 'brain.readings.submit' },
      schema: {
        tags: TAGS,
        summary:
          '网关批量上报读数（API Key；不合格的逐条拒收并计数，其余照收）/ a gateway’s batch of readings (API key; bad ones refused and counted, the rest taken)',
        querystring: NoDeviceQuery,
        body: ReadingsBatch,
        response: { 200: ReadingsResult },
      },
    },
    async (req) => {
      const items = req.body.readings;
      const verdicts = await readings.ingest(
        items.map((r) => ({ deviceId: r.deviceId, at: r.at ?? null, values: r.values })),
      );
      const refused = verdicts.flatMap((v, index) =>
        v.ok
          ? []
          : [
              {
                index,
                deviceId: items[index]!.deviceId,
                reason: v.reason,
                message: v.message,
                ...(v.field ? { field: v.field } : {}),
              },
            ],
      );
      return { accepted: verdicts.length - refused.length, refused };
    },
  );
}
