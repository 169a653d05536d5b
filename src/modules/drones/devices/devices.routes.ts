import { Ok } from '../../../platform/contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import {
  ConnectionInfo,
  DeviceDetail,
  DeviceList,
  DockCredentials,
  FaultList,
  FaultQuery,
  RegisterDockBody,
  SnParams,
  Track,
  TrackQuery,
  UpdateDeviceBody,
} from '../contract';
import type { DronesServices } from '../services';
import { alertView, deviceView, faultView } from './device.view';
import { allOpenAlerts, faultsOf, openAlerts, trackOf } from './devices.repo';

const DAY = 86_400_000;

/** The registry of docks and aircraft, their health and what the broker refused from them. */
export function deviceRoutes(app: Http, s: DronesServices) {
  const { p, registry, telemetry } = s;

  app.get(
    '/api/drones/devices',
    {
      config: { permission: 'drones.read' },
      schema: { tags: ['drones'], summary: '机场与飞行器 / docks and aircraft', response: { 200: DeviceList } },
    },
    async () => {
      const [rows, alerts] = await Promise.all([registry.list(), allOpenAlerts(p.db)]);
      const count = new Map<string, number>();
      for (const a of alerts) count.set(a.sn, (count.get(a.sn) ?? 0) + 1);
      return { items: rows.map((d) => deviceView(d, telemetry.get(d.sn), count.get(d.sn) ?? 0)) };
    },
  );

  app.get(
    '/api/drones/devices/:sn',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '设备详情：状态、健康告警、异常报文 / device detail: state, health alerts, refused messages',
        params: SnParams,
        response: { 200: DeviceDetail },
      },
    },
    async (req) => {
      const d = await registry.get(req.params.sn);
      const [alerts, faults, all] = await Promise.all([openAlerts(p.db, d.sn), faultsOf(p.db, d.sn), registry.list()]);
      return {
        device: deviceView(d, telemetry.get(d.sn), alerts.length),
        children: all.filter((c) => c.gateway_sn === d.sn).map((c) => deviceView(c, telemetry.get(c.sn), 0)),
        alerts: alerts.map(alertView),
        faults: faults.map(faultView),
      };
    },
  );

  app.post(
    '/api/drones/docks',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary:
          '登记机场并生成其 MQTT 账号（密码只显示一次）/ register a dock and its MQTT login (password shown once)',
        body: RegisterDockBody,
        response: { 201: DockCredentials },
      },
    },
    async (req, reply) => {
      const { device, mqttPassword } = await registry.register(auditContext(req), req.body);
      reply.code(201);
      return {
        device: deviceView(device, telemetry.get(device.sn), 0),
        mqtt: { ...s.connection.mqtt(), username: device.sn, password: mqttPassword },
      };
    },
  );

  app.patch(
    '/api/drones/devices/:sn',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '修改设备 / update a device',
        params: SnParams,
        body: UpdateDeviceBody,
        response: { 200: DeviceDetail.properties.device },
      },
    },
    async (req) => {
      const d = await registry.update(auditContext(req), req.params.sn, req.body);
      return deviceView(d, telemetry.get(d.sn), 0);
    },
  );

  app.post(
    '/api/drones/docks/:sn/reset-password',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '重置机场 MQTT 密码 / reset a dock’s MQTT password',
        params: SnParams,
        response: { 200: DockCredentials },
      },
    },
    async (req) => {
      const password = await registry.resetPassword(auditContext(req), req.params.sn);
      const d = await registry.get(req.params.sn);
      return {
        device: deviceView(d, telemetry.get(d.sn), 0),
        mqtt: { ...s.connection.mqtt(), username: d.sn, password },
      };
    },
  );

  app.delete(
    '/api/drones/devices/:sn',
    {
      config: { permission: 'drones.manage' },
      schema: { tags: ['drones'], summary: '删除设备 / remove a device', params: SnParams, response: { 200: Ok } },
    },
    async (req) => {
      await registry.remove(auditContext(req), req.params.sn);
      return { ok: true };
    },
  );

  app.get(
    '/api/drones/devices/:sn/track',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '轨迹（抽稀）/ track (downsampled)',
        params: SnParams,
        querystring: TrackQuery,
        response: { 200: Track },
      },
    },
    async (req) => {
      const d = await registry.get(req.params.sn);
      const to = req.query.to ?? p.clock.now();
      const from = req.query.from ?? to - DAY;
      if (from >= to) return { items: [] };
      const rows = await trackOf(p.db, d.sn, from, Math.min(to, from + 31 * DAY), 20_000);
      return {
        items: rows.map((r) => ({
          at: r.at,
          lng: r.lng,
          lat: r.lat,
          height: r.height,
          speed: r.speed,
          heading: r.heading,
          battery: r.battery,
          modeCode: r.mode_code,
          flightId: r.flight_id,
        })),
      };
    },
  );

  app.get(
    '/api/drones/faults',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '无法使用的设备报文（按设备、主题、原因计数）/ refused device messages',
        querystring: FaultQuery,
        response: { 200: FaultList },
      },
    },
    async (req) => ({ items: (await faultsOf(p.db, req.query.sn ?? null)).map(faultView) }),
  );

  app.get(
    '/api/drones/connection',
    {
      config: { permission: 'drones.manage' },
      schema: {
        tags: ['drones'],
        summary: '现场配置（DJI Pilot 2 填写的地址、组织与绑定码）/ on-site setup values',
        response: { 200: ConnectionInfo },
      },
    },
    async () => s.connection.info(),
  );
}
