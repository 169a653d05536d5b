import { isObject, num } from '../dji/envelope';

/**
 * The live video a dock offers, from its `live_capacity` state property: per device (the dock's own
 * camera, the aircraft's payloads) a camera list, per camera its videos. DJI's `video_id` is
 * `{sn}/{camera_index}/{video_index}` (e.g. `1581F5BKD225D00BP899/39-0-7/normal-0`): it is read
 * from here, never made up. Parsed leniently — a bad entry is skipped, the rest still counts.
 */
export interface LiveVideoSource {
  videoId: string;
  deviceSn: string;
  /** `{type}-{subtype}-{gimbal index}` of the payload */
  cameraIndex: string;
  videoIndex: string;
  /** the lens now shown: normal | wide | zoom | ir */
  videoType: string | null;
  /** lenses `live_lens_change` may switch to */
  switchable: string[];
}

export const LENSES = ['normal', 'wide', 'zoom', 'ir'] as const;
export type Lens = (typeof LENSES)[number];

const SEGMENT = /^[A-Za-z0-9._-]{1,64}$/;
const str = (x: unknown) => (typeof x === 'string' && SEGMENT.test(x) ? x : null);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x.slice(0, 32) : []);

export function liveSources(capacity: unknown): LiveVideoSource[] {
  if (!isObject(capacity)) return [];
  const out: LiveVideoSource[] = [];
  for (const device of list(capacity.device_list)) {
    if (!isObject(device)) continue;
    const sn = str(device.sn);
    if (!sn) continue;
    for (const camera of list(device.camera_list)) {
      if (!isObject(camera)) continue;
      const cameraIndex = str(camera.camera_index);
      if (!cameraIndex) continue;
      for (const video of list(camera.video_list)) {
        if (!isObject(video)) continue;
        const videoIndex = str(video.video_index);
        if (!videoIndex) continue;
        out.push({
          videoId: `${sn}/${cameraIndex}/${videoIndex}`,
          deviceSn: sn,
          cameraIndex,
          videoIndex,
          videoType: str(video.video_type),
          switchable: list(video.switchable_video_types).filter(
            (t): t is string => typeof t === 'string' && SEGMENT.test(t),
          ),
        });
      }
    }
  }
  return out;
}

/** What the dock reports of each stream in `live_status` (state): pushing or not, its quality and error. */
export interface LiveStreamReport {
  videoId: string;
  pushing: boolean;
  quality: number | null;
  videoType: string | null;
  errorStatus: number | null;
}

export function liveReports(status: unknown): LiveStreamReport[] {
  const out: LiveStreamReport[] = [];
  for (const s of list(status)) {
    if (!isObject(s) || typeof s.video_id !== 'string' || s.video_id.length > 200) continue;
    out.push({
      videoId: s.video_id,
      pushing: num(s.status) === 1,
      quality: num(s.video_quality),
      videoType: str(s.video_type),
      errorStatus: num(s.error_status),
    });
  }
  return out;
}
