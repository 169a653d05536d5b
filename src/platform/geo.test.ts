import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  bboxOf,
  centroidOf,
  distanceMeters,
  fromWgs84,
  parseFeatureCollection,
  pointInPolygon,
  PolygonIndex,
  toWgs84,
  type LngLat,
  type MultiPolygon,
  type Polygon,
} from './geo';

/** Axis-aligned square polygon. */
function square(x: number, y: number, size: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  };
}

const centre: LngLat = [113.15, 23.03];

describe('coordinate systems', () => {
  it('shifts WGS-84 to GCJ-02 by the usual few hundred metres east/south in Guangdong', () => {
    const [lng, lat] = fromWgs84(...centre, 'GCJ02');
    expect(lng - centre[0]).toBeGreaterThan(0.004);
    expect(lng - centre[0]).toBeLessThan(0.007);
    expect(centre[1] - lat).toBeGreaterThan(0.001);
    expect(centre[1] - lat).toBeLessThan(0.004);
    expect(distanceMeters(centre, [lng, lat])).toBeGreaterThan(400);
    expect(distanceMeters(centre, [lng, lat])).toBeLessThan(800);
  });

  it('BD-09 is further off than GCJ-02', () => {
    const gcj = fromWgs84(...centre, 'GCJ02');
    const bd = fromWgs84(...centre, 'BD09');
    expect(distanceMeters(centre, bd)).toBeGreaterThan(distanceMeters(centre, gcj));
  });

  it.each(['GCJ02', 'BD09'] as const)('round-trips %s to within a metre', (crs) => {
    const there = fromWgs84(...centre, crs);
    const back = toWgs84(...there, crs);
    expect(distanceMeters(centre, back)).toBeLessThan(1);
  });

  it('leaves WGS-84 alone, and points outside China unchanged', () => {
    expect(toWgs84(...centre, 'WGS84')).toEqual(centre);
    expect(fromWgs84(2.35, 48.85, 'GCJ02')).toEqual([2.35, 48.85]);
  });

  it('rejects bad coordinates and unknown systems as client errors', () => {
    expect(() => toWgs84(Number.NaN, 23, 'GCJ02')).toThrow(AppError);
    expect(() => toWgs84(23.03, 113.15, 'GCJ02')).toThrow(/out of range/); // lat/lng swapped
    expect(() => fromWgs84(113, 23, 'EPSG3857' as never)).toThrow(/unknown coordinate system/);
  });
});

describe('measurements', () => {
  it('distance: one degree of latitude is about 111.2 km', () => {
    expect(distanceMeters([113, 23], [113, 24])).toBeCloseTo(111_195, -2);
    expect(distanceMeters(centre, centre)).toBe(0);
  });

  it('point in polygon respects holes and multipolygons', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 10).coordinates[0], square(4, 4, 2).coordinates[0]],
    };
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([11, 1], withHole)).toBe(false);
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 1).coordinates, square(5, 5, 1).coordinates],
    };
    expect(pointInPolygon([5.5, 5.5], multi)).toBe(true);
    expect(pointInPolygon([3, 3], multi)).toBe(false);
  });

  it('bbox', () => {
    const ring = [
      [113.1, 23.0],
      [113.15, 23.01],
      [113.12, 23.05],
      [113.1, 23.0],
    ];
    expect(bboxOf({ type: 'Polygon', coordinates: [ring] })).toEqual([113.1, 23.0, 113.15, 23.05]);
    expect(bboxOf({ type: 'Point', coordinates: [113.1, 23.0] })).toEqual([113.1, 23.0, 113.1, 23.0]);
  });

  it('centroid is area-weighted, not a vertex mean', () => {
    // An L made of a 2×2 square and a 2×1 bar; extra vertices along one edge must not pull it.
    const l: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.5, 0],
          [1, 0],
          [1.5, 0],
          [2, 0],
          [4, 0],
          [4, 1],
          [2, 1],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const [x, y] = centroidOf(l);
    // areas 4 at (1,1) and 2 at (3,0.5) → (10/6, 5/6)
    expect(x).toBeCloseTo(10 / 6, 9);
    expect(y).toBeCloseTo(5 / 6, 9);
    // winding does not matter; holes subtract
    const reversed: Polygon = { type: 'Polygon', coordinates: [[...l.coordinates[0]].reverse()] };
    expect(centroidOf(reversed)[0]).toBeCloseTo(10 / 6, 9);
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 4).coordinates[0], square(2, 0.5, 1).coordinates[0]],
    };
    expect(centroidOf(holed)[0]).toBeLessThan(2);
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 2).coordinates, square(10, 0, 1).coordinates],
    };
    expect(centroidOf(multi)[0]).toBeCloseTo((4 * 1 + 1 * 10.5) / 5, 9);
    expect(centroidOf({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2]);
  });
});

describe('parseFeatureCollection', () => {
  const poly = square(113.1, 23.0, 0.01);
  const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
  const feature = (geometry: unknown, properties: unknown = { name: 'x' }) => ({
    type: 'Feature',
    properties,
    geometry,
  });

  function errorOf(input: unknown): AppError {
    try {
      parseFeatureCollection(input);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    }
    throw new Error('expected parseFeatureCollection to throw');
  }

  it('accepts polygons, multipolygons and points and returns a clean copy', () => {
    const input = {
      ...fc(
        { ...feature(poly), id: 'a', extra: 1 },
        feature({ type: 'MultiPolygon', coordinates: [poly.coordinates] }, null),
        { type: 'Feature', geometry: { type: 'Point', coordinates: [113.15, 23.03, 5] } },
      ),
      crs: 'ignored',
    };
    const out = parseFeatureCollection(JSON.parse(JSON.stringify(input)));
    expect(out.type).toBe('FeatureCollection');
    expect(out.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'MultiPolygon', 'Point']);
    expect(out.features[0]).toEqual({ type: 'Feature', id: 'a', properties: { name: 'x' }, geometry: poly });
    expect(out.features[2].properties).toBeNull();
    expect(out.features[2].geometry.coordinates).toEqual([113.15, 23.03, 5]);
    expect(parseFeatureCollection(fc()).features).toEqual([]);
  });

  it('rejects things that are not a FeatureCollection', () => {
    for (const bad of [null, 'x', [], { type: 'Feature' }, { type: 'FeatureCollection' }]) {
      const e = errorOf(bad);
      expect(e.status).toBe(400);
      expect(e.code).toBe('invalid_geojson');
    }
  });

  it('rejects an unclosed ring, naming the feature index', () => {
    const open = { type: 'Polygon', coordinates: [poly.coordinates[0].slice(0, 4).concat([[113.1, 23.005]])] };
    const e = errorOf(fc(feature(poly), feature(poly), feature(open)));
    expect(e.message).toMatch(/^feature 2: /);
    expect(e.message).toMatch(/not closed/);
    expect(e.details).toMatchObject({ featureIndex: 2 });
  });

  it.each([
    [
      'too few positions',
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 23],
            [113.1, 23],
            [113, 23],
          ],
        ],
      },
      /at least 4/,
    ],
    ['longitude out of range', square(181, 23, 1), /longitude 181/],
    ['latitude out of range (swapped order)', square(23, 113, 1), /latitude 113/],
    [
      'non-numeric',
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, '23'],
            [114, 23],
            [114, 24],
            [113, '23'],
          ],
        ],
      },
      /finite numbers/,
    ],
    ['NaN-like', { type: 'Point', coordinates: [null, 23] }, /finite numbers/],
    ['too short position', { type: 'Point', coordinates: [113] }, /\[lng, lat\]/],
    [
      'zero area',
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 23],
            [114, 23],
            [113, 23],
            [113, 23],
          ],
        ],
      },
      /zero area/,
    ],
    ['empty polygon', { type: 'Polygon', coordinates: [] }, /at least one ring/],
    ['empty multipolygon', { type: 'MultiPolygon', coordinates: [] }, /at least one polygon/],
    [
      'line',
      {
        type: 'LineString',
        coordinates: [
          [113, 23],
          [114, 24],
        ],
      },
      /unsupported geometry type "LineString"/,
    ],
    ['no geometry', null, /missing geometry/],
  ])('rejects %s', (_label, geometry, message) => {
    const e = errorOf(fc(feature(poly), feature(geometry)));
    expect(e.code).toBe('invalid_geojson');
    expect(e.message).toMatch(/^feature 1: /);
    expect(e.message).toMatch(message);
  });

  it('checks holes and every polygon of a multipolygon', () => {
    const badHole = {
      type: 'Polygon',
      coordinates: [
        poly.coordinates[0],
        [
          [113.101, 23.001],
          [113.102, 23.001],
          [113.102, 23.002],
        ],
      ],
    };
    expect(errorOf(fc(feature(badHole))).message).toMatch(/feature 0: hole 1/);
    const multi = {
      type: 'MultiPolygon',
      coordinates: [
        poly.coordinates,
        [
          [
            [113, 23],
            [113, 24],
          ],
        ],
      ],
    };
    expect(errorOf(fc(feature(multi))).message).toMatch(/coordinates\[1\]\[0\]/);
  });

  it('rejects bad properties and ids', () => {
    expect(errorOf(fc(feature(poly, 'name'))).message).toMatch(/properties/);
    expect(errorOf(fc({ ...feature(poly), id: { x: 1 } })).message).toMatch(/"id"/);
  });
});

describe('PolygonIndex', () => {
  it('finds the smallest containing polygon, so a grid beats its community', () => {
    const index = new PolygonIndex([
      { id: 'community', geometry: square(0, 0, 10), value: 'c' },
      { id: 'grid', geometry: square(0, 0, 5), value: 'g' },
      { id: 'elsewhere', geometry: square(20, 20, 1), value: 'e' },
    ]);
    expect(index.size).toBe(3);
    expect(index.find([1, 1])?.id).toBe('grid');
    expect(index.find([1, 1])?.value).toBe('g');
    expect(index.find([7, 7])?.id).toBe('community');
    expect(index.findAll([1, 1]).map((e) => e.id)).toEqual(['grid', 'community']);
    expect(index.find([15, 15])).toBeUndefined(); // inside the extent, in no polygon
    expect(index.find([-1, 0])).toBeUndefined(); // outside the extent
    expect(index.find([Number.NaN, 1])).toBeUndefined();
  });

  it('matches a brute-force scan over a dense mosaic with large overlays', () => {
    // 40×40 mosaic of 0.01° cells, plus big polygons that land in the "everywhere" list.
    const entries: Array<{ id: string; geometry: Polygon | MultiPolygon; value: number }> = [];
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < 40; j++) {
        entries.push({ id: `c${i}-${j}`, geometry: square(113 + i * 0.01, 23 + j * 0.01, 0.01), value: i * 40 + j });
      }
    }
    entries.push({ id: 'cover', geometry: square(113, 23, 0.4), value: -1 });
    entries.push({
      id: 'multi',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [square(112.9, 22.9, 0.05).coordinates, square(113.5, 23.5, 0.05).coordinates],
      },
      value: -2,
    });
    const index = new PolygonIndex(entries);
    // The cover and the far-flung multipolygon span too many buckets: both go on the
    // always-checked list, which must merge with bucket hits in area order.
    expect((index as unknown as { everywhere: number[] }).everywhere.length).toBe(2);
    const bySize = [...entries]; // squares are all the same area, so input order decides ties
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 300; k++) {
      const p: LngLat = [112.85 + rnd() * 0.75, 22.85 + rnd() * 0.75];
      const expected = bySize.filter((e) => pointInPolygon(p, e.geometry)).sort((a, b) => areaRank(a) - areaRank(b));
      expect(index.findAll(p).map((e) => e.id)).toEqual(expected.map((e) => e.id));
    }
    function areaRank(e: { id: string }): number {
      return e.id === 'cover' ? 2 : e.id === 'multi' ? 1 : 0;
    }
  });

  it('handles an empty index and a single degenerate extent', () => {
    expect(new PolygonIndex<number>([]).find([0, 0])).toBeUndefined();
    const one = new PolygonIndex([{ id: 'a', geometry: square(1, 1, 1), value: 1 }]);
    expect(one.find([1.5, 1.5])?.id).toBe('a');
  });
});
