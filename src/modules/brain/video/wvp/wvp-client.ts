/**
 * A client of a GB/T 28181 platform's HTTP API in wvp-GB28181-pro's shape (the platform speaks SIP
 * to the cameras; we only read its catalogue and ask it for streams):
 *
 *   GET /api/user/login?username=…&password=<md5>     → { code: 0, data: { accessToken } }  (header access-token)
 *   GET /api/device/query/devices?page=&count=        → { code: 0, data: { total, list: [Device] } }
 *   GET /api/device/query/devices/{id}/channels?page=&count= → { code: 0, data: { total, list: [DeviceChannel] } }
 *   GET /api/play/start/{deviceId}/{channelId}        → { code: 0, data: { flv, ws_flv, hls, rtc, … } }
 *   GET /api/device/query/snap/{deviceId}/{channelId} → image/jpeg
 *
 * Older wvp versions answer the pages without the { code, data } envelope and name a channel's
 * code `channelId` and its status 1/0 instead of `deviceId` and ON/OFF: both are read.
 */
import { createHash } from 'node:crypto';

export interface WvpSettings {
  url: string;
  user: string | null;
  password: string | null;
  timeoutMs?: number;
}

export interface WvpDevice {
  id: string;
  name: string;
  online: boolean;
  manufacturer: string | null;
}

export interface WvpChannel {
  id: string;
  deviceId: string;
  name: string;
  online: boolean;
  lng: number | null;
  lat: number | null;
  /** 1 球机, 4 遥控枪机, 5 遥控半球: PTZ; the others fixed */
  ptz: boolean;
  civilCode: string | null;
  /** the 虚拟组织/业务分组 it hangs under, when the catalogue says */
  parentId: string | null;
  businessGroupId: string | null;
  address: string | null;
  /** from the catalogue's 监视方位 (DirectionType 1–8), degrees; null = not given */
  direction: number | null;
  /** 0 a channel, 1 行政区划, 2 业务分组/虚拟组织 (wvp's channelType) */
  channelType: number;
}

export interface StreamUrls {
  flv: string | null;
  wsFlv: string | null;
  hls: string | null;
  rtc: string | null;
}

export class WvpError extends Error {}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};
const onlineOf = (v: unknown) =>
  v === true || v === 1 || v === '1' || (typeof v === 'string' && /^on(line)?$/i.test(v));

/** The page in a wvp answer, with or without the { code, data } envelope. */
export function pageOf(body: unknown): { total: number; list: Json[] } {
  const b = (body ?? {}) as Json;
  if (typeof b.code === 'number' && b.code !== 0) throw new WvpError(`wvp: ${String(b.msg ?? b.code)}`);
  const d = (typeof b.code === 'number' ? b.data : b) as Json | undefined;
  const list = Array.isArray(d?.list) ? (d!.list as Json[]) : [];
  return { total: num(d?.total) ?? list.length, list };
}

export function parseDevice(d: Json): WvpDevice | null {
  const id = str(d.deviceId);
  if (!id) return null;
  return { id, name: str(d.name) ?? id, online: onlineOf(d.onLine ?? d.online), manufacturer: str(d.manufacturer) };
}

export function parseChannel(deviceId: string, c: Json): WvpChannel | null {
  const id = str(c.deviceId) && str(c.deviceId) !== deviceId ? str(c.deviceId) : (str(c.channelId) ?? str(c.deviceId));
  if (!id) return null;
  const lng = num(c.longitudeWgs84) ?? num(c.longitude);
  const lat = num(c.latitudeWgs84) ?? num(c.latitude);
  const ptzType = num(c.ptzType) ?? 0;
  return {
    id,
    deviceId,
    name: str(c.name) ?? id,
    online: onlineOf(c.status),
    lng: lng === 0 && lat === 0 ? null : lng,
    lat: lng === 0 && lat === 0 ? null : lat,
    ptz: ptzType === 1 || ptzType === 4 || ptzType === 5,
    civilCode: str(c.civilCode),
    parentId: str(c.parentId),
    businessGroupId: str(c.businessGroupId),
    address: str(c.address),
    direction: DIRECTION_TYPE[num(c.directionType) ?? 0] ?? null,
    channelType: num(c.channelType) ?? 0,
  };
}

export function streamUrls(body: unknown): StreamUrls {
  const b = (body ?? {}) as Json;
  if (typeof b.code === 'number' && b.code !== 0) throw new WvpError(`wvp: ${String(b.msg ?? b.code)}`);
  const d = ((typeof b.code === 'number' ? b.data : b) ?? {}) as Json;
  const urls = {
    flv: str(d.flv) ?? str(d.https_flv),
    wsFlv: str(d.ws_flv) ?? str(d.wss_flv),
    hls: str(d.hls) ?? str(d.https_hls),
    rtc: str(d.rtc) ?? str(d.rtcs),
  };
  if (!urls.flv && !urls.wsFlv && !urls.hls && !urls.rtc) throw new WvpError('wvp: the answer has no stream URL');
  return urls;
}

/** GB/T 28181 DirectionType: 1 东 2 西 3 南 4 北 5 东南 6 东北 7 西南 8 西北. */
const DIRECTION_TYPE: Record<number, number> = { 1: 90, 2: 270, 3: 180, 4: 0, 5: 135, 6: 45, 7: 225, 8: 315 };

const PAGE = 500;

export class WvpClient {
  private token: string | null = null;

  constructor(private s: WvpSettings) {}

  private async get(path: string, raw = false): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers['access-token'] = this.token;
    let res: Response;
    try {
      res = await fetch(new URL(path, this.s.url), {
        headers,
        signal: AbortSignal.timeout(this.s.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new WvpError(`wvp unreachable: ${(e as Error).message}`);
    }
    if (res.status === 401 && this.s.user && !raw) {
      this.token = null;
      await this.login();
      return this.get(path, true);
    }
    if (!res.ok) throw new WvpError(`wvp answered ${res.status} for ${path.split('?')[0]}`);
    return res;
  }

  private async json(path: string): Promise<unknown> {
    if (!this.token && this.s.user) await this.login();
    const res = await this.get(path);
    try {
      return await res.json();
    } catch {
      throw new WvpError(`wvp: ${path.split('?')[0]} did not answer JSON`);
    }
  }

  async login(): Promise<void> {
    const md5 = createHash('md5')
      .update(this.s.password ?? '')
      .digest('hex');
    const q = new URLSearchParams({ username: this.s.user ?? '', password: md5 });
    const body = (await (await this.get(`/api/user/login?${q}`, true)).json().catch(() => null)) as Json | null;
    const token = str((body?.data as Json | undefined)?.accessToken);
    if (body?.code !== 0 || !token) throw new WvpError('wvp login refused');
    this.token = token;
  }

  async devices(): Promise<WvpDevice[]> {
    return (await this.pages('/api/device/query/devices')).flatMap((d) => parseDevice(d) ?? []);
  }

  async channels(deviceId: string): Promise<WvpChannel[]> {
    const rows = await this.pages(`/api/device/query/devices/${encodeURIComponent(deviceId)}/channels`);
    return rows.flatMap((c) => parseChannel(deviceId, c) ?? []);
  }

  async play(deviceId: string, channelId: string): Promise<StreamUrls> {
    return streamUrls(
      await this.json(`/api/play/start/${encodeURIComponent(deviceId)}/${encodeURIComponent(channelId)}`),
    );
  }

  async snapshot(deviceId: string, channelId: string): Promise<{ data: Buffer; type: string }> {
    if (!this.token && this.s.user) await this.login();
    const res = await this.get(
      `/api/device/query/snap/${encodeURIComponent(deviceId)}/${encodeURIComponent(channelId)}`,
    );
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('image/')) throw new WvpError('wvp: no snapshot for this channel');
    return { data: Buffer.from(await res.arrayBuffer()), type: type.split(';')[0]! };
  }

  private async pages(path: string): Promise<Json[]> {
    const out: Json[] = [];
    for (let page = 1; page < 10_000; page++) {
      const { total, list } = pageOf(await this.json(`${path}?page=${page}&count=${PAGE}`));
      out.push(...list);
      if (list.length === 0 || out.length >= total) break;
    }
    return out;
  }
}
