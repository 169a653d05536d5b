/**
 * DJI Cloud API topic names (../shared/reference/dji-cloud-api.md, "Topics"). `sn` is the device
 * the topic is about: the device itself for osd/state, the gateway (dock) for the rest.
 */
export type InboundKind = 'osd' | 'state' | 'services_reply' | 'events' | 'requests' | 'status' | 'property_set_reply';
export type OutboundKind = 'services' | 'events_reply' | 'requests_reply' | 'status_reply' | 'property_set';

export interface TopicRef<K extends string> {
  kind: K;
  sn: string;
}

/** A serial number as DJI prints them: letters and digits (real ones are 14 characters). */
const SN = /^[A-Za-z0-9]{4,64}$/;

const INBOUND: Record<string, InboundKind> = {
  osd: 'osd',
  state: 'state',
  services_reply: 'services_reply',
  events: 'events',
  requests: 'requests',
  'property/set_reply': 'property_set_reply',
};

/** What an inbound topic is about, or null when it is not one of ours (never throws). */
export function parseInboundTopic(topic: string): TopicRef<InboundKind> | null {
  const parts = topic.split('/');
  if (parts[1] !== 'product' || parts.length < 4) return null;
  const sn = parts[2];
  if (!SN.test(sn)) return null;
  const rest = parts.slice(3).join('/');
  if (parts[0] === 'sys') return rest === 'status' ? { kind: 'status', sn } : null;
  if (parts[0] !== 'thing') return null;
  const kind = INBOUND[rest];
  return kind ? { kind, sn } : null;
}

const OUTBOUND: Record<OutboundKind, (sn: string) => string> = {
  services: (sn) => `thing/product/${sn}/services`,
  events_reply: (sn) => `thing/product/${sn}/events_reply`,
  requests_reply: (sn) => `thing/product/${sn}/requests_reply`,
  status_reply: (sn) => `sys/product/${sn}/status_reply`,
  property_set: (sn) => `thing/product/${sn}/property/set`,
};

export function outboundTopic(kind: OutboundKind, sn: string): string {
  if (!SN.test(sn)) throw new Error(`not a device serial number: ${sn}`);
  return OUTBOUND[kind](sn);
}

/** The topic filters the platform subscribes to (a shared group spreads them over the nodes). */
export const INBOUND_FILTERS = [
  'sys/product/+/status',
  'thing/product/+/osd',
  'thing/product/+/state',
  'thing/product/+/events',
  'thing/product/+/requests',
  'thing/product/+/services_reply',
  'thing/product/+/property/set_reply',
] as const;

/** `$share/<group>/<filter>`: each message goes to one subscriber of the group (MQTT 5; Mosquitto and EMQX also for 3.1.1). */
export function sharedFilter(group: string | null, filter: string): string {
  return group ? `$share/${group}/${filter}` : filter;
}

export function isSerialNumber(s: unknown): s is string {
  return typeof s === 'string' && SN.test(s);
}
