import type { liveZhCN } from './live.zh-CN';

/** English — live video (the player in the device drawer); spread into ./en.ts. */
export const liveEn: Record<keyof typeof liveZhCN, string> = {
  'drones.video.title': 'Live video',
  'drones.video.noGateway':
    'No media gateway is configured (LIVE_PUSH_URL): live video is off. Deploy a media server (e.g. ZLMediaKit) and set the push and play URLs.',
  'drones.video.noPlayUrl': 'Pushing, but no play URL is configured (LIVE_PLAY_URL): browsers cannot watch.',
  'drones.video.noSource': 'The dock has reported no live cameras yet (live_capacity).',
  'drones.video.offline': 'Dock offline',
  'drones.video.source': 'Source',
  'drones.video.start': 'Start live',
  'drones.video.stop': 'Stop',
  'drones.video.quality': 'Quality',
  'drones.video.lens': 'Lens',
  'drones.video.pushing': 'Streaming',
  'drones.video.idle': 'Not streaming',
  'drones.video.retried': 'The first push failed; retried and started',
  'drones.video.cannotPlay':
    'This browser cannot play this URL ({kind}) directly; open it in the media gateway’s HLS or WebRTC player:',
  'drones.video.q0': 'Adaptive',
  'drones.video.q1': 'Smooth 540p',
  'drones.video.q2': 'SD 720p',
  'drones.video.q3': 'HD 720p',
  'drones.video.q4': 'FHD 1080p',
  'drones.video.lens.normal': 'Default',
  'drones.video.lens.wide': 'Wide',
  'drones.video.lens.zoom': 'Zoom',
  'drones.video.lens.ir': 'Infrared',
};
