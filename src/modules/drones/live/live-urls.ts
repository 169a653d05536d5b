import type { LiveVideoSource } from './live-capacity';

/**
 * Where a dock pushes its video and where browsers play it, per deployment: the media gateway
 * (e.g. ZLMediaKit, SRS, a GB28181 platform) is the deployment's own, so both are templates from
 * configuration (`LIVE_PUSH_URL`, `LIVE_PLAY_URL`) with `{sn}` (the camera's device), `{camera}`
 * (its camera index), `{video}` (the video index) and `{dock}` filled in. Pure.
 */
export const PUSH_TYPES = ['rtmp', 'whip', 'gb28181'] as const;
export type PushType = (typeof PUSH_TYPES)[number];

/** The Cloud API's `url_type` (0 Agora, 1 RTMP, 3 GB28181, 4 WebRTC/WHIP; there is no 2). */
export const URL_TYPE: Record<PushType, number> = { rtmp: 1, gb28181: 3, whip: 4 };

export type PlayKind = 'hls' | 'flv' | 'webrtc' | 'video';

export interface LiveSettings {
  livePushUrl?: string | null;
  livePushType?: PushType | null;
  livePlayUrl?: string | null;
}

/** The push type a template implies when none is configured: rtmp(s):// → RTMP, http(s):// → WHIP, key=value&… → GB28181. */
export function pushTypeOf(template: string): PushType | null {
  if (/^rtmps?:\/\//i.test(template)) return 'rtmp';
  if (/^https?:\/\//i.test(template)) return 'whip';
  if (/(^|&)serverIP=/.test(template)) return 'gb28181';
  return null;
}

/** What a browser needs to play it: HLS (hls.js or native), HTTP-FLV, WebRTC (WHEP), or a plain video URL. */
export function playKindOf(url: string): PlayKind {
  const path = url.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.m3u8')) return 'hls';
  if (path.endsWith('.flv')) return 'flv';
  if (/^webrtc:\/\//i.test(url) || /\/(whep|rtc)(\/|$)/i.test(path)) return 'webrtc';
  return 'video';
}

export function fill(template: string, source: LiveVideoSource, dockSn: string, encode: boolean): string {
  const enc = (s: string) => (encode ? encodeURIComponent(s) : s);
  return template
    .replaceAll('{sn}', enc(source.deviceSn))
    .replaceAll('{camera}', enc(source.cameraIndex))
    .replaceAll('{video}', enc(source.videoIndex))
    .replaceAll('{dock}', enc(dockSn));
}

export interface PushTarget {
  urlType: number;
  url: string;
}

/** The `url_type` and `url` of `live_start_push`, or null when no media gateway is configured. */
export function pushTarget(s: LiveSettings, source: LiveVideoSource, dockSn: string): PushTarget | null {
  if (!s.livePushUrl) return null;
  const type = s.livePushType ?? pushTypeOf(s.livePushUrl);
  if (!type) return null;
  // GB28181's url is a key=value list, not a URL: its values are taken as configured
  return { urlType: URL_TYPE[type], url: fill(s.livePushUrl, source, dockSn, type !== 'gb28181') };
}

export function playTarget(
  s: LiveSettings,
  source: LiveVideoSource,
  dockSn: string,
): { url: string; kind: PlayKind } | null {
  if (!s.livePlayUrl) return null;
  const url = fill(s.livePlayUrl, source, dockSn, true);
  return { url, kind: playKindOf(url) };
}
