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
import { CalendarService } from './platform/calendar-service';
import type { PlatformContext } from './platform/context';
import { platformRoutes } from './platform/routes';
import { serveWeb } from './platform/web';
import { fileRoutes } from './platform/files';
import { combineLiveFilters, liveRoutes } from './platform/live';
import { mountIdentity } from './modules/identity';
import { mountGeography } from './modules/geography';
import { mountOrders, type OrdersModule } from './modules/orders';
import { open311Routes } from './modules/open311';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** PostgreSQL schema (tests isolate themselves this way). */
  pgSchema?: string;
  /** Start the MQTT broker/client (tests of other things may skip it). */
  mqtt?: boolean;
  /** Serve the built web UI from dist/web. */
  web?: boolean;
}

export interface App {
  http: Http;
  platform: PlatformContext;
  database: Database;
  mqtt: MqttService | null;
  routes: RouteRecord[];
  identity: ReturnType<typeof mountIdentity>;
  geography: ReturnType<typeof mountGeography>;
  orders: OrdersModule;
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
    transact: (ctx, fn) => transact({ db: database.db, clock, afterCommit: () => events.poke() }, ctx, fn),
  };

  const http = createHttp({ logger, trustProxy: config.trustProxy });
  const routes: RouteRecord[] = [];
  const identity = mountIdentity(platform);
  await registerCookies(http);
  installAuth(http, identity.auth, routes);
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

  platformRoutes(http, platform, { mqtt });
  identity.routes(http);
  const geography = mountGeography(platform);
  geography.routes(http);
  const orders = await mountOrders(platform, geography.service, identity.directory);
  orders.routes(http);
  open311Routes(http, { p: platform, orders, geo: geography.service, auth: identity.auth });
  await fileRoutes(http, platform, orders.files);
  await liveRoutes(http, platform, combineLiveFilters([orders.liveFilter]));
  if (opts.web !== false) await serveWeb(http);

  try {
    await http.ready();
    await events.start();
    if (mqtt) await mqtt.start();
  } catch (e) {
    // Release what was opened (broker timers, sockets, pool) so a failed start ends the process.
    await http.close().catch(() => {});
    await events.stop();
    if (mqtt) await mqtt.stop();
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
    routes,
    identity,
    geography,
    orders,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      const addr = http.server.address();
      return typeof addr === 'object' && addr ? addr.port : config.port;
    },
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      await jobs.stop();
      await events.stop();
      if (mqtt) await mqtt.stop();
      await database.close();
    },
  };
}
