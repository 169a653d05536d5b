/**
 * The gallery's place filter and grouping, on the pictures the API returned: a community is a
 * polygon of the street's map (the jurisdiction layers), a picture is in it when its position is;
 * days are Shanghai days.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeoCollection } from '../../../../components/map/geoTypes';
import { fmtDate } from '../../../../format';
import type { MediaView } from '../../components/dronesApi';

export interface Community {
  code: string;
  name: string;
  shape: Feature<Polygon | MultiPolygon>;
}

export function communitiesOf(layer: GeoCollection | undefined): Community[] {
  return (layer?.features ?? [])
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({
      code: String(f.properties?.code ?? ''),
      name: String(f.properties?.name ?? ''),
      shape: f as Feature<Polygon | MultiPolygon>,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function inCommunity(m: MediaView, c: Community | undefined): boolean {
  if (!c) return true;
  if (m.lng === null || m.lat === null) return false;
  return booleanPointInPolygon([m.lng, m.lat], c.shape);
}

/** Newest day first, each day's pictures in the order taken. */
export function byDay(items: readonly MediaView[]): Array<{ day: string; items: MediaView[] }> {
  const days = new Map<string, MediaView[]>();
  for (const m of items) {
    const day = fmtDate(m.takenAt ?? m.createdAt);
    const list = days.get(day);
    if (list) list.push(m);
    else days.set(day, [m]);
  }
  return [...days.entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([day, list]) => ({
      day,
      items: list.sort((a, b) => (a.takenAt ?? a.createdAt) - (b.takenAt ?? b.createdAt)),
    }));
}

/** Midnight of a YYYY-MM-DD in Shanghai, as epoch ms. */
export const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
