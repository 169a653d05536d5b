import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';

/**
 * The message broker the platform talks to: an embedded Aedes broker on `port` by default,
 * or any external broker at `url`. Either way the app uses one MQTT client.
 */
export class MqttService {
  private broker: Aedes | null = null;
  private server: Server | null = null;
  client: MqttClient | null = null;

  constructor(private opts: { url: string | null; port: number; host?: string; logger: Logger; clientId: string }) {}

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
      this.broker = await Aedes.createBroker();
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
    const client = mqtt.connect(url, { clientId: this.opts.clientId, reconnectPeriod: 2000, connectTimeout: 5000 });
    this.client = client;
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
