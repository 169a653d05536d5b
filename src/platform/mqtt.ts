import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { Aedes, type Client } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';

/**
 * A module's claim on part of the topic space of the embedded broker (docks under `thing/` and
 * `sys/`, say): it authenticates the clients that may use it and decides what each may publish and
 * subscribe to there. Topics no guard claims stay open to any client, as before. With an external
 * broker the same rules are the broker's ACL (docs/operations.md).
 */
export interface MqttGuard {
  claims(topic: string): boolean;
  /** A principal id (e.g. `dock:<sn>`) for a username and password it knows, else null. */
  authenticate(username: string, password: string): Promise<string | null>;
  mayPublish(principal: string, topic: string): boolean;
  maySubscribe(principal: string, topic: string): boolean;
  /** The client of that principal went away (disconnect, keep-alive timeout). */
  disconnected?(principal: string): void;
}

export type MqttHandler = (topic: string, payload: Buffer) => void;

/** The platform's own client on the embedded broker: one username, a password made per process. */
const INTERNAL_USER = 'yiwang-platform';

/**
 * The message broker the platform talks to: an embedded Aedes broker on `port` by default,
 * or any external broker at `url`. Either way the app uses one MQTT client.
 */
export class MqttService {
  private broker: Aedes | null = null;
  private server: Server | null = null;
  client: MqttClient | null = null;
  private guards: MqttGuard[] = [];
  private handlers: { filter: string; match: string; handler: MqttHandler }[] = [];
  private readonly internalPassword = randomBytes(24).toString('hex');
  /** principal per embedded-broker client id, for the guards' disconnect callbacks */
  private principals = new Map<string, { principal: string; guard: MqttGuard | null }>();

  constructor(
    private opts: {
      url: string | null;
      port: number;
      host?: string;
      logger: Logger;
      clientId: string;
      /** MQTT 5 for the platform's client of an external broker (shared subscriptions); default 4 (3.1.1) */
      protocolVersion?: 4 | 5;
    },
  ) {}

  /** Modules add their guards before start. */
  addGuard(guard: MqttGuard): void {
    this.guards.push(guard);
  }

  /**
   * Subscribes the platform's client to `filter` (which may be `$share/<group>/<real filter>`) and
   * calls `handler` for the messages whose topic matches the real filter. Kept across reconnects.
   */
  async subscribe(filter: string, handler: MqttHandler, qos: 0 | 1 = 1): Promise<void> {
    const match = filter.startsWith('$share/') ? filter.split('/').slice(2).join('/') : filter;
    this.handlers.push({ filter, match, handler });
    if (this.client?.connected) await this.client.subscribeAsync(filter, { qos });
    else this.pendingSubscriptions.push({ filter, qos });
  }
  private pendingSubscriptions: { filter: string; qos: 0 | 1 }[] = [];

  async publish(topic: string, payload: string, qos: 0 | 1 = 1): Promise<void> {
    if (!this.client) throw new Error('mqtt not started');
    await this.client.publishAsync(topic, payload, { qos });
  }

  get mode(): 'embedded' | 'external' {
    return this.opts.url ? 'external' : 'embedded';
  }

  /** The port the embedded broker really listens on (useful when started on port 0). */
  get port(): number | null {
    const addr = this.server?.address();
    return addr && typeof addr === 'object' ? addr.port : null;
  }

  async start(): Promise<void> {
    let url = this.opts.url;
    if (!url) {
      this.broker = await Aedes.createBroker({
        authenticate: (client, username, password, done) => {
          this.authenticate(client, username, password).then(
            (ok) => done(null, ok),
            () => done(null, false),
          );
        },
        authorizePublish: (client, packet, cb) =>
          cb(this.allowed(client, packet.topic, 'publish') ? null : new Error('not allowed')),
        authorizeSubscribe: (client, sub, cb) =>
          // a refused subscription is answered with the failure code (null), not a disconnect
          cb(null, this.allowed(client, sub.topic, 'subscribe') ? sub : null),
      });
      const forget = (client: Client) => {
        const p = this.principals.get(client.id);
        this.principals.delete(client.id);
        if (p?.guard?.disconnected) p.guard.disconnected(p.principal);
      };
      this.broker.on('clientDisconnect', forget);
      const server = createServer(this.broker.handle);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.opts.port, this.opts.host ?? '0.0.0.0', () => {
          server.off('error', reject);
          resolve();
        });
      });
      this.server = server;
      url = `mqtt://127.0.0.1:${this.port}`;
    }
    const external = !!this.opts.url;
    const client = mqtt.connect(url, {
      clientId: this.opts.clientId,
      reconnectPeriod: 2000,
      connectTimeout: 5000,
      protocolVersion: external ? (this.opts.protocolVersion ?? 4) : 4,
      ...(external ? {} : { username: INTERNAL_USER, password: this.internalPassword }),
    });
    this.client = client;
    client.on('message', (topic, payload) => this.dispatch(topic, payload));
    client.on('connect', () => {
      const pending = this.pendingSubscriptions.splice(0);
      for (const p of pending)
        client.subscribeAsync(p.filter, { qos: p.qos }).catch((err) => {
          this.opts.logger.warn({ err: (err as Error).message, filter: p.filter }, 'mqtt subscribe failed');
          this.pendingSubscriptions.push(p);
        });
    });
    client.on('error', (err) => this.opts.logger.warn({ err: err.message }, 'mqtt client error'));
    client.on('connect', () => this.opts.logger.info({ broker: redact(url) }, 'mqtt connected'));
    client.on('offline', () =>
      this.opts.logger.warn({ broker: redact(url) }, 'mqtt broker unreachable; reconnecting every 2 s'),
    );
    // The embedded broker is ours: it answers at once, or something is badly wrong. An external
    // broker may be down or not up yet: the app starts degraded (health 503) and keeps trying,
    // so a broker restart or a start-up order does not take the whole platform down.
    const firstAttempt = await new Promise<'connected' | 'failed' | 'timeout'>((resolve) => {
      const done = (r: 'connected' | 'failed' | 'timeout') => {
        clearTimeout(timer);
        client.off('connect', onConnect);
        client.off('close', onClose);
        resolve(r);
      };
      const onConnect = () => done('connected');
      const onClose = () => done('failed');
      const timer = setTimeout(() => done('timeout'), 5000);
      client.on('connect', onConnect);
      if (external) client.on('close', onClose);
    });
    if (firstAttempt === 'connected') return;
    if (!external) throw new Error(`the embedded MQTT broker on port ${this.port} did not answer within 5 s`);
    this.opts.logger.warn(
      { broker: redact(url) },
      'mqtt broker not reachable at start: running degraded, reconnecting every 2 s',
    );
  }

  private dispatch(topic: string, payload: Buffer): void {
    for (const h of this.handlers) {
      if (!topicMatches(h.match, topic)) continue;
      try {
        h.handler(topic, payload);
      } catch (err) {
        // a handler's bug must not take the client (and every other subscription) down
        this.opts.logger.error({ err, topic }, 'mqtt handler failed');
      }
    }
  }

  private async authenticate(client: Client, username?: string, password?: Buffer): Promise<boolean> {
    if (username === INTERNAL_USER)
      return (
        !!password &&
        safeEqual(password.toString(), this.internalPassword) &&
        this.remember(client, INTERNAL_USER, null)
      );
    if (username) {
      for (const g of this.guards) {
        const principal = await g.authenticate(username, password?.toString() ?? '');
        if (principal) return this.remember(client, principal, g);
      }
      // a username nobody knows: refused, so a misconfigured device is told at once
      return false;
    }
    return this.remember(client, '', null);
  }

  private remember(client: Client, principal: string, guard: MqttGuard | null): true {
    this.principals.set(client.id, { principal, guard });
    return true;
  }

  private allowed(client: Client | null, topic: string, what: 'publish' | 'subscribe'): boolean {
    if (!client) return true; // the broker's own messages (wills, $SYS)
    const p = this.principals.get(client.id);
    if (p?.principal === INTERNAL_USER) return true;
    // a shared subscription is judged by the filter it shares
    const real = topic.startsWith('$share/') ? topic.split('/').slice(2).join('/') : topic;
    for (const g of this.guards) {
      if (!g.claims(real)) continue;
      if (!p || p.guard !== g) return false;
      return what === 'publish' ? g.mayPublish(p.principal, real) : g.maySubscribe(p.principal, real);
    }
    return true;
  }

  connected(): boolean {
    return !!this.client?.connected;
  }

  async stop(): Promise<void> {
    const { client, broker, server } = this;
    this.client = null;
    this.broker = null;
    this.server = null;
    // force when offline: a graceful end would wait for a broker that is not there
    if (client) await client.endAsync(!client.connected).catch(() => {});
    if (broker) await new Promise<void>((r) => broker.close(() => r()));
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}

/** MQTT topic filter matching (`+` one level, `#` the rest). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The broker URL without its password, for logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
