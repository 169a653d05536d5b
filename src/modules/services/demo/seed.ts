/**
 * Seeds the demo sites and catalogue (demo data only: runtime code never imports this file).
 * Sites and windows in one transaction; the catalogue through the catalogue service's batch
 * save — every guide checked by the same rules as an import — published as version 1.
 */
import { type AuditContext, SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import type { Directory } from '../../identity';
import type { ServicesApi } from '../index';
import type { ItemGuide } from '../catalogue/catalogue.contract';
import { countItems } from '../catalogue/catalogue.repo';
import { insertSites, insertWindows, listSites } from '../sites/sites.repo';
import { type DemoEntry, demoEntries, handledCount, scaleEntries } from './generate';
import { CENTRE, CENTRE_WINDOWS, COMMUNITY_CENTRES, COMMUNITY_HOURS_DEMO } from './sites-data';

const CTX: AuditContext = SYSTEM_CONTEXT;

async function seedSites(p: PlatformContext, orgByCode: Map<string, string>, orgByName: Map<string, string>) {
  return p.transact(CTX, async (w) => {
    const centreId = newId(w.now);
    const sites = [
      {
        id: centreId,
        code: CENTRE.code,
        name: CENTRE.name,
        kind: 'centre',
        address: CENTRE.address,
        lng: CENTRE.lng,
        lat: CENTRE.lat,
        phone: CENTRE.phone,
        halls: JSON.stringify(CENTRE.halls),
        hours: JSON.stringify(CENTRE.hours),
        community_org_id: null,
        created_at: w.now,
        updated_at: w.now,
      },
      ...COMMUNITY_CENTRES.map(([name, lng, lat], i) => ({
        id: newId(w.now),
        code: `GC-SQ${String(i + 1).padStart(2, '0')}`,
        name: `${name}行政服务中心`,
        kind: 'community',
        address: `佛山市南海区桂城街道${name}党群服务中心一楼（示例地址）`,
        lng,
        lat,
        phone: `0757-8620 ${String(1001 + i)}`,
        halls: JSON.stringify([{ code: 'A', name: '服务大厅' }]),
        hours: JSON.stringify(COMMUNITY_HOURS_DEMO),
        community_org_id: orgByName.get(name) ?? null,
        created_at: w.now,
        updated_at: w.now,
      })),
    ];
    await insertSites(w.trx, sites);
    const windows = CENTRE_WINDOWS.flatMap(([hall, first, count, kind, dept, name]) =>
      Array.from({ length: count }, (_, k) => ({
        id: newId(w.now),
        site_id: centreId,
        number: `${hall}${String(first + k).padStart(2, '0')}`,
        hall_code: hall,
        kind,
        name,
        department_id: dept ? (orgByCode.get(dept) ?? null) : null,
        active: 1,
        created_at: w.now,
        updated_at: w.now,
      })),
    );
    for (const s of sites.slice(1))
      for (const [number, kind, name] of [
        ['A01', 'comprehensive', '综合窗口'],
        ['A02', 'comprehensive', '综合窗口（延时服务）'],
      ])
        windows.push({
          id: newId(w.now),
          site_id: s.id,
          number,
          hall_code: 'A',
          kind,
          name,
          department_id: null,
          active: 1,
          created_at: w.now,
          updated_at: w.now,
        });
    await insertWindows(w.trx, windows);
    w.audit({
      action: 'seed.services.sites',
      entityType: 'svc_site',
      after: { sites: sites.length, windows: windows.length },
    });
    return { sites: sites.length, windows: windows.length };
  });
}

/** Demo entries → guide entries with ids, departments and sites; parents by key. */
async function publish(
  p: PlatformContext,
  api: ServicesApi,
  entries: DemoEntry[],
  orgByCode: Map<string, string>,
  orgNames: Map<string, string>,
) {
  const sites = await listSites(p.db);
  const centre = sites.find((s) => s.kind === 'centre');
  const communities = sites.filter((s) => s.kind === 'community').map((s) => s.id);
  const ids = new Map(entries.map((e) => [e.key, newId(p.clock.now())]));
  const batch = entries.map((e) => {
    const departmentId = orgByCode.get(e.departmentCode)!;
    const guide: ItemGuide = {
      ...e.guide,
      ...(e.parentKey ? { parentId: ids.get(e.parentKey)! } : {}),
      departmentId,
      implementingBody: orgNames.get(departmentId) ?? e.departmentCode,
      siteIds: [...(centre ? [centre.id] : []), ...(e.community ? communities : [])],
    };
    return { id: ids.get(e.key)!, guide };
  });
  const r = await api.catalogue.saveMany(CTX, batch, {
    publish: true,
    action: 'seed.services.catalogue',
    note: '示例数据 / demo',
  });
  if (r.problems) throw new Error(`demo catalogue refused: ${JSON.stringify(r.problems.slice(0, 5))}`);
  return r.result.published.length;
}

async function orgMaps(directory: Pick<Directory, 'orgs'>) {
  const orgs = await directory.orgs();
  return {
    byCode: new Map(orgs.map((o) => [o.code, o.id])),
    byName: new Map(orgs.map((o) => [o.name, o.id])),
    names: new Map(orgs.map((o) => [o.id, o.name])),
  };
}

/** The demo sites and catalogue; `items` > the demo's own adds generated ones for scale. */
export async function seedDemoServices(
  p: PlatformContext,
  api: ServicesApi,
  directory: Pick<Directory, 'orgs'>,
  opts: { items?: number } = {},
): Promise<string> {
  const orgs = await orgMaps(directory);
  const s = await seedSites(p, orgs.byCode, orgs.byName);
  const demo = demoEntries();
  let published = await publish(p, api, demo, orgs.byCode, orgs.names);
  if (opts.items && opts.items > demo.length)
    published += await publish(p, api, scaleEntries(0, opts.items - demo.length), orgs.byCode, orgs.names);
  return `${s.sites} service sites with ${s.windows} windows, ${published} catalogue items (${handledCount(demo)} handled demo items, situations and materials) — demo data`;
}

/** `yiwang seed --service-items N` on a seeded database: generated items until the catalogue holds N. */
export async function addScaleItems(
  p: PlatformContext,
  api: ServicesApi,
  directory: Pick<Directory, 'orgs'>,
  total: number,
): Promise<string> {
  const have = await countItems(p.db);
  if (have >= total) return `the catalogue already holds ${have} items`;
  const orgs = await orgMaps(directory);
  const start = Math.max(0, have - demoEntries().length);
  let added = 0;
  // in batches of 200: each a transaction of its own
  for (let i = 0; i < total - have; i += 200) {
    const n = Math.min(200, total - have - i);
    added += await publish(p, api, scaleEntries(start + i, n), orgs.byCode, orgs.names);
  }
  return `${added} generated catalogue items added (${have + added} in all)`;
}
