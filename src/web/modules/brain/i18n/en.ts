import type { brainZhCN } from './zh-CN';

/** English — the city brain: the camera map. */
export const brainEn: Record<keyof typeof brainZhCN, string> = {
  'nav.brain': 'City brain',
  'nav.brain.cameras': 'Camera map',
  'brain.cameras.title': 'Video surveillance',
  'brain.cameras.total': '{n} channels, {online} online',
  'brain.cameras.filter.community': 'Community',
  'brain.cameras.filter.kind': 'Kind',
  'brain.cameras.filter.status': 'Status',
  'brain.cameras.kind.ptz': 'PTZ (dome)',
  'brain.cameras.kind.fixed': 'Fixed (bullet)',
  'brain.cameras.status.online': 'Online',
  'brain.cameras.status.offline': 'Offline',
  'brain.cameras.nearest': 'Nearest cameras',
  'brain.cameras.nearest.hint': 'Click anywhere on the map to list the cameras nearby',
  'brain.cameras.nearest.none': 'No camera within 1 km',
  'brain.cameras.distance': '{m} m',
  'brain.cameras.direction': 'facing {deg}°',
  'brain.cameras.facing': 'looks at the point',
  'brain.cameras.play': 'Play',
  'brain.cameras.play.urls': 'Stream URLs',
  'brain.cameras.cluster': '{n} cameras',
};
