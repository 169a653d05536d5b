/**
 * drones (无人机指挥调度): docks and aircraft over the DJI Cloud API — registry, telemetry, health,
 * and (as they are built) missions, waylines, media, AI findings and statistics.
 */
import type { PlatformContext } from '../../platform/context';
import type { MountedModule } from '../../platform/module';
import type { MqttService } from '../../platform/mqtt';
import { HealthAlerts } from './devices/alerts.service';
import { cloudHandlers, type FlightHooks } from './devices/cloud-handlers';
import { ConnectionSettings, type DronesConfig } from './devices/connection';
import { addFaults, loadTelemetry } from './devices/devices.repo';
import { writeLastSeen, writeTelemetry } from './telemetry/telemetry.repo';
import { deviceRoutes } from './devices/devices.routes';
import { DEVICE_ENTITY, DeviceRegistry } from './devices/registry.service';
import { dockGuard } from './dji/broker-guard';
import { FaultCounter } from './dji/faults';
import { CloudApiGateway } from './dji/gateway';
import { liveRoutes } from './telemetry/live.routes';
import { TelemetryStore } from './telemetry/telemetry.store';
import { DockCommands } from './missions/commands.service';
import { FLIGHT_ENTITY, Flights } from './missions/flights.service';
import { missionRoutes } from './missions/missions.routes';
import { ROUTE_ENTITY, WaylineRoutes } from './missions/routes.service';
import { DroneMedia, MEDIA_ENTITY } from './media/media.service';
import { mediaRoutes } from './media/media.routes';
import { FINDING_ENTITY, Findings, type OrdersPort } from './findings/findings.service';
import { findingRoutes } from './findings/findings.routes';
import { statsRoutes } from './stats/stats.routes';
import { SCHEDULE_ENTITY, Schedules } from './schedules/schedules.service';
import { FlightCalendar } from './schedules/calendar.service';
import { scheduleRoutes } from './schedules/schedules.routes';
import { OrderPhotos } from './media/order-photos.service';
import { GEOFENCE_ENTITY, GEOFENCE_SYNC_ENTITY, Geofences } from './geofences/geofences.service';
import { geofenceRoutes } from './geofences/geofences.routes';
import { LiveVideo } from './live/live.service';
import { liveVideoRoutes } from './live/live.routes';
import type { LiveSettings } from './live/live-urls';
import { MediaPriority } from './media/media-priority';
import { mediaPriorityRoutes } from './media/priority.routes';
import type { DronesServices } from './services';
import type { Directory } from '../identity/directory';
import { orgCheck } from './org-check';

export type { DronesConfig } from './devices/connection';
export type { DronesServices } from './services';

/** A dock is offline after this long without a message (its OSD comes every ~2 s). */
const SILENCE_MS = 60_000;
const HOUSEKEEPING_MS = 5_000;

export interface DronesApi {
  /** The registry's view for other modules (the city brain's map, work orders' emergency flights). */
  listDevices: DeviceRegistry['list'];
}

export async function mountDrones(
  p: PlatformContext,
  deps: {
    mqtt: MqttService | null;
    config: DronesConfig & LiveSettings;
    directory?: Pick<Directory, 'orgs'>;
    orders?: OrdersPort;
    hooks?: FlightHooks;
  },
): Promise<MountedModule<DronesApi> & { services: DronesServices; start(): Promise<void>; stop(): Promise<void> }> {
  const checkOrg = orgCheck(deps.directory ?? null);
  const registry = new DeviceRegistry(p, checkOrg);
  await registry.load();
  const connection = new ConnectionSettings(p, deps.config);
  await connection.load();
  const faults = new FaultCounter();
  const telemetry = new TelemetryStore(
    {
      async flush(latest, points) {
        // one transaction per flush (not one commit per device)
        await writeTelemetry(
          p.db,
          latest.map((l) => ({ sn: l.sn, telemetry: JSON.stringify(l.telemetry), at: l.at })),
          points,
        );
      },
    },
    p.logger,
  );
  telemetry.load((await loadTelemetry(p.db)).map((r) => ({ sn: r.sn, telemetry: JSON.parse(r.telemetry) })));
  const alerts = new HealthAlerts(p);
  let gateway: CloudApiGateway | null = null;
  const commands = new DockCommands(p, () => gateway);
  const routes = new WaylineRoutes(p, checkOrg);
  const geofences = new Geofences(p, checkOrg, registry, commands);
  const flights = new Flights(p, registry, telemetry, routes, commands, checkOrg, geofences);
  const media = new DroneMedia(p);
  const findings = new Findings(p, deps.orders ?? null);
  // recurring schedules: a job plans each take-off of the coming day through flights.plan
  const schedules = new Schedules(p, flights, routes, registry, checkOrg);
  const calendar = new FlightCalendar(p, registry);
  // the pictures of a flight sent to a work order are attached to the order as they arrive
  const attachPhotos = deps.orders?.attachPhotos;
  const orderPhotos = new OrderPhotos(p, attachPhotos ? { attachPhotos } : null);
  const live = new LiveVideo(p, registry, telemetry, commands, () => gateway, deps.config);
  // an emergency flight's pictures are asked for first when it ends (upload_flighttask_media_prioritize)
  const priority = new MediaPriority(p, commands);
  const hooks: FlightHooks = {
    event: (sn, msg, at) =>
      msg.method === 'file_upload_callback'
        ? media.callback(sn, msg, at).then(async (r) => {
            await orderPhotos.afterUpload(sn, msg);
            return r;
          })
        : msg.method === 'flight_areas_sync_progress'
          ? geofences.syncProgress(sn, msg, at)
          : flights.event(sn, msg, at),
    flightAreas: (sn) => geofences.flightAreas(sn),
    servicesReply: (sn, msg) => commands.reply(sn, msg),
    flightResource: (id) => flights.resource(id),
    storageGrant: async (sn) => {
      const g = await p.objectStore.grantUploadCredentials(`media/${sn}/`, 3600);
      return {
        bucket: g.bucket,
        accessKeyId: g.credentials.accessKeyId,
        accessKeySecret: g.credentials.accessKeySecret,
        securityToken: g.credentials.securityToken,
        expireS: g.credentials.expire,
        endpoint: g.endpoint,
        objectKeyPrefix: g.objectKeyPrefix,
        provider: g.provider,
        region: g.region,
      };
    },
    ...deps.hooks,
  };
  const handlers = cloudHandlers({
    registry,
    telemetry,
    alerts,
    developerApp: connection.developerApp,
    organisation: connection.organisation,
    hooks,
    logger: p.logger,
  });
  if (deps.mqtt) {
    const mqtt = deps.mqtt;
    mqtt.addGuard(
      dockGuard({
        authenticate: (u, pw) => registry.authenticate(u, pw),
        speaksFor: (dock, sn) => registry.speaksFor(dock, sn),
        disconnected: (sn) => void registry.offline(sn, p.clock.now(), 'disconnect').catch(() => {}),
      }),
    );
    gateway = new CloudApiGateway(mqtt, handlers, faults, p.logger, {
      shareGroup: mqtt.mode === 'external' ? deps.config.shareGroup : null,
      now: () => p.clock.now(),
    });
  }
  const services: DronesServices = {
    p,
    registry,
    telemetry,
    alerts,
    faults,
    connection,
    gateway,
    routes,
    flights,
    commands,
    media,
    findings,
    schedules,
  };

  let timer: NodeJS.Timeout | null = null;
  const housekeeping = async () => {
    const batch = faults.take();
    try {
      if (batch.length) await addFaults(p.db, batch);
    } catch (err) {
      faults.giveBack(batch);
      p.logger.warn({ err: (err as Error).message }, 'could not record device message faults');
    }
    // one transaction for all the devices heard (a commit each would be an fsync each on SQLite)
    await writeLastSeen(p.db, registry.seenToWrite(SILENCE_MS)).catch((err) =>
      p.logger.warn({ err: (err as Error).message }, 'could not record when devices were last seen'),
    );
    await registry.sweep(p.clock.now(), SILENCE_MS).catch((err) => p.logger.warn({ err }, 'offline sweep failed'));
  };

  return {
    name: 'drones',
    api: { listDevices: () => registry.list() },
    services,
    routes(app) {
      deviceRoutes(app, services);
      missionRoutes(app, services);
      mediaRoutes(app, media);
      findingRoutes(app, findings);
      statsRoutes(app, p);
      scheduleRoutes(app, { schedules, calendar });
      geofenceRoutes(app, geofences);
      liveVideoRoutes(app, live);
      mediaPriorityRoutes(app, priority);
      return liveRoutes(app, services);
    },
    liveFilter: {
      entityTypes: [
        DEVICE_ENTITY,
        FLIGHT_ENTITY,
        ROUTE_ENTITY,
        MEDIA_ENTITY,
        FINDING_ENTITY,
        GEOFENCE_ENTITY,
        GEOFENCE_SYNC_ENTITY,
        SCHEDULE_ENTITY,
      ],
      visible: (_e, pr) => pr.permissions.has('drones.read'),
    },
    async start() {
      telemetry.start();
      if (gateway) await gateway.start();
      await schedules.start();
      timer = setInterval(() => void housekeeping(), HOUSEKEEPING_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await schedules.settled();
      await telemetry.stop();
      await housekeeping().catch(() => {});
    },
  };
}
