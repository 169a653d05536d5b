import type { App } from '../app';
import { SYSTEM_CONTEXT } from '../platform/audit';
import { buildGuichengDemoGeography, DEMO_NOTICE } from '../modules/geography/demo/demo-data';
import { seedDemoMap } from '../modules/geography/demo/seed-map';
import { DEMO_COUNTS, DEMO_STREET, seedDemoOrgsAndUsers } from '../modules/identity/demo/seed-orgs';
import { seedDemoOrderConfig } from '../modules/orders/demo/demo-seed';
import { seedDemoNotices } from '../modules/orders/demo/demo-notices';
import { seedDemoDocks } from '../modules/drones/demo/demo-docks';
import { seedDemoCameras } from '../modules/brain/demo/demo-cameras';
import { addScaleItems, seedDemoServices } from '../modules/services/demo/seed';
import {
  addOrderHistory,
  DEFAULT_HISTORY_ORDERS,
  generateOrderHistory,
} from '../modules/orders/demo/history-generator';

export interface SeedResult {
  seeded: boolean;
  summary: string;
}

export interface SeedOptions {
  /** Orders of demo history to generate (default: a smaller history for a quick first start). */
  orders?: number;
  /** Demo texts to train the category classifier on (default 20,000). */
  trainingSamples?: number;
  force?: boolean;
  /** Service catalogue items in all (demo items plus generated ones for scale; default: the demo's own). */
  serviceItems?: number;
}

/** Seeds the Guicheng demo dataset if the database has no organisation yet. */
export async function seedIfEmpty(app: App, opts: SeedOptions): Promise<SeedResult> {
  if (await app.identity.admin.hasOrgs()) {
    // `yiwang seed --orders N` on a demo database adds N more orders of history
    // `yiwang seed --service-items N` on a demo database generates items until the catalogue holds N
    if (opts.force && opts.serviceItems && !opts.orders) {
      const summary = await addScaleItems(app.platform, app.services, app.identity.directory, opts.serviceItems);
      return { seeded: true, summary };
    }
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
  parts.push(await seedDemoDocks(app.drones.registry, app.platform.config.dataDir));
  parts.push(await seedDemoCameras(app.platform, app.brain, app.geography));
  parts.push(await seedDemoServices(app.platform, app.services, app.identity.directory, { items: opts.serviceItems }));
  return { seeded: true, summary: parts.join('; ') };
}

/** Organisations and users (identity's tables), then the map (geography's), in one transaction. */
async function seedOrgsAndMap(app: App): Promise<string> {
  const geo = buildGuichengDemoGeography();
  return app.platform.transact(SYSTEM_CONTEXT, async (w) => {
    const orgIdByCode = await seedDemoOrgsAndUsers(w, geo);
    await seedDemoMap(w, geo, DEMO_STREET, orgIdByCode);
    const summary = `${orgIdByCode.size} organisations (${DEMO_COUNTS.departments} departments, ${geo.communities.length} communities, ${geo.grids.length} grids), ${DEMO_COUNTS.users} users, ${geo.places.length} places — ${DEMO_NOTICE}`;
    w.audit({ action: 'seed.demo', entityType: 'system', entityId: 'demo', after: { summary } });
    return summary;
  });
}

/** Creates a user from the command line (the first admin of an install without demo data). */
export async function createFirstAdmin(
  app: App,
  input: { username: string; password: string; name: string; roles: string[] },
): Promise<string> {
  const street = await app.identity.admin.ensureStreet(SYSTEM_CONTEXT);
  const { id } = await app.identity.admin.createUser(SYSTEM_CONTEXT, { ...input, orgId: street });
  return id;
}
