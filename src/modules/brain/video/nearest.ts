/**
 * The nearest cameras to a point, from memory: a kd-tree (kdbush) over the registry's points,
 * searched great-circle (geokdbush). A kd-tree is static, so a change marks it stale and the next
 * query rebuilds it (70,000 points: a few milliseconds); the entries themselves are updated in
 * place, so an online/offline change needs no rebuild.
 */
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';

export interface IndexedCamera {
  id: string;
  name: string;
  lng: number;
  lat: number;
  kind: 'ptz' | 'fixed';
  online: boolean;
  direction: number | null;
  communityCode: string | null;
}

export interface Near extends IndexedCamera {
  distanceM: number;
  bearing: number;
  facing: boolean | null;
}

/** How far off its view direction a fixed camera still sees a point. */
const HALF_VIEW_DEG = 45;

export class CameraIndex {
  private entries = new Map<string, IndexedCamera>();
  private tree: KDBush | null = null;
  private byIndex: IndexedCamera[] = [];
  private pos = new Map<string, number>();

  get size(): number {
    return this.entries.size;
  }

  load(cameras: Iterable<IndexedCamera>): void {
    this.entries.clear();
    for (const c of cameras) this.entries.set(c.id, c);
    this.tree = null;
  }

  get(id: string): IndexedCamera | undefined {
    return this.entries.get(id);
  }

  set(c: IndexedCamera): void {
    const had = this.entries.get(c.id);
    this.entries.set(c.id, c);
    if (!had || had.lng !== c.lng || had.lat !== c.lat) this.tree = null;
    else {
      // same place: the tree still points at the old object — swap it in place
      const i = this.pos.get(c.id);
      if (i !== undefined) this.byIndex[i] = c;
    }
  }

  remove(id: string): void {
    if (this.entries.delete(id)) this.tree = null;
  }

  /** Up to `limit` cameras within `radiusM` of the point, nearest first. */
  nearest(lng: number, lat: number, limit: number, radiusM: number, filter?: (c: IndexedCamera) => boolean): Near[] {
    const tree = this.build();
    if (!tree) return [];
    const items = this.byIndex;
    const ids = around(tree, lng, lat, limit, radiusM / 1000, filter ? (i) => filter(items[i]!) : undefined);
    return ids.map((i) => {
      const c = items[i]!;
      const bearing = bearingDeg(c.lng, c.lat, lng, lat);
      return {
        ...c,
        distanceM: Math.round(distance(lng, lat, c.lng, c.lat) * 1000 * 10) / 10,
        bearing: Math.round(bearing * 10) / 10,
        facing: c.direction === null ? null : angleBetween(c.direction, bearing) <= HALF_VIEW_DEG,
      };
    });
  }

  private build(): KDBush | null {
    if (this.tree) return this.tree;
    if (this.entries.size === 0) return null;
    const items = [...this.entries.values()];
    const tree = new KDBush(items.length);
    this.pos.clear();
    items.forEach((c, i) => {
      tree.add(c.lng, c.lat);
      this.pos.set(c.id, i);
    });
    tree.finish();
    this.byIndex = items;
    this.tree = tree;
    return tree;
  }
}

/** Initial great-circle bearing from (lng1, lat1) to (lng2, lat2), degrees from north clockwise. */
export function bearingDeg(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const y = Math.sin((lng2 - lng1) * r) * Math.cos(lat2 * r);
  const x =
    Math.cos(lat1 * r) * Math.sin(lat2 * r) - Math.sin(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lng2 - lng1) * r);
  return (Math.atan2(y, x) / r + 360) % 360;
}

const angleBetween = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
};

/** The same answer by scanning every camera: the baseline the bench compares with, and the tests' oracle. */
export function nearestByScan(
  cameras: readonly IndexedCamera[],
  lng: number,
  lat: number,
  limit: number,
  radiusM: number,
): Array<{ id: string; distanceM: number }> {
  const out: Array<{ id: string; distanceM: number }> = [];
  for (const c of cameras) {
    const d = distance(lng, lat, c.lng, c.lat) * 1000;
    if (d <= radiusM) out.push({ id: c.id, distanceM: d });
  }
  return out.sort((a, b) => a.distanceM - b.distanceM).slice(0, limit);
}
