import { describe, expect, it } from 'vitest';
import { bearingDeg, CameraIndex, type IndexedCamera, nearestByScan } from './nearest';

/** A deterministic spread of cameras over ~6 km around Guicheng. */
function cameras(n: number, seed = 7): IndexedCamera[] {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  return Array.from({ length: n }, (_, i) => ({
    id: String(i).padStart(20, '0'),
    name: `cam ${i}`,
    lng: 113.12 + rnd() * 0.08,
    lat: 22.99 + rnd() * 0.06,
    kind: i % 3 === 0 ? 'ptz' : 'fixed',
    online: i % 5 !== 0,
    direction: i % 2 ? (i * 37) % 360 : null,
    communityCode: null,
  }));
}

describe('nearest cameras', () => {
  it('answers what a full scan answers, nearest first', () => {
    const all = cameras(3000);
    const idx = new CameraIndex();
    idx.load(all);
    for (const [lng, lat] of [
      [113.15, 23.03],
      [113.13, 23.0],
      [113.19, 23.04],
    ] as const) {
      const got = idx.nearest(lng, lat, 10, 800);
      const want = nearestByScan(all, lng, lat, 10, 800);
      expect(got.map((c) => c.id)).toEqual(want.map((c) => c.id));
      for (let i = 1; i < got.length; i++) expect(got[i]!.distanceM).toBeGreaterThanOrEqual(got[i - 1]!.distanceM);
      for (const c of got) expect(c.distanceM).toBeLessThanOrEqual(800);
    }
  });

  it('keeps in step with changes: moves, removals, status changes and filters', () => {
    const idx = new CameraIndex();
    idx.load(cameras(200));
    const probe = { lng: 113.0, lat: 22.9 };
    expect(idx.nearest(probe.lng, probe.lat, 5, 1000)).toEqual([]);
    const moved = { ...idx.get('00000000000000000001')!, lng: probe.lng + 0.001, lat: probe.lat };
    idx.set(moved);
    const near = idx.nearest(probe.lng, probe.lat, 5, 1000);
    expect(near.map((c) => c.id)).toEqual(['00000000000000000001']);
    expect(near[0]!.distanceM).toBeGreaterThan(90);
    expect(near[0]!.distanceM).toBeLessThan(115);
    // status change in place (no rebuild needed) is seen, and the filter uses it
    idx.set({ ...moved, online: false });
    expect(idx.nearest(probe.lng, probe.lat, 5, 1000)[0]!.online).toBe(false);
    expect(idx.nearest(probe.lng, probe.lat, 5, 1000, (c) => c.online)).toEqual([]);
    idx.remove('00000000000000000001');
    expect(idx.nearest(probe.lng, probe.lat, 5, 1000)).toEqual([]);
  });

  it('tells whether a camera looks towards the point', () => {
    const idx = new CameraIndex();
    idx.load([
      { id: 'e', name: 'e', lng: 113.15, lat: 23.03, kind: 'fixed', online: true, direction: 90, communityCode: null },
      {
        id: 'w',
        name: 'w',
        lng: 113.15,
        lat: 23.0301,
        kind: 'fixed',
        online: true,
        direction: 270,
        communityCode: null,
      },
      {
        id: 'u',
        name: 'u',
        lng: 113.15,
        lat: 23.0302,
        kind: 'ptz',
        online: true,
        direction: null,
        communityCode: null,
      },
    ]);
    const r = new Map(idx.nearest(113.152, 23.0301, 3, 500).map((c) => [c.id, c]));
    expect(r.get('e')!.facing).toBe(true);
    expect(r.get('w')!.facing).toBe(false);
    expect(r.get('u')!.facing).toBeNull();
    expect(bearingDeg(113.15, 23.03, 113.15, 23.04)).toBeCloseTo(0, 5);
    expect(bearingDeg(113.15, 23.03, 113.16, 23.03)).toBeCloseTo(90, 1);
  });
});
