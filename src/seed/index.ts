import type { App } from '../app';
import { SYSTEM_CONTEXT } from '../platform/audit';
import { hashPassword } from '../platform/auth/passwords';
import { newId } from '../platform/ids';
import { bboxOf } from '../platform/geo';
import { buildGuichengDemoGeography, DEMO_NOTICE } from '../modules/geography/demo-data';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, STREET } from './guicheng-orgs';
import { isRole } from '../modules/identity/roles';
import { seedDemoOrderConfig } from '../modules/orders/demo-seed';
import { seedDemoNotices } from '../modules/orders/notifications/demo-notices';
import { addOrderHistory, DEFAULT_HISTORY_ORDERS, generateOrderHistory } from '../modules/orders/history-generator';

export interface SeedResult {
  seeded: boolean;
  summary: string;
}

/** Extra demo data from business modules (work orders…), run after orgs, users and the map. */
export type Seeder = (app: App, opts: SeedOptions) => Promise<string>;

export interface SeedOptions {
  /** Orders of demo history to generate (default: a smaller history for a quick first start). */
  orders?: number;
  /** Demo texts to train the category classifier on (default 20,000). */
  trainingSamples?: number;
  force?: boolean;
}
const seeders: Seeder[] = [];
export function addSeeder(s: Seeder): void {
  seeders.push(s);
}

/** Seeds the Guicheng demo dataset if the database has no organisation yet. */
export async function seedIfEmpty(app: App, opts: SeedOptions): Promise<SeedResult> {
  const { db } = app.platform;
  const any = await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  if (any) {
    // `yiwang seed --orders N` on a demo database adds N more orders of history
    if (opts.force && opts.orders) {
      const added = await addOrderHistory(app.platform, app.orders, opts.orders);
      // history is imported without the per-change hooks: rebuild the evaluation ledger from it
      if (added.added) await app.orders.metrics.rebuild(SYSTEM_CONTEXT);
      return { seeded: added.added, summary: added.summary };
    }
    return { seeded: false, summary: 'the database already has organisations' };
  }
  const parts = [await seedOrgsAndMap(app)];
  await app.orders.units.load();
  parts.push(await seedDemoOrderConfig(app.platform, app.orders, opts.trainingSamples));
  const orders = opts.orders ?? DEFAULT_HISTORY_ORDERS;
  if (orders > 0) {
    parts.push((await generateOrderHistory(app.platform, app.orders, { count: orders })).summary);
    // history is imported without the per-change hooks: rebuild the evaluation ledger from it
    const rebuilt = await app.orders.metrics.rebuild(SYSTEM_CONTEXT);
    parts.push(`evaluation ledger rebuilt (${rebuilt.facts} facts)`);
    parts.push(await seedDemoNotices(app.platform, app.orders));
  }
  for (const s of seeders) parts.push(await s(app, opts));
  return { seeded: true, summary: parts.join('; ') };
}

async function seedOrgsAndMap(app: App): Promise<string> {
  const p = app.platform;
  const geo = buildGuichengDemoGeography();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return p.transact(SYSTEM_CONTEXT, async (w) => {
    const orgIdByCode = new Map<string, string>();
    const addOrg = async (parentCode: string | null, code: string, name: string, kind: any, departmentType: string | null, sort: number) => {
      const id = newId(w.now);
      const parentId = parentCode ? orgIdByCode.get(parentCode)! : null;
      const parentPath = parentCode ? (await w.trx.selectFrom('orgs').select('path').where('id', '=', parentId!).executeTakeFirstOrThrow()).path : '/';
      await w.trx.insertInto('orgs').values({
        id, parent_id: parentId, path: `${parentPath}${id}/`, name, kind, code, department_type: departmentType, sort, created_at: w.now,
      }).execute();
      orgIdByCode.set(code, id);
      return id;
    };
    await addOrg(null, STREET.code, STREET.name, 'street', null, 0);
    let sort = 0;
    for (const d of DEMO_DEPARTMENTS) {
      await addOrg(STREET.code, d.code, d.name, 'department', d.departmentType, sort++);
      for (const u of d.units ?? []) await addOrg(d.code, u.code, u.name, 'unit', d.departmentType, sort++);
    }
    for (const c of geo.communities) await addOrg(STREET.code, c.code, c.name, 'community', 'community', sort++);
    for (const g of geo.grids) await addOrg(g.communityCode, g.code, g.name, 'grid', 'community', sort++);

    for (const u of DEMO_USERS) {
      if (!u.roles.every(isRole)) throw new Error(`demo user ${u.username} has an unknown role`);
      await w.trx.insertInto('users').values({
        id: newId(w.now), username: u.username, name: u.name, password_hash: passwordHash,
        org_id: orgIdByCode.get(u.orgCode)!, roles: JSON.stringify(u.roles), phone: u.phone, id_card: null,
        disabled: 0, failed_logins: 0, locked_until: null, created_at: w.now, updated_at: w.now,
      }).execute();
    }

    const area = (layer: 'boundary' | 'community' | 'grid', code: string, name: string, parent: string | null, geometry: any) => {
      const [a, b, c, d] = bboxOf(geometry);
      return w.trx.insertInto('geo_areas').values({
        id: newId(w.now), layer, code, name, parent_code: parent, org_id: layer === 'boundary' ? orgIdByCode.get(STREET.code)! : orgIdByCode.get(code) ?? null,
        geometry: JSON.stringify(geometry), min_lng: a, min_lat: b, max_lng: c, max_lat: d, demo: 1, updated_at: w.now,
      }).execute();
    };
    await area('boundary', STREET.code, STREET.name, null, geo.boundary.geometry);
    for (const c of geo.communities) await area('community', c.code, c.name, STREET.code, c.geometry);
    for (const g of geo.grids) await area('grid', g.code, g.name, g.communityCode, g.geometry);
    for (const pl of geo.places) {
      await w.trx.insertInto('geo_places').values({
        id: newId(w.now), code: pl.code, name: pl.name, kind: pl.kind, community_code: pl.communityCode,
        lng: pl.point[0], lat: pl.point[1], geometry: pl.line ? JSON.stringify({ type: 'LineString', coordinates: pl.line }) : null,
        demo: 1, updated_at: w.now,
      }).execute();
    }
    const summary = `${orgIdByCode.size} organisations (${DEMO_DEPARTMENTS.length} departments, ${geo.communities.length} communities, ${geo.grids.length} grids), ${DEMO_USERS.length} users, ${geo.places.length} places — ${DEMO_NOTICE}`;
    w.audit({ action: 'seed.demo', entityType: 'system', entityId: 'demo', after: { summary } });
    return summary;
  });
}

/** Creates a user from the command line (the first admin of an install without demo data). */
export async function createFirstAdmin(app: App, input: { username: string; password: string; name: string; roles: string[] }): Promise<string> {
  const p = app.platform;
  let street = await p.db.selectFrom('orgs').select('id').where('kind', '=', 'street').executeTakeFirst();
  if (!street) {
    await p.transact(SYSTEM_CONTEXT, async (w) => {
      const id = newId(w.now);
      await w.trx.insertInto('orgs').values({ id, parent_id: null, path: `/${id}/`, name: '街道', kind: 'street', code: 'STREET', department_type: null, sort: 0, created_at: w.now }).execute();
      w.audit({ action: 'org.create', entityType: 'org', entityId: id, after: { name: '街道', kind: 'street' } });
    });
    street = await p.db.selectFrom('orgs').select('id').where('kind', '=', 'street').executeTakeFirstOrThrow();
  }
  const { id } = await app.identity.admin.createUser(SYSTEM_CONTEXT, { ...input, orgId: street.id });
  return id;
}
