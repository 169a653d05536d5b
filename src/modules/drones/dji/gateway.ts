import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { MqttService } from '../../../platform/mqtt';
import { type Envelope, envelope, parseEnvelope } from './envelope';
import type { FaultCounter } from './faults';
import { INBOUND_FILTERS, type InboundKind, outboundTopic, parseInboundTopic, sharedFilter } from './topics';

/**
 * What the Cloud API binding hands the drones services. Each handler gets the parsed envelope;
 * a handler that throws is counted as a fault of that message, never more.
 */
export interface CloudApiHandlers {
  /** osd or state of `sn` (the device itself). */
  telemetry(sn: string, kind: 'osd' | 'state', msg: Envelope, at: number): void;
  /** `update_topo` and other status methods; the reply is `{ result }`. */
  status(gatewaySn: string, msg: Envelope, at: number): Promise<number>;
  /** An event; its result goes into `events_reply` when the device asked for one. */
  event(gatewaySn: string, msg: Envelope, at: number): Promise<number>;
  /** A request; the returned object is the reply's `data` (null: not answered — an unknown method). */
  request(gatewaySn: string, msg: Envelope, at: number): Promise<Record<string, unknown> | null>;
  servicesReply(gatewaySn: string, msg: Envelope, at: number): Promise<void>;
  propertySetReply(gatewaySn: string, msg: Envelope, at: number): Promise<void>;
  /** Any readable message from `sn` (online bookkeeping). */
  seen(sn: string, at: number): void;
}

/** Which subscriptions are shared among the nodes (handled once) and which every node takes. */
const EVERY_NODE: ReadonlySet<string> = new Set(['thing/product/+/osd', 'thing/product/+/state']);

/**
 * The MQTT side of the DJI Cloud API: subscribes the platform to the dock topics (side effects —
 * status, events, requests, replies — in a shared group so each is handled by one node; telemetry
 * on every node, whose browsers show it), parses every message without ever throwing, answers as
 * the API requires (status_reply, events_reply when need_reply, requests_reply) and counts what it
 * cannot use.
 */
export class CloudApiGateway {
  constructor(
    private mqtt: MqttService,
    private handlers: CloudApiHandlers,
    private faults: FaultCounter,
    private logger: Logger,
    private opts: { shareGroup: string | null; now: () => number },
  ) {}

  async start(): Promise<void> {
    for (const f of INBOUND_FILTERS) {
      const filter = EVERY_NODE.has(f) ? f : sharedFilter(this.opts.shareGroup, f);
      await this.mqtt.subscribe(
        filter,
        (topic, payload) => void this.receive(topic, payload),
        EVERY_NODE.has(f) ? 0 : 1,
      );
    }
  }

  /** One inbound message. Exposed for tests and the bench (the same path the subscription takes). */
  async receive(topic: string, payload: Buffer): Promise<void> {
    const ref = parseInboundTopic(topic);
    if (!ref) return; // a topic under the filters that is not ours (e.g. a future DJI topic)
    const at = this.opts.now();
    const parsed = parseEnvelope(payload);
    if (!parsed.ok) {
      this.faults.add({ sn: ref.sn, topicKind: ref.kind, reason: parsed.reason }, at, payload);
      return;
    }
    const msg = parsed.value;
    this.handlers.seen(ref.sn, at);
    try {
      await this.dispatch(ref.kind, ref.sn, msg, at);
    } catch (err) {
      const reason = (err as { faultReason?: string }).faultReason ?? 'handler_error';
      if (reason === 'handler_error')
        this.logger.error({ err, topic, method: msg.method }, 'dock message handler failed');
      this.faults.add({ sn: ref.sn, topicKind: ref.kind, reason }, at, payload);
    }
  }

  private async dispatch(kind: InboundKind, sn: string, msg: Envelope, at: number): Promise<void> {
    switch (kind) {
      case 'osd':
      case 'state':
        this.handlers.telemetry(sn, kind, msg, msg.timestamp ?? at);
        return;
      case 'status': {
        const result = await this.handlers.status(sn, msg, at);
        await this.reply('status_reply', sn, msg, { result });
        return;
      }
      case 'events': {
        const result = await this.handlers.event(sn, msg, at);
        if (msg.needReply) await this.reply('events_reply', sn, msg, { result });
        return;
      }
      case 'requests': {
        const data = await this.handlers.request(sn, msg, at);
        if (data) await this.reply('requests_reply', sn, msg, data);
        return;
      }
      case 'services_reply':
        await this.handlers.servicesReply(sn, msg, at);
        return;
      case 'property_set_reply':
        await this.handlers.propertySetReply(sn, msg, at);
        return;
    }
  }

  /** A reply echoes the request's tid, bid and method, with a new timestamp. */
  private reply(kind: 'status_reply' | 'events_reply' | 'requests_reply', sn: string, msg: Envelope, data: unknown) {
    return this.mqtt.publish(
      outboundTopic(kind, sn),
      envelope(msg.method, data, { tid: msg.tid, bid: msg.bid, timestamp: this.opts.now(), gateway: sn }),
    );
  }

  /** Publishes a command; returns its tid (the caller records it first, for the reply to find). */
  async sendService(
    gatewaySn: string,
    method: string,
    data: unknown,
    ids: { tid?: string; bid: string },
  ): Promise<string> {
    const tid = ids.tid ?? randomUUID();
    await this.mqtt.publish(
      outboundTopic('services', gatewaySn),
      envelope(method, data, { tid, bid: ids.bid, timestamp: this.opts.now(), gateway: gatewaySn }),
    );
    return tid;
  }
}

/** Thrown by a handler for a message it cannot use: counted under `reason`, not logged as a bug. */
export class UnusableMessage extends Error {
  constructor(readonly faultReason: string) {
    super(faultReason);
  }
}
