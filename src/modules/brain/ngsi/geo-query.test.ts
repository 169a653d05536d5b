import { describe, expect, it } from 'vitest';
import { boxOf, matchesGeo, parseGeoQuery } from './geo-query';

const square = JSON.stringify([
  [
    [113.1, 23.0],
    [113.2, 23.0],
    [113.2, 23.1],
    [113.1, 23.1],
    [113.1, 23.0],
  ],
]);

describe('NGSI-LD geo-queries', () => {
  it('is null without parameters', () => expect(parseGeoQuery({})).toBeNull());
  it('near;maxDistance matches within the distance and boxes it', () => {
    const g = parseGeoQuery({ georel: 'near;maxDistance==1000', geometry: 'Point', coordinates: '[113.15,23.03]' })!;
    expect(matchesGeo(g, [113.15, 23.035])).toBe(true);
    expect(matchesGeo(g, [113.15, 23.05])).toBe(false);
    const [a, b, c, d] = boxOf(g)!;
    expect(a < 113.15 && c > 113.15 && b < 23.03 && d > 23.03).toBe(true);
    const min = parseGeoQuery({ georel: 'near;minDistance==1000', geometry: 'Point', coordinates: '[113.15,23.03]' })!;
    expect(matchesGeo(min, [113.15, 23.05])).toBe(true);
    expect(boxOf(min)).toBeNull();
  });
  it('within / intersects / disjoint a polygon; equals a point', () => {
    const w = parseGeoQuery({ georel: 'within', geometry: 'Polygon', coordinates: square })!;
    expect(matchesGeo(w, [113.15, 23.05])).toBe(true);
    expect(matchesGeo(w, [113.25, 23.05])).toBe(false);
    expect(boxOf(w)).toEqual([113.1, 23.0, 113.2, 23.1]);
    const dj = parseGeoQuery({ georel: 'disjoint', geometry: 'Polygon', coordinates: square })!;
    expect(matchesGeo(dj, [113.25, 23.05])).toBe(true);
    const eq = parseGeoQuery({ georel: 'equals', geometry: 'Point', coordinates: '[1,2]' })!;
    expect(matchesGeo(eq, [1, 2])).toBe(true);
  });
  it('refuses what is wrong with 400 and what is unsupported with 422', () => {
    const bad = [
      { georel: 'near;maxDistance==1' },
      { georel: 'near', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'near;maxDistance==x', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'near;maxDistance==1', geometry: 'Polygon', coordinates: square },
      { georel: 'near;maxDistance==1', geometry: 'Point', coordinates: '[200,2]' },
      { georel: 'near;maxDistance==1', geometry: 'Point', coordinates: 'x' },
      { georel: 'within', geometry: 'Polygon', coordinates: '[[[1,1],[2,2],[1,1]]]' },
      { georel: 'within', geometry: 'Polygon', coordinates: '[[[1,1],[2,2],[2,1],[1,2]]]' },
      { georel: 'within', geometry: 'Point', coordinates: '[1,2]' },
      { georel: 'sideways', geometry: 'Point', coordinates: '[1,2]' },
    ];
    for (const q of bad)
      expect(() => parseGeoQuery(q), JSON.stringify(q)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseGeoQuery({ georel: 'contains', geometry: 'Polygon', coordinates: square })).toThrow(
      expect.objectContaining({ status: 422 }),
    );
    expect(() =>
      parseGeoQuery({ georel: 'within', geometry: 'Polygon', coordinates: square, geoproperty: 'observationSpace' }),
    ).toThrow(expect.objectContaining({ status: 422 }));
  });
});
