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
    this.client = mqtt.connect(url, { clientId: this.opts.clientId, reconnectPeriod: 2000, connectTimeout: 5000 });
    this.client.on('error', (err) => this.opts.logger.warn({ err: err.message }, 'mqtt client error'));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`MQTT broker at ${url} did not answer within 5 s`)), 5000);
      this.client!.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  connected(): boolean {
    return !!this.client?.connected;
  }

  async stop(): Promise<void> {
    if (this.client) await this.client.endAsync().catch(() => {});
    if (this.broker) await new Promise<void>((r) => this.broker!.close(() => r()));
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
  }
}
