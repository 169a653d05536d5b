/**
 * The demo's 7,200 cameras: spread over Guicheng's communities (points drawn inside each
 * community's outline), valid GB/T 28181 codes under 44060501 (南海区桂城街道), one 业务分组 with a
 * 虚拟组织 per community, owned by the community's organisation; written in one transaction with
 * multi-row inserts (a second or two), marked as demo data.
 */
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import type { GeographyService } from '../../geography';
import type { BrainServices } from '..';
import { upsertCameras, upsertGroups } from '../video/cameras.repo';
import { CAMERA_ENTITY } from '../video/cameras.service';
import { cameraRow } from '../video/cameras.view';

export const DEMO_CAMERA_COUNT = 7200;
const CENTRE = '44060501';
export const DEMO_BUSINESS_GROUP = `${CENTRE}002150000001`;
const SPOTS = ['路口', '小区门口', '广场', '公交站', '河涌', '学校周边', '商业街', '停车场', '公园', '市场'];

/** A deterministic generator (the same demo every time). */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
}

export const demoCameraId = (industry: '00' | '01', type: '131' | '132', serial: number) =>
  `${CENTRE}${industry}${type}0${String(serial).padStart(6, '0')}`;

export async function seedDemoCameras(
  p: PlatformContext,
  brain: BrainServices,
  geography: Pick<GeographyService, 'layer'>,
  count = DEMO_CAMERA_COUNT,
): Promise<string> {
  const communities = (await geography.layer('community')).features.filter(
    (f) =>
      (f.geometry as Polygon | null)?.type === 'Polygon' ||
      (f.geometry as MultiPolygon | null)?.type === 'MultiPolygon',
  );
  if (!communities.length) return 'no cameras (the map has no communities)';
  const rnd = rng(20_260_302);
  const now = p.clock.now();
  const groups = [
    { id: DEMO_BUSINESS_GROUP, name: '桂城街道视频监控', kind: 'business_group', parent_id: null as string | null },
    ...communities.map((f, i) => ({
      id: `${CENTRE}00216${String(i + 1).padStart(7, '0')}`,
      name: f.properties.name,
      kind: 'virtual_org',
      parent_id: DEMO_BUSINESS_GROUP as string | null,
    })),
  ];
  const rows: ReturnType<typeof cameraRow>[] = [];
  for (let i = 0; i < count; i++) {
    const ci = i % communities.length;
    const f = communities[ci]!;
    const shape = f as unknown as Feature<Polygon | MultiPolygon>;
    const [minX, minY, maxX, maxY] = bbox(shape);
    let lng = (minX + maxX) / 2;
    let lat = (minY + maxY) / 2;
    for (let tries = 0; tries < 50; tries++) {
      const x = minX + rnd() * (maxX - minX);
      const y = minY + rnd() * (maxY - minY);
      if (booleanPointInPolygon(point([x, y]), shape)) {
        lng = x;
        lat = y;
        break;
      }
    }
    const ptz = rnd() < 0.25;
    const name = `${f.properties.name}${SPOTS[i % SPOTS.length]}${ptz ? '球机' : '枪机'}${Math.floor(i / communities.length) + 1}`;
    rows.push(
      cameraRow(
        {
          id: demoCameraId(i % 3 === 0 ? '01' : '00', rnd() < 0.6 ? '132' : '131', i + 1),
          name,
          lng: Math.round(lng * 1e6) / 1e6,
          lat: Math.round(lat * 1e6) / 1e6,
          deviceId: null,
          groupId: groups[ci + 1]!.id,
          civilCode: CENTRE,
          communityCode: f.properties.code,
          orgId: f.properties.orgId ?? null,
          ptz,
          direction: ptz ? null : Math.floor(rnd() * 360),
          online: rnd() < 0.93,
          address: null,
        },
        'demo',
        now,
      ),
    );
  }
  await p.transact(SYSTEM_CONTEXT, async (w) => {
    await upsertGroups(
      w.trx,
      groups.map((g) => ({ ...g, source: 'demo', demo: 1, created_at: w.now, updated_at: w.now })),
    );
    await upsertCameras(w.trx, rows);
    w.audit({
      action: 'brain.camera.imported',
      entityType: CAMERA_ENTITY,
      entityId: 'demo',
      after: { total: rows.length },
    });
    w.emit({
      type: 'brain.camera.imported',
      entityType: CAMERA_ENTITY,
      entityId: 'demo',
      data: { total: rows.length },
    });
  });
  brain.cameras.invalidate();
  return `${rows.length} cameras (GB/T 28181, demo) in ${communities.length} communities`;
}
