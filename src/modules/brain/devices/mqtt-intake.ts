/**
 * Device telemetry over MQTT: `yiwang/devices/{deviceId}/telemetry`, a JSON `{"at"?, "values"}`.
 * Messages are queued as they arrive and written in batches (one transaction for all that came
 * in while the last batch was being written), so a burst costs a few commits, not one each.
 * With an external broker the nodes share the subscription (`$share/<group>/…`): each message is
 * handled once. A message that cannot be used is counted; nothing here ever throws.
 */
import type { Logger } from 'pino';
import type { MqttService } from '../../../platform/mqtt';
import { DEVICE_ID_PATTERN } from './devices.contract';
import { parseMessage } from './model/reading-types';
import type { Incoming, Readings } from './readings.service';

export const TELEMETRY_FILTER = 'yiwang/devices/+/telemetry';
export const telemetryTopic = (deviceId: string) => `yiwang/devices/${deviceId}/telemetry`;
/** Larger payloads are refused unread (a reading is a few hundred bytes). */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/** Readings per transaction. */
const BATCH = 2000;
/** Queued readings beyond which new ones are dropped (and counted) rather than eat the memory. */
const MAX_QUEUE = 100_000;

const ID = new RegExp(DEVICE_ID_PATTERN);

/** The device id of a telemetry topic, or null. */
export function deviceOfTopic(topic: string): string | null {
  const p = topic.split('/');
  return p.length === 4 && p[0] === 'yiwang' && p[1] === 'devices' && p[3] === 'telemetry' && ID.test(p[2]!)
    ? p[2]!
    : null;
}

export class MqttIntake {
  private queue: Incoming[] = [];
  private running: Promise<void> | null = null;
  /** messages on a topic that names no valid device id, and readings dropped on a full queue */
  readonly dropped = { badTopic: 0, overflow: 0, writeFailed: 0 };

  constructor(
    private mqtt: MqttService,
    private readings: Readings,
    private logger: Logger,
    private opts: { shareGroup: string | null },
  ) {}

  async start(): Promise<void> {
    const filter = this.opts.shareGroup ? `$share/${this.opts.shareGroup}/${TELEMETRY_FILTER}` : TELEMETRY_FILTER;
    await this.mqtt.subscribe(filter, (topic, payload) => this.receive(topic, payload), 1);
  }

  /** One message (the subscription's path; exposed for tests and benches). */
  receive(topic: string, payload: Buffer): void {
    const deviceId = deviceOfTopic(topic);
    if (!deviceId) {
      this.dropped.badTopic++;
      return;
    }
    if (this.queue.length >= MAX_QUEUE) {
      this.dropped.overflow++;
      return;
    }
    if (payload.length > MAX_PAYLOAD_BYTES) this.queue.push({ deviceId, malformed: 'payload too large' });
    else {
      const m = parseMessage(payload);
      this.queue.push(m.ok ? { deviceId, at: m.at, values: m.values } : { deviceId, malformed: m.message });
    }
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
  }

  private async drain(): Promise<void> {
    // let the messages of the same tick join the first batch
    await new Promise((r) => setImmediate(r));
    while (this.queue.length) {
      const batch = this.queue.splice(0, BATCH);
      try {
        await this.readings.ingest(batch);
      } catch (err) {
        this.dropped.writeFailed += batch.length;
        this.logger.error({ err, readings: batch.length }, 'device readings could not be written');
      }
    }
  }

  /** Resolves when everything received so far is written. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }
}
