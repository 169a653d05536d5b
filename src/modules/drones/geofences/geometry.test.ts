import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAreaFile, parseSyncProgress, syncReasonText } from './area-file';
import { checkPath, compileZones, type GeofenceDef, geofenceErrors, goesToDocks, openRing, zoneBBox } from './geometry';

// a street-sized frame around Guicheng (WGS-84); 0.001° ≈ 100 m here
const square = (lng: number, lat: number, d: number): [number, number][] => [
  [lng, lat],
  [lng + d, lat],
  [lng + d, lat + d],
  [lng, lat + d],
];
const zone = (over: Partial<GeofenceDef>): GeofenceDef => ({
  id: 'z1',
  name: '禁飞区',
  kind: 'no_fly',
  shape: 'polygon',
  polygon: square(113.15, 23.03, 0.002),
  center: null,
  radiusM: null,
  enabled: true,
  minHeightM: null,
  maxHeightM: null,
  ...over,
});
const pt = (lng: number, lat: number, height = 60, transit = false) => ({ lng, lat, height, transit });

describe('geofence shapes', () => {
  it('accepts a polygon with or without its closing point, and a circle', () => {
    expect(geofenceErrors(zone({}))).toEqual([]);
    expect(geofenceErrors(zone({ polygon: [...square(113.15, 23.03, 0.002), [113.15, 23.03]] }))).toEqual([]);
    expect(openRing([...square(1, 1, 1), [1, 1]])).toHaveLength(4);
    expect(
      geofenceErrors(zone({ shape: 'circle', polygon: null, center: { lng: 113.15, lat: 23.03 }, radiusM: 200 })),
    ).toEqual([]);
  });

  it('refuses what a dock would refuse, with the reason', () => {
    const two = geofenceErrors(
      zone({
        polygon: [
          [113.15, 23.03],
          [113.16, 23.03],
          [113.15, 23.03],
        ],
      }),
    );
    expect(two.join()).toContain('3 distinct points');
    const bow = geofenceErrors(
      zone({
        polygon: [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
        ],
      }),
    );
    expect(bow.join()).toContain('cross');
    const many = Array.from({ length: 300 }, (_, i) => {
      const a = (i / 300) * 2 * Math.PI;
      return [113.15 + 0.01 * Math.cos(a), 23.03 + 0.01 * Math.sin(a)] as [number, number];
    });
    expect(geofenceErrors(zone({ polygon: many })).join()).toContain('at most 254');
    expect(
      geofenceErrors(zone({ shape: 'circle', polygon: null, center: { lng: 1, lat: 1 }, radiusM: 5 })).join(),
    ).toContain('10 m');
    expect(geofenceErrors(zone({ shape: 'circle', polygon: null })).join()).toContain('centre and radius');
    expect(geofenceErrors(zone({ shape: 'polygon', polygon: null })).join()).toContain('points');
    expect(geofenceErrors(zone({ minHeightM: 80, maxHeightM: 50 })).join()).toContain('lower height');
  });

  it('sends no-fly bands to no dock (the dock’s file has no heights); stay-inside areas always', () => {
    expect(goesToDocks(zone({}))).toBe(true);
    expect(goesToDocks(zone({ maxHeightM: 50 }))).toBe(false);
    expect(goesToDocks(zone({ kind: 'stay_inside', maxHeightM: 50 }))).toBe(true);
    expect(goesToDocks(zone({ enabled: false }))).toBe(false);
  });

  it('draws a no-fly circle around the true circle, a stay-inside one within it', () => {
    const c = { shape: 'circle' as const, polygon: null, center: { lng: 113.15, lat: 23.03 }, radiusM: 1000 };
    const nfz = zoneBBox(zone({ ...c, kind: 'no_fly' }));
    const dfence = zoneBBox(zone({ ...c, kind: 'stay_inside' }));
    expect(nfz[2] - 113.15).toBeGreaterThan(dfence[2] - 113.15);
    // 1 km east of 113.15 at 23.03° N is 0.00977°
    expect(nfz[2] - 113.15).toBeGreaterThanOrEqual(0.00976);
    expect(dfence[2] - 113.15).toBeLessThanOrEqual(0.00978);
  });
});

describe('a route against the zones, leg by leg', () => {
  const nfz = compileZones([zone({})]); // 113.150–113.152, 23.030–23.032

  it('catches a leg that crosses a no-fly zone with both waypoints outside it', () => {
    const path = [pt(113.149, 23.031), pt(113.153, 23.031)];
    const r = checkPath(path, nfz);
    expect(r.entered.map((z) => z.name)).toEqual(['禁飞区']);
    expect(checkPath([pt(113.149, 23.029), pt(113.153, 23.029)], nfz).entered).toEqual([]);
  });

  it('catches a waypoint inside, and a transit leg from the dock', () => {
    expect(checkPath([pt(113.1505, 23.0305), pt(113.149, 23.029)], nfz).entered).toHaveLength(1);
    const fromDock = [
      pt(113.149, 23.031, 0, true),
      pt(113.149, 23.0335),
      pt(113.153, 23.0335),
      pt(113.153, 23.031, 0, true),
    ];
    expect(checkPath(fromDock, nfz).entered).toEqual([]);
    const across = [pt(113.153, 23.031, 0, true), pt(113.149, 23.031)];
    expect(checkPath(across, nfz).entered).toHaveLength(1);
  });

  it('applies a no-fly band only at its heights', () => {
    const band = compileZones([zone({ maxHeightM: 50 })]);
    expect(checkPath([pt(113.149, 23.031, 80), pt(113.153, 23.031, 80)], band).entered).toEqual([]);
    expect(checkPath([pt(113.149, 23.031, 40), pt(113.153, 23.031, 40)], band).entered).toHaveLength(1);
  });

  it('treats a circle as a circle: a leg passing 1.1 r away is clear, one 0.95 r away is not', () => {
    const c = compileZones([
      zone({ shape: 'circle', polygon: null, center: { lng: 113.15, lat: 23.03 }, radiusM: 500, name: '油站' }),
    ]);
    const dLat = 500 / 111_320;
    expect(checkPath([pt(113.14, 23.03 + 1.1 * dLat), pt(113.16, 23.03 + 1.1 * dLat)], c).entered).toEqual([]);
    expect(checkPath([pt(113.14, 23.03 + 0.95 * dLat), pt(113.16, 23.03 + 0.95 * dLat)], c).entered[0].name).toBe(
      '油站',
    );
  });

  it('ignores disabled zones', () => {
    expect(compileZones([zone({ enabled: false })])).toEqual([]);
  });

  it('keeps a route inside its stay-inside area, even across the notch of a concave one', () => {
    // a U shape: the notch 113.152–113.154 × 23.032–23.036 is outside
    const u = compileZones([
      zone({
        kind: 'stay_inside',
        name: '作业区',
        polygon: [
          [113.15, 23.03],
          [113.156, 23.03],
          [113.156, 23.036],
          [113.154, 23.036],
          [113.154, 23.032],
          [113.152, 23.032],
          [113.152, 23.036],
          [113.15, 23.036],
        ],
      }),
    ]);
    const inside = [
      pt(113.151, 23.031, 0, true),
      pt(113.151, 23.035),
      pt(113.151, 23.031),
      pt(113.155, 23.031),
      pt(113.155, 23.035),
    ];
    const r = checkPath(inside, u);
    expect(r.startArea?.name).toBe('作业区');
    expect(r.leaves).toBe(false);
    // both ends inside the U, the leg over the notch
    const notch = checkPath([pt(113.151, 23.031, 0, true), pt(113.151, 23.035), pt(113.155, 23.035)], u);
    expect(notch.leaves).toBe(true);
    expect(checkPath([pt(113.16, 23.031, 0, true), pt(113.151, 23.031)], u).startArea).toBeNull();
  });

  it('keeps waypoints inside a stay-inside area’s height band', () => {
    const a = compileZones([zone({ kind: 'stay_inside', polygon: square(113.14, 23.02, 0.03), maxHeightM: 100 })]);
    expect(checkPath([pt(113.15, 23.03, 0, true), pt(113.151, 23.031, 90)], a).heightOutside).toBe(false);
    expect(checkPath([pt(113.15, 23.03, 0, true), pt(113.151, 23.031, 110)], a).heightOutside).toBe(true);
  });

  it('tests only the zones whose bounding box the route touches', () => {
    const far = compileZones(
      Array.from({ length: 100 }, (_, i) => zone({ id: `f${i}`, polygon: square(113.2 + i * 0.01, 23.1, 0.002) })),
    );
    const r = checkPath([pt(113.149, 23.031), pt(113.153, 23.031)], far);
    expect(r.candidates).toBe(0);
    expect(r.entered).toEqual([]);
  });
});

describe('the custom flight area file', () => {
  const a = zone({ id: 'b-2', name: 'B' });
  const b = zone({
    id: 'a-1',
    kind: 'stay_inside',
    shape: 'circle',
    polygon: null,
    center: { lng: 113.15, lat: 23.03 },
    radiusM: 3000,
  });

  it('is DJI’s GeoJSON, sorted by id, named by its MD5, with its SHA-256 and size', () => {
    const f = buildAreaFile([a, b, zone({ id: 'c', enabled: false }), zone({ id: 'd', minHeightM: 30 })])!;
    const json = JSON.parse(f.bytes.toString('utf8'));
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.map((x: any) => x.id)).toEqual(['a-1', 'b-2']);
    expect(json.features[0]).toEqual({
      id: 'a-1',
      type: 'Feature',
      geofence_type: 'dfence',
      geometry: { type: 'Point', coordinates: [113.15, 23.03] },
      properties: { subType: 'Circle', radius: 3000, enable: true },
    });
    expect(json.features[1].geofence_type).toBe('nfz');
    expect(json.features[1].geometry.coordinates[0]).toHaveLength(5); // closed ring
    expect(json.features[1].properties).toEqual({ radius: 0, enable: true });
    expect(f.name).toBe(`geofence_${createHash('md5').update(f.bytes).digest('hex')}.json`);
    expect(f.checksum).toBe(createHash('sha256').update(f.bytes).digest('hex'));
    expect(f.size).toBe(f.bytes.length);
    // the same areas in another order: the same bytes
    expect(buildAreaFile([b, a])!.checksum).toBe(f.checksum);
    expect(buildAreaFile([zone({ enabled: false })])).toBeNull();
  });

  it('reads the dock’s sync report leniently and names its reason', () => {
    expect(
      parseSyncProgress({ status: 'synchronized', reason: 0, file: { name: 'geofence_x.json', checksum: 'abc' } }),
    ).toEqual({ status: 'synchronized', reason: 0, fileName: 'geofence_x.json', checksum: 'abc' });
    expect(parseSyncProgress({ status: 'fail', reason: 12 })).toMatchObject({
      status: 'fail',
      reason: 12,
      fileName: null,
    });
    expect(parseSyncProgress({ status: 'nope' })).toBeNull();
    expect(syncReasonText(12)).toContain('checksum');
    expect(syncReasonText(99)).toContain('99');
  });
});
