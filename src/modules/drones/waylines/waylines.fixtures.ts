/** Shared by the waylines tests: a route generator, a zip maker and the comparisons they use. */
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { ImportResult } from './kmz-import';
import type { Action, Route, Waypoint } from './route';

export const ALL_ACTIONS: Action[] = [
  { kind: 'gimbalRotate', pitch: -45.5, yaw: 90, seconds: 2 },
  { kind: 'takePhoto', lenses: ['visable', 'ir'], fileSuffix: '桥梁_1' },
  { kind: 'takePhoto' },
  { kind: 'zoom', focalLength: 48 },
  { kind: 'hover', seconds: 3.5 },
  { kind: 'rotateYaw', heading: -120, direction: 'counterClockwise' },
  { kind: 'startRecord', lenses: ['ir'] },
  { kind: 'stopRecord' },
  { kind: 'gimbalRotate', pitch: -90 },
];

export function route(n = 4, over: Partial<Route> = {}): Route {
  const waypoints: Waypoint[] = Array.from({ length: n }, (_, i) => ({
    lng: 113.1234567 + i * 0.0001234567,
    lat: 23.0345678 - i * 0.0000987654,
    height: 60 + (i % 7) * 2.5,
    ...(i % 3 === 1 ? { speed: 4.5 } : {}),
    actions: i === 1 ? ALL_ACTIONS : i % 2 === 0 ? [{ kind: 'gimbalRotate', pitch: -30 }, { kind: 'takePhoto' }] : [],
  }));
  return {
    name: '桂城巡查 A',
    droneEnum: 91,
    droneSubEnum: 1,
    payloadEnum: 81,
    takeOffSecurityHeight: 25,
    globalSpeed: 8,
    globalRthHeight: 100,
    heightMode: 'relativeToStartPoint',
    finishAction: 'goHome',
    exitOnRcLost: 'executeLostAction',
    rcLostAction: 'goBack',
    flyToWaylineMode: 'safely',
    waypoints,
    ...over,
  };
}

export function expectSameRoute(got: Route, want: Route) {
  const { waypoints: gw, ...gRest } = got;
  const { waypoints: ww, ...wRest } = want;
  expect(gRest).toEqual(wRest);
  expect(gw).toHaveLength(ww.length);
  gw.forEach((wp, i) => {
    expect(Math.abs(wp.lng - ww[i].lng)).toBeLessThan(1e-7);
    expect(Math.abs(wp.lat - ww[i].lat)).toBeLessThan(1e-7);
    expect(wp.height).toBeCloseTo(ww[i].height, 6);
    expect(wp.speed).toBe(ww[i].speed);
    expect(wp.actions).toEqual(ww[i].actions);
  });
}

export async function kmzOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function refused(r: ImportResult): { code: string; message: string; waypoint?: number } {
  if (r.ok) throw new Error('expected the import to be refused');
  return r;
}
