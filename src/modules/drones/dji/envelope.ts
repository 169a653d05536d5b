/**
 * The envelope every Cloud API message shares: `{ tid, bid, timestamp, gateway?, method?, data }`.
 * Parsing never throws: a bad payload is a reason, counted by the caller per device and topic.
 */
export interface Envelope {
  tid: string;
  bid: string;
  /** null when the device left it out (DJI's own hms example misspells the key): the caller uses the arrival time. */
  timestamp: number | null;
  gateway: string | null;
  /** osd and state messages carry no method. */
  method: string | null;
  needReply: boolean;
  data: Record<string, unknown>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Payloads larger than this are refused before JSON parsing (a dock's largest, a full OSD, is a few kB). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export function parseEnvelope(payload: Uint8Array | string): Parsed<Envelope> {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  if (size > MAX_PAYLOAD_BYTES) return { ok: false, reason: 'too_large' };
  let raw: unknown;
  try {
    raw = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (!isObject(raw)) return { ok: false, reason: 'not_an_object' };
  const tid = idOf(raw.tid);
  const bid = idOf(raw.bid);
  if (tid === null) return { ok: false, reason: 'missing_tid' };
  const timestamp = typeof raw.timestamp === 'number' && Number.isFinite(raw.timestamp) ? raw.timestamp : null;
  if (timestamp !== null && timestamp < 0) return { ok: false, reason: 'bad_timestamp' };
  if (raw.method !== undefined && typeof raw.method !== 'string') return { ok: false, reason: 'bad_method' };
  // `data` is an object everywhere except flight_areas_update (null, cloud → dock only)
  const data = raw.data === undefined || raw.data === null ? {} : raw.data;
  if (!isObject(data)) return { ok: false, reason: 'bad_data' };
  return {
    ok: true,
    value: {
      tid,
      bid: bid ?? '',
      timestamp,
      gateway: typeof raw.gateway === 'string' ? raw.gateway : null,
      method: typeof raw.method === 'string' ? raw.method : null,
      needReply: raw.need_reply === 1 || raw.need_reply === true,
      data,
    },
  };
}

/** An outgoing message. */
export function envelope(
  method: string | null,
  data: unknown,
  ids: { tid: string; bid: string; timestamp: number; gateway?: string },
): string {
  const out: Record<string, unknown> = { tid: ids.tid, bid: ids.bid, timestamp: ids.timestamp };
  if (ids.gateway) out.gateway = ids.gateway;
  if (method !== null) out.method = method;
  out.data = data;
  return JSON.stringify(out);
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function idOf(x: unknown): string | null {
  return typeof x === 'string' && x.length > 0 && x.length <= 128 ? x : null;
}

/** A finite number or null: telemetry fields are read one by one, a bad one is dropped, not the message. */
export function num(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  // DJI's own examples send some numbers as strings (gimbal yaw in a media callback)
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
  return null;
}
