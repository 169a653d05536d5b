/**
 * The simulated dock's custom flight areas, as DJI's docs show a real dock syncs them: on
 * `flight_areas_update` it asks `flight_areas_get`, downloads each file from its URL, checks the
 * SHA-256 (and size), keeps the areas and reports `flight_areas_sync_progress` (need_reply) —
 * `synchronizing`, then `synchronized` or `fail` with DJI's reason (3 download, 12 checksum).
 */
import { createHash } from 'node:crypto';

/** The part of SimDock this needs (kept narrow: the dock knows the platform only by its topics). */
export interface FlightAreaDock {
  readonly o: { dockSn: string };
  request(method: string, data: Record<string, unknown>): Promise<{ data: Record<string, unknown> }>;
  publish(topic: string, method: string | null, data: unknown, ids?: { needReply?: boolean }): Promise<string>;
}

export interface SimFlightAreas {
  /** the last file synchronized (null: none, or cleared) */
  file: { name: string; checksum: string; features: unknown[] } | null;
  /** reports sent, in order */
  reports: { status: string; reason: number }[];
}

const state = new WeakMap<FlightAreaDock, SimFlightAreas>();

export function flightAreasOf(dock: FlightAreaDock): SimFlightAreas {
  let s = state.get(dock);
  if (!s) state.set(dock, (s = { file: null, reports: [] }));
  return s;
}

interface FileInfo {
  name?: unknown;
  url?: unknown;
  checksum?: unknown;
  size?: unknown;
}

export async function syncFlightAreas(dock: FlightAreaDock): Promise<void> {
  const s = flightAreasOf(dock);
  const report = async (status: string, reason: number, file: { name: string; checksum: string }) => {
    s.reports.push({ status, reason });
    await dock.publish(
      `thing/product/${dock.o.dockSn}/events`,
      'flight_areas_sync_progress',
      { status, reason, file },
      {
        needReply: true,
      },
    );
  };
  let reply: { data: Record<string, unknown> };
  try {
    reply = await dock.request('flight_areas_get', {});
  } catch {
    return report('fail', 1, { name: '', checksum: '' });
  }
  const files = (reply.data.output as { files?: FileInfo[] } | undefined)?.files;
  if (reply.data.result !== 0 || !Array.isArray(files)) return report('fail', 1, { name: '', checksum: '' });
  if (files.length === 0) {
    // an empty list: the cloud clears every custom flight area
    s.file = null;
    return report('synchronized', 0, { name: '', checksum: '' });
  }
  for (const f of files) {
    const name = typeof f.name === 'string' ? f.name : '';
    const checksum = typeof f.checksum === 'string' ? f.checksum : '';
    await report('synchronizing', 0, { name, checksum });
    let buf: Buffer;
    try {
      const res = await fetch(String(f.url));
      if (!res.ok) return report('fail', 3, { name, checksum });
      buf = Buffer.from(await res.arrayBuffer());
    } catch {
      return report('fail', 3, { name, checksum });
    }
    const sha = createHash('sha256').update(buf).digest('hex');
    if (sha !== checksum || (typeof f.size === 'number' && f.size !== buf.length))
      return report('fail', 12, { name, checksum });
    let features: unknown[];
    try {
      features = (JSON.parse(buf.toString('utf8')) as { features: unknown[] }).features;
      if (!Array.isArray(features)) throw new Error('no features');
    } catch {
      return report('fail', 8, { name, checksum });
    }
    s.file = { name, checksum, features };
    await report('synchronized', 0, { name, checksum });
  }
}
