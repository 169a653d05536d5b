import { isObject, num } from './envelope';

/**
 * `file_upload_callback` (need_reply): a picture or video the dock put into the object store.
 * Parsed leniently, as DJI's own examples are inconsistent (create_time as "2021-05-10 16:04:20",
 * the yaw as a string); only the object key is required.
 */
export interface UploadedMedia {
  objectKey: string;
  name: string;
  path: string | null;
  flightId: string | null;
  droneModelKey: string | null;
  payloadModelKey: string | null;
  isOriginal: boolean | null;
  point: { lng: number; lat: number } | null;
  absoluteAltitude: number | null;
  relativeAltitude: number | null;
  gimbalYaw: number | null;
  /** epoch ms */
  createdAt: number | null;
  uploadedCount: number | null;
  expectedCount: number | null;
}

export function parseFileUpload(data: Record<string, unknown>): UploadedMedia | null {
  const file = isObject(data.file) ? data.file : null;
  if (!file) return null;
  const objectKey = file.object_key;
  if (typeof objectKey !== 'string' || objectKey.length === 0 || objectKey.length > 1024 || objectKey.includes('..'))
    return null;
  const ext = isObject(file.ext) ? file.ext : {};
  const meta = isObject(file.metadata) ? file.metadata : {};
  const shoot = isObject(meta.shoot_position) ? meta.shoot_position : {};
  const task = isObject(data.flight_task) ? data.flight_task : {};
  const lat = num(shoot.lat);
  const lng = num(shoot.lng);
  const str = (x: unknown) => (typeof x === 'string' && x ? x.slice(0, 256) : null);
  return {
    objectKey,
    name: str(file.name) ?? objectKey.split('/').pop() ?? objectKey,
    path: str(file.path),
    flightId: str(ext.flight_id),
    droneModelKey: str(ext.drone_model_key),
    payloadModelKey: str(ext.payload_model_key),
    isOriginal: typeof ext.is_original === 'boolean' ? ext.is_original : null,
    point:
      lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0)
        ? { lng, lat }
        : null,
    absoluteAltitude: num(meta.absolute_altitude),
    relativeAltitude: num(meta.relative_altitude),
    gimbalYaw: num(meta.gimbal_yaw_degree),
    createdAt: parseTime(meta.create_time),
    uploadedCount: num(task.uploaded_file_count),
    expectedCount: num(task.expected_file_count),
  };
}

/** ms, an ISO string, or DJI's "YYYY-MM-DD HH:mm:ss" (the dock's local time: Asia/Shanghai here). */
export function parseTime(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x > 1e12 ? x : x * 1000;
  if (typeof x !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(x.trim());
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
    const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s);
    return Number.isFinite(ms) ? ms : null;
  }
  const ms = Date.parse(x);
  return Number.isFinite(ms) ? ms : null;
}
