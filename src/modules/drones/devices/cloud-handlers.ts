import type { Logger } from 'pino';
import type { Envelope } from '../dji/envelope';
import type { CloudApiHandlers } from '../dji/gateway';
import { UnusableMessage } from '../dji/gateway';
import { parseHms } from '../dji/hms';
import {
  bindStatusReply,
  configReply,
  type DeveloperApp,
  failed,
  flightAreasReply,
  offlineMapReply,
  organizationBindReply,
  parseBindStatusRequest,
  parseOrganizationBind,
  parseOrganizationGet,
  ok,
  type AreaFile,
  type StorageGrant,
  storageConfigReply,
} from '../dji/requests';
import { parseTopology } from '../dji/topology';
import type { TelemetryStore } from '../telemetry/telemetry.store';
import type { HealthAlerts } from './alerts.service';
import { bindErrors, bindStates, type Organisation, organisationFor } from './binding';
import type { DeviceRow } from './devices.repo';
import type { DeviceRegistry } from './registry.service';

/** What the other drone sub-domains plug in (missions, media, geofences); each optional until built. */
export interface FlightHooks {
  /** flighttask_progress and the other flight events; returns the events_reply result. */
  event?(gatewaySn: string, msg: Envelope, at: number): Promise<number | null>;
  servicesReply?(gatewaySn: string, msg: Envelope, at: number): Promise<void>;
  /** flighttask_resource_get: the KMZ's URL and MD5 for a flight id. */
  flightResource?(flightId: string): Promise<{ url: string; fingerprint: string } | null>;
  /** flight_areas_get: the geofence files to download. */
  flightAreas?(gatewaySn: string): Promise<AreaFile[]>;
  /** storage_config_get: temporary upload credentials for this dock. */
  storageGrant?(gatewaySn: string): Promise<StorageGrant>;
}

export interface CloudDeps {
  registry: DeviceRegistry;
  telemetry: TelemetryStore;
  alerts: HealthAlerts;
  developerApp: () => DeveloperApp;
  organisation: () => Promise<Organisation>;
  hooks: FlightHooks;
  logger: Logger;
}

/** The Cloud API messages, handled by the drones services. */
export function cloudHandlers(d: CloudDeps): CloudApiHandlers {
  return {
    seen: (sn, at) => {
      void d.registry.seen(sn, at).catch((err) => d.logger.warn({ err, sn }, 'could not mark device online'));
    },

    telemetry(sn, _kind, msg, at) {
      if (!d.registry.isKnown(sn)) throw new UnusableMessage('unknown_device');
      const rejected = d.telemetry.apply(sn, msg.data, at);
      if (rejected.length) throw new UnusableMessage('bad_field');
    },

    async status(gatewaySn, msg, at) {
      if (msg.method !== 'update_topo') throw new UnusableMessage('unknown_method');
      const topo = parseTopology(msg.data);
      if (!topo.ok) throw new UnusableMessage(topo.reason);
      await d.registry.applyTopology(gatewaySn, topo.value, at);
      return 0;
    },

    async event(gatewaySn, msg, at) {
      if (!d.registry.isKnown(gatewaySn)) throw new UnusableMessage('unknown_device');
      if (msg.method === 'hms') {
        const report = parseHms(msg.data);
        if (!report) throw new UnusableMessage('bad_hms');
        await d.alerts.apply(gatewaySn, report, at);
        return 0;
      }
      const r = d.hooks.event ? await d.hooks.event(gatewaySn, msg, at) : null;
      return r ?? 0;
    },

    async request(gatewaySn, msg, at) {
      switch (msg.method) {
        case 'config':
          return configReply(d.developerApp());
        case 'airport_bind_status': {
          const sns = parseBindStatusRequest(msg.data);
          if (!sns) throw new UnusableMessage('bad_request');
          const rows = new Map<string, DeviceRow>();
          for (const sn of sns) {
            const row = await d.registry.get(sn).catch(() => null);
            if (row) rows.set(sn, row);
          }
          return bindStatusReply(bindStates(sns, rows, await d.organisation()));
        }
        case 'airport_organization_get': {
          const q = parseOrganizationGet(msg.data);
          if (!q) throw new UnusableMessage('bad_request');
          const name = organisationFor(q.bindingCode, q.organizationId, await d.organisation());
          return name === null ? failed(1) : ok({ organization_name: name });
        }
        case 'airport_organization_bind': {
          const devices = parseOrganizationBind(msg.data);
          if (!devices) throw new UnusableMessage('bad_request');
          const errors = bindErrors(devices, await d.organisation());
          const refused = new Set(errors.map((e) => e.sn));
          await d.registry.bind(
            devices.filter((x) => !refused.has(x.sn)),
            gatewaySn,
            at,
          );
          return organizationBindReply(errors);
        }
        case 'storage_config_get':
          if (!d.hooks.storageGrant) return failed(1);
          return storageConfigReply(await d.hooks.storageGrant(gatewaySn));
        case 'flighttask_resource_get': {
          const id = typeof msg.data.flight_id === 'string' ? msg.data.flight_id : null;
          if (!id) throw new UnusableMessage('bad_request');
          const file = d.hooks.flightResource ? await d.hooks.flightResource(id) : null;
          return file ? ok({ file }) : failed(1);
        }
        // always answered: a dock without an answer waits ~40 s before every take-off
        case 'flight_areas_get':
          return flightAreasReply(d.hooks.flightAreas ? await d.hooks.flightAreas(gatewaySn) : []);
        case 'offline_map_get':
          return offlineMapReply([]);
        default:
          throw new UnusableMessage('unknown_method');
      }
    },

    async servicesReply(gatewaySn, msg, at) {
      if (d.hooks.servicesReply) await d.hooks.servicesReply(gatewaySn, msg, at);
    },

    async propertySetReply() {},
  };
}
