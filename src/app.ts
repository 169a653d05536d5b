import { hostname } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { connect, type Database } from './platform/db/connect';
import { migrateAll } from './migrations';
import { createHttp, registerCommonPlugins, registerCookies, type Http } from './platform/http';
import { registerRateLimits } from './platform/rate-limit';
import { installAuth, type RouteRecord } from './platform/auth/hooks';
import { EventTail } from './platform/bus';
import { systemClock, type Clock } from './platform/clock';
import { JobRunner } from './platform/jobs';
import { transact } from './platform/transact';
import { LocalStorage } from './platform/storage';
import { MqttService } from './platform/mqtt';
import { ObjectStore } from './platform/object-store';
import { CalendarService } from './platform/calendar-service';
import type { PlatformContext } from './platform/context';
import { platformRoutes } from './platform/routes';
import { serveWeb } from './platform/web';
import { fileRoutes } from './platform/files';
import { combineLiveFilters, liveRoutes, registerWebsocket } from './platform/live';
import { mountIdentity, type IdentityApi } from './modules/identity';
import { mountGeography, type GeographyService } from './modules/geography';
import { mountOrders, type OrdersServices } from './modules/orders';
import { mountOpen311 } from './modules/open311';
import { mountDrones, type DronesServices } from './modules/drones';
import { mountServices, type ServicesApi } from './modules/services';
import { mountBrain, type BrainServices } from './modules/brain';
import { auditSubjectsOf, filePoliciesOf, liveFiltersOf, type MountedModule } from './platform/module';
import { auditRoutes } from './platform/audit.routes';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** PostgreSQL schema (tests isolate themselves this way). */
  pgSchema?: string;
  /** Start the MQTT broker/client (tests of other things may skip it). */
  mqtt?: boolean;
  /** Serve the built web UI from dist/web. */
  web?: boolean;
  /** Start the object store (embedded S3 server or S3_ENDPOINT client); tests of other things may skip it. */
  objectStore?: boolean;
}

export interface App {
  http: Http;
  platform: PlatformContext;
  database: Database;
  mqtt: MqttService | null;
  objectStore: ObjectStore;
  routes: RouteRecord[];
  /** The mounted modules' apis. */
  identity: IdentityApi;
  geography: GeographyService;
  orders: OrdersServices;
  drones: DronesServices;
  services: ServicesApi;
  brain: BrainServices;
  /** Listens on config.port (0 = any free port); returns the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** Builds the whole application: database (migrated), modules, HTTP routes, broker, job runner. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const logger = opts.logger ?? pino({ level: config.logLevel, base: { node: config.nodeId } });
  const clock = opts.clock ?? systemClock;
  const database = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: opts.pgSchema });
  await migrateAll(database.db);

  const events = new EventTail(database.db, { databaseUrl: config.databaseUrl, pgSchema: opts.pgSchema });
  const jobs = new JobRunner(database.db, {
    nodeId: config.nodeId,
    clock,
    onError: (job, err) => logger.error({ err, job: job.id, kind: job.kind }, 'job failed'),
  });
  const calendar = new CalendarService(database.db, clock, logger);
  await calendar.load();
  const objectStore = new ObjectStore(config, logger, { enabled: opts.objectStore !== false });
  const platform: PlatformContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    clock,
    logger,
    events,
    jobs,
    calendar,
    storage: new LocalStorage(join(config.dataDir, 'files')),
    objectStore,
    transact: (ctx, fn) => transact({ db: database.db, clock, afterCommit: () => events.poke() }, ctx, fn),
  };

  const http = createHttp({ logger, trustProxy: config.trustProxy });
  const routes: RouteRecord[] = [];
  const identity = mountIdentity(platform);
  await registerCookies(http);
  installAuth(http, identity.api.auth, routes);
  await registerCommonPlugins(http, { title: '一网 Yiwang API', version: '0.1.0' });
  await registerRateLimits(http, config.trustProxy);

  const mqtt =
    opts.mqtt === false
      ? null
      : new MqttService({
          url: config.mqttUrl,
          port: config.mqttPort,
          logger,
          clientId: `yiwang-${config.nodeId}-${hostname()}`,
        });

  platformRoutes(http, platform, { mqtt, objectStore });
  // mounted in dependency order, each given the apis it uses; then registered alike
  const geography = mountGeography(platform);
  const orders = await mountOrders(platform, geography.api, identity.api.directory);
  const open311 = mountOpen311({ p: platform, orders: orders.api, geo: geography.api, auth: identity.api.auth });
  const drones = await mountDrones(platform, {
    mqtt,
    directory: identity.api.directory,
    // AI findings become work orders through the orders intake (the drone channel, idempotent per finding)
    orders: {
      create: async (ctx, input, key) => {
        const r = await orders.api.intake.create(null, ctx, input, key);
        return { id: r.body.order.id, number: r.body.order.number };
      },
      // the pictures of a flight sent to an order (emergency, 核查): a timeline step showing them
      attachPhotos: async (w, orderId, input) => {
        const row = await orders.api.actions.load(w, orderId);
        const data = { photos: input.fileIds, flightId: input.flightId };
        await orders.api.actions.timeline(w, row.id, 'order.drone_photos', null, null, input.note, data, row.unit_id);
        w.emit({
          type: 'order.drone_photos',
          entityType: 'order',
          entityId: row.id,
          data: { number: row.number, unitId: row.unit_id },
        });
      },
    },
    config: {
      ...config.drones,
      shareGroup: config.drones.mqttShareGroup,
      mqttPort: config.mqttPort,
      brokerMode: config.mqttUrl ? 'external' : 'embedded',
    },
  });
  const services = mountServices(platform, { directory: identity.api.directory });
  // 城市大脑: cameras placed through geography, owned by identity's organisations
  const brain = mountBrain(platform, {
    geography: geography.api,
    directory: identity.api.directory,
    config: config.brain,
    mqtt,
    mqttShareGroup: config.drones.mqttShareGroup,
  });
  const modules: MountedModule[] = [identity, geography, orders, open311, drones, services, brain];
  // the WebSocket plugin first: modules declare live routes of their own
  await registerWebsocket(http);
  for (const m of modules) await m.routes(http);
  auditRoutes(http, platform, auditSubjectsOf(modules));
  await fileRoutes(http, platform, filePoliciesOf(modules));
  await liveRoutes(http, platform, combineLiveFilters(liveFiltersOf(modules)));
  if (opts.web !== false) await serveWeb(http);

  try {
    await http.ready();
    await events.start();
    if (mqtt) await mqtt.start();
    await objectStore.start();
    await drones.start();
    await brain.start();
  } catch (e) {
    // Release what was opened (broker timers, sockets, pool) so a failed start ends the process.
    await http.close().catch(() => {});
    await events.stop();
    if (mqtt) await mqtt.stop();
    await objectStore.stop();
    await database.close();
    throw e;
  }
  if (config.jobsEnabled) jobs.start();

  let closed = false;
  return {
    http,
    platform,
    database,
    mqtt,
    objectStore,
    routes,
    identity: identity.api,
    geography: geography.api,
    orders: orders.api,
    drones: drones.services,
    services: services.api,
    brain: brain.services,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      const addr = http.server.address();
      return typeof addr === 'object' && addr ? addr.port : config.port;
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      await drones.stop();
      await brain.stop();
      await jobs.stop();
      await events.stop();
      if (mqtt) await mqtt.stop();
      await objectStore.stop();
      await database.close();
    },
  };
}
