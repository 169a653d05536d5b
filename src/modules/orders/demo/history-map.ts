/**
 * Where a demo order is: a point inside one of the street's communities (busier and quieter
 * ones), the grid that contains it, and the request's address and text renamed to that
 * community (the request generator names one of a few).
 */
import { PolygonIndex, bboxOf, centroidOf, pointInPolygon, type LngLat } from '../../../platform/geo';
import type { Rand } from './demo-random';
import type { DemoRequest } from './demo-history';
import { round6, titleOf } from './history-helpers';
import type { HistoryArea } from './history-inputs';

const STREET_PREFIX = '佛山市南海区桂城街道';

/** The location columns of an order. */
export interface OrderPlace {
  title: string;
  description: string;
  address: string;
  lng: number;
  lat: number;
  community_code: string;
  grid_code: string | null;
}

export class HistoryMap {
  private communityIndex: PolygonIndex<HistoryArea>;
  private gridsOf = new Map<string, Array<{ grid: HistoryArea; box: [number, number, number, number] }>>();
  private communityWeights: number[];
  private boxes: Array<[number, number, number, number]>;

  /** Draws each community's weight from `r`. */
  constructor(
    private communities: readonly HistoryArea[],
    grids: readonly HistoryArea[],
    r: Rand,
  ) {
    this.communityIndex = new PolygonIndex(communities.map((c) => ({ id: c.code, geometry: c.geometry, value: c })));
    for (const g of grids) {
      const list = this.gridsOf.get(g.parent ?? '') ?? [];
      list.push({ grid: g, box: bboxOf(g.geometry) });
      this.gridsOf.set(g.parent ?? '', list);
    }
    this.communityWeights = communities.map(() => 0.5 + r());
    this.boxes = communities.map((c) => bboxOf(c.geometry));
  }

  /** A point inside a community (rejection sampling in its bbox); the address names it. */
  place(r: Rand, q: DemoRequest): OrderPlace {
    const { communities } = this;
    let k = 0;
    let x = r() * this.communityWeights.reduce((a, b) => a + b, 0);
    while (k < communities.length - 1 && (x -= this.communityWeights[k]) >= 0) k++;
    const c = communities[k];
    const [minLng, minLat, maxLng, maxLat] = this.boxes[k];
    let point: LngLat | null = null;
    for (let tries = 0; tries < 200 && !point; tries++) {
      const p: LngLat = [minLng + (maxLng - minLng) * r(), minLat + (maxLat - minLat) * r()];
      if (pointInPolygon(p, c.geometry)) point = p;
    }
    point ??= centroidOf(c.geometry);
    point = [round6(point[0]), round6(point[1])];
    // rounding may nudge a point over an edge: the community is the one the point lies in, as intake's locate() says
    const community = pointInPolygon(point, c.geometry) ? c : (this.communityIndex.find(point)?.value ?? c);
    const grid = this.gridAt(point, community.code);
    // the generator names one of a few communities; put the request where the point is
    const named = /^佛山市南海区桂城街道(.+?社区)/.exec(q.address)?.[1];
    const address = named ? q.address.replace(STREET_PREFIX + named, STREET_PREFIX + community.name) : q.address;
    const text = named && named !== community.name ? q.text.split(named).join(community.name) : q.text;
    return {
      title: titleOf(text),
      description: text,
      address,
      lng: point[0],
      lat: point[1],
      community_code: community.code,
      grid_code: grid?.code ?? null,
    };
  }

  /** The community's grid containing the point (grids tile their community). */
  private gridAt(point: LngLat, community: string): HistoryArea | null {
    const [x, y] = point;
    const list = this.gridsOf.get(community) ?? [];
    for (const { grid, box } of list) {
      if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && pointInPolygon(point, grid.geometry)) return grid;
    }
    return null;
  }
}
