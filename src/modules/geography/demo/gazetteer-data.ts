/**
 * The demo 地名库 for 桂城街道: main roads, stations, parks, squares, schools, hospitals and each
 * community's 党群服务中心, placed inside the community polygons of the demo map. Like the map,
 * NOT survey data: names are the street's well-known ones, positions are illustrative. No order
 * addresses are taken from the demo orders: only these places and the community names.
 */
import { pointOnFeature } from '@turf/turf';
import type { GazetteerKind } from '../gazetteer.contract';
import type { LngLat } from '../../../platform/geo';
import type { GuichengDemoGeography } from './demo-data';

export interface DemoGazetteerEntry {
  name: string;
  alias: string | null;
  kind: GazetteerKind;
  address: string;
  point: LngLat;
  /** The community it is drawn in (checked against the polygons by demo-data.test.ts). */
  community: string;
}

/** Hand-placed entries (WGS-84), each inside the community it names. */
const PLACES: Array<
  [name: string, kind: GazetteerKind, address: string, lng: number, lat: number, community: string, alias?: string]
> = [
  ['南海大道北', 'road', '南海大道北', 113.1485, 23.0345, '中区社区', '南海大道'],
  ['桂澜北路', 'road', '桂澜北路', 113.1375, 23.0485, '千灯湖社区', '桂澜路'],
  ['灯湖东路', 'road', '灯湖东路', 113.1535, 23.0515, '灯湖社区'],
  ['海八路', 'road', '海八路', 113.1675, 23.0475, '翠湖社区'],
  ['南桂东路', 'road', '南桂东路', 113.1625, 23.0365, '东二社区'],
  ['南桂西路', 'road', '南桂西路', 113.1335, 23.0335, '桂园社区'],
  ['石龙南路', 'road', '石龙南路', 113.1505, 23.0215, '宝石社区'],
  ['华翠北路', 'road', '华翠北路', 113.1845, 23.0515, '怡翠社区'],
  ['桂和路', 'road', '桂和路', 113.1365, 23.0235, '桂花社区'],
  ['夏平路', 'road', '夏平路', 113.1635, 23.0095, '夏北社区'],
  ['桂城地铁站', 'metro_station', '南海大道北与南桂东路交汇处', 113.16, 23.0385, '东二社区', '地铁桂城站、桂城站'],
  ['千灯湖地铁站', 'metro_station', '桂澜北路千灯湖', 113.1395, 23.0465, '千灯湖社区', '千灯湖站'],
  ['千灯湖公园', 'park', '桂澜北路千灯湖', 113.14, 23.045, '千灯湖社区', '千灯湖'],
  ['映月湖公园', 'park', '映月路', 113.1215, 23.0475, '映月社区', '映月湖'],
  ['南海广场', 'square', '南海大道北南海广场', 113.1475, 23.0355, '中区社区'],
  ['南海区政府', 'government', '桂城街道南海大道北', 113.1465, 23.0375, '中区社区', '区政府'],
  ['桂城街道行政服务中心', 'government', '石龙南路', 113.1515, 23.0285, '宝石社区', '行政服务中心'],
  ['石门中学', 'school', '桂和路', 113.1355, 23.0215, '桂花社区'],
  ['桂城中学', 'school', '南桂东路', 113.1605, 23.0355, '东二社区'],
  ['南海实验小学', 'school', '海八路', 113.1685, 23.0485, '翠湖社区', '实验小学'],
  ['南海区人民医院', 'hospital', '南桂西路', 113.1345, 23.0355, '桂园社区', '区人民医院'],
  ['怡翠花园', 'residential', '华翠北路', 113.1855, 23.0495, '怡翠社区'],
  ['瀚天科技城', 'building', '瀚天社区', 113.1785, 23.0645, '瀚天社区', '瀚天'],
  ['叠滘市场', 'market', '叠滘', 113.1225, 23.0605, '叠滘社区'],
];

/** The entries: the hand-placed ones, then one 党群服务中心 per community at a point inside it. */
export function buildDemoGazetteer(geo: GuichengDemoGeography): DemoGazetteerEntry[] {
  const out: DemoGazetteerEntry[] = PLACES.map(([name, kind, address, lng, lat, community, alias]) => ({
    name,
    alias: alias ?? null,
    kind,
    address,
    point: [lng, lat],
    community,
  }));
  for (const c of geo.communities) {
    const at = pointOnFeature({ type: 'Feature', properties: {}, geometry: c.geometry }).geometry.coordinates;
    out.push({
      name: `${c.name}党群服务中心`,
      alias: `${c.name}、${c.name}居委会`,
      kind: 'community_centre',
      address: `桂城街道${c.name}`,
      point: [Math.round(at[0] * 1e6) / 1e6, Math.round(at[1] * 1e6) / 1e6],
      community: c.name,
    });
  }
  return out;
}
