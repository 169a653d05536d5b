/**
 * DJI's custom flight area file (自定义飞行区文件) and the dock's sync report, pure. The file is a
 * GeoJSON FeatureCollection: one Feature per area with `geofence_type` `nfz` (keep out) or `dfence`
 * (stay inside), a `Polygon` or a `Point` with `properties.subType: "Circle"` and its radius in metres,
 * `enable: true`. Areas sorted by id and written compactly, so the same areas give the same bytes, the
 * same name (`geofence_{md5}.json`) and the same SHA-256 the dock checks — and no needless re-sync.
 */
import { createHash } from 'node:crypto';
import { isObject } from '../dji/envelope';
import { closedRing, type GeofenceDef, goesToDocks } from './geometry';

export interface AreaFileBytes {
  name: string;
  bytes: Buffer;
  /** SHA-256, hex: the `checksum` of `flight_areas_get` */
  checksum: string;
  md5: string;
  size: number;
  areas: number;
}

export function areaFeature(g: GeofenceDef): Record<string, unknown> {
  const circle = g.shape === 'circle';
  return {
    id: g.id,
    type: 'Feature',
    geofence_type: g.kind === 'no_fly' ? 'nfz' : 'dfence',
    geometry: circle
      ? { type: 'Point', coordinates: [g.center!.lng, g.center!.lat] }
      : { type: 'Polygon', coordinates: [closedRing(g.polygon ?? [])] },
    properties: circle ? { subType: 'Circle', radius: g.radiusM, enable: true } : { radius: 0, enable: true },
  };
}

/** The file for the docks from every zone that goes to them; null when none does (the docks clear theirs). */
export function buildAreaFile(defs: readonly GeofenceDef[]): AreaFileBytes | null {
  const areas = defs.filter(goesToDocks).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!areas.length) return null;
  const bytes = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: areas.map(areaFeature) }), 'utf8');
  const md5 = createHash('md5').update(bytes).digest('hex');
  return {
    name: `geofence_${md5}.json`,
    bytes,
    checksum: createHash('sha256').update(bytes).digest('hex'),
    md5,
    size: bytes.length,
    areas: areas.length,
  };
}

export const SYNC_STATUSES = ['wait_sync', 'synchronizing', 'synchronized', 'fail', 'switch_fail'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export interface SyncProgress {
  status: SyncStatus;
  reason: number;
  fileName: string | null;
  checksum: string | null;
}

/** `flight_areas_sync_progress { status, reason, file { name, checksum } }`; null when unusable. */
export function parseSyncProgress(data: Record<string, unknown>): SyncProgress | null {
  const status = data.status;
  if (typeof status !== 'string' || !(SYNC_STATUSES as readonly string[]).includes(status)) return null;
  const reason = typeof data.reason === 'number' && Number.isInteger(data.reason) ? data.reason : 0;
  const file = isObject(data.file) ? data.file : {};
  const text = (x: unknown) => (typeof x === 'string' && x.length > 0 && x.length <= 200 ? x : null);
  return { status: status as SyncStatus, reason, fileName: text(file.name), checksum: text(file.checksum) };
}

export const isFinal = (s: SyncStatus) => s === 'synchronized' || s === 'fail' || s === 'switch_fail';

/** DJI's reason codes of a failed sync, in words. */
const REASONS: Record<number, [string, string]> = {
  0: ['成功', 'success'],
  1: ['解析云端返回的文件信息失败', 'could not parse the file information from the cloud'],
  2: ['获取飞行器端文件信息失败', 'could not read the file information on the aircraft'],
  3: ['从云端下载文件失败', 'could not download the file from the cloud'],
  4: ['链路翻转失败', 'link switch failed'],
  5: ['传输文件失败', 'file transfer failed'],
  6: ['disable 失败', 'disable failed'],
  7: ['自定义飞行区删除失败', 'could not delete the custom flight areas'],
  8: ['飞行器端加载作业区域数据失败', 'the aircraft could not load the area data'],
  9: ['enable 失败', 'enable failed'],
  10: ['机场增强图传无法关闭，作业区域数据同步失败', 'the dock’s enhanced transmission could not be switched off'],
  11: ['飞行器开机失败，无法同步作业区域数据', 'the aircraft could not be powered on to sync the areas'],
  12: ['checksum 校验失败', 'the checksum did not match'],
  13: ['同步异常超时', 'the sync timed out'],
};

export function syncReasonText(reason: number | null): string | null {
  if (reason === null) return null;
  const r = REASONS[reason];
  return r ? `${r[0]} / ${r[1]}` : `未知原因 ${reason} / unknown reason ${reason}`;
}
