/** All SQL of the published catalogue and its search index (terms, sites, life events). */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Tx } from '../../../../platform/db/connect';
import { insertRows } from '../../../../platform/db/rows';
import type { DB } from '../../../../schema';
import type { ServicesTables } from '../../tables';

type Db = Kysely<DB> | Tx;
export type CatalogueRecord = Selectable<ServicesTables['svc_catalogue']>;

export interface IndexEntry {
  row: Insertable<ServicesTables['svc_catalogue']>;
  terms: Map<string, number>;
  siteIds: readonly string[];
  lifeEvents: readonly string[];
}

/** Drops these items from the published catalogue and its index. */
export async function unindex(db: Db, itemIds: readonly string[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += 500) {
    const ids = itemIds.slice(i, i + 500);
    await db.deleteFrom('svc_item_terms').where('item_id', 'in', ids).execute();
    await db.deleteFrom('svc_site_items').where('item_id', 'in', ids).execute();
    await db.deleteFrom('svc_item_life_events').where('item_id', 'in', ids).execute();
    await db.deleteFrom('svc_catalogue').where('item_id', 'in', ids).execute();
  }
}

/** Writes (replacing) the published rows and index of these items. */
export async function index(db: Db, entries: readonly IndexEntry[]): Promise<void> {
  await unindex(
    db,
    entries.map((e) => e.row.item_id),
  );
  await insertRows(
    db,
    'svc_catalogue',
    entries.map((e) => e.row),
  );
  await insertRows(
    db,
    'svc_item_terms',
    entries.flatMap((e) => [...e.terms].map(([term, weight]) => ({ term, item_id: e.row.item_id, weight }))),
  );
  await insertRows(
    db,
    'svc_site_items',
    entries.flatMap((e) => e.siteIds.map((site_id) => ({ site_id, item_id: e.row.item_id }))),
  );
  await insertRows(
    db,
    'svc_item_life_events',
    entries.flatMap((e) => e.lifeEvents.map((life_event) => ({ life_event, item_id: e.row.item_id }))),
  );
}

export const findPublished = (db: Db, itemId: string) =>
  db.selectFrom('svc_catalogue').selectAll().where('item_id', '=', itemId).executeTakeFirst();

export interface SearchFilter {
  terms: string[];
  initials?: string;
  department?: string;
  site?: string;
  lifeEvent?: string;
  onlineDepth?: string;
  itemType?: string;
  limit: number;
  offset: number;
}

/**
 * Published items matching the filters, best first: the summed weights of the query terms each
 * item carries (and a name whose pinyin initials start with the query), then by name. Items
 * whose published children are handled instead (a 主项 split into 子项) stay in the results:
 * the guide lists its parents.
 */
export async function search(
  db: Db,
  f: SearchFilter,
): Promise<{ rows: Array<CatalogueRecord & { score: number }>; total: number }> {
  const text = f.terms.length > 0 || !!f.initials;
  let q = db.selectFrom('svc_catalogue as c');
  if (f.department) q = q.where('c.department_id', '=', f.department);
  if (f.onlineDepth) q = q.where('c.online_depth', '=', f.onlineDepth);
  if (f.itemType) q = q.where('c.item_type', '=', f.itemType);
  if (f.site) {
    const site = f.site;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('svc_site_items as s')
          .select('s.item_id')
          .whereRef('s.item_id', '=', 'c.item_id')
          .where('s.site_id', '=', site),
      ),
    );
  }
  if (f.lifeEvent) {
    const ev = f.lifeEvent;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('svc_item_life_events as l')
          .select('l.item_id')
          .whereRef('l.item_id', '=', 'c.item_id')
          .where('l.life_event', '=', ev),
      ),
    );
  }
  if (!text) {
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('c')
      .select(sql<number>`0`.as('score'))
      .orderBy('c.department_name')
      .orderBy('c.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { rows, total: Number(total.n) };
  }
  const termScores = db
    .selectFrom('svc_item_terms')
    // the weights of the terms found, plus 8 per term: an item covering more of the query comes first
    .select(['item_id', sql<number>`sum(weight) + 8 * count(*)`.as('score')])
    .where('term', 'in', f.terms.length ? f.terms : [''])
    .groupBy('item_id');
  // pinyin initials: a name starting with them scores like a whole name word, one containing them less
  const initialsBonus = f.initials
    ? sql<number>`case when c.initials like ${`${f.initials}%`} then 24 when c.initials like ${`%${f.initials}%`} then 12 else 0 end`
    : sql<number>`0`;
  const scored = q
    .leftJoin(termScores.as('t'), 't.item_id', 'c.item_id')
    .where((eb) =>
      f.initials
        ? eb.or([eb('t.score', 'is not', null), eb('c.initials', 'like', `%${f.initials}%`)])
        : eb('t.score', 'is not', null),
    );
  const total = await scored.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const score = sql<number>`coalesce(t.score, 0) + ${initialsBonus}`;
  const rows = await scored
    .selectAll('c')
    .select(score.as('score'))
    .orderBy(score, 'desc')
    .orderBy('c.name')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows: rows.map((r) => ({ ...r, score: Number(r.score) })), total: Number(total.n) };
}

/** Departments, life events and sites of the published catalogue, with their item counts. */
export async function facets(db: Db) {
  const departments = await db
    .selectFrom('svc_catalogue')
    .select(['department_id', 'department_name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['department_id', 'department_name'])
    .orderBy('department_name')
    .execute();
  const lifeEvents = await db
    .selectFrom('svc_item_life_events')
    .select(['life_event', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('life_event')
    .execute();
  const sites = await db
    .selectFrom('svc_site_items as s')
    .innerJoin('svc_sites as x', 'x.id', 's.site_id')
    .select(['x.id', 'x.name', 'x.code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['x.id', 'x.name', 'x.code'])
    .orderBy('x.code')
    .execute();
  return { departments, lifeEvents, sites };
}
