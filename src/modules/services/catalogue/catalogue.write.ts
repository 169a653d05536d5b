/**
 * Saving guides, one or many in one transaction (the editor, the .xlsx import, the demo seed):
 * every check first — the pure rules, then the directory (department, sites), the parent and its
 * codes, the implementation code's uniqueness — and only then the writes, so a batch with one
 * bad guide changes nothing. Publishing writes an immutable version and re-indexes the item.
 */
import type { PlatformContext } from '../../../platform/context';
import type { Tx } from '../../../platform/db/connect';
import type { OrgEntry } from '../../identity';
import { sitesById } from '../sites/sites.repo';
import type { ItemGuide } from './catalogue.contract';
import {
  findItemsByCode,
  findItemsById,
  type ItemRecord,
  insertItems,
  insertVersions,
  updateItem,
} from './catalogue.repo';
import { hierarchyProblem, implementationCode } from './codes';
import { guideProblems } from './guide-check';
import { pinyinInitials } from './search/pinyin';
import { type IndexEntry, index } from './search/search.repo';
import { guideTerms } from './search/terms';

export interface GuideEntry {
  id: string;
  guide: ItemGuide;
}

export interface EntryProblem {
  /** index of the entry in the batch */
  entry: number;
  path: string;
  message: string;
}

export const codeOf = (g: ItemGuide) =>
  implementationCode({
    basicCode: g.basicCode,
    areaCode: g.areaCode,
    taskCode: g.taskCode,
    creditCode: g.implementingBodyCode,
  });

/** Every problem of a batch of guides (ids: existing items are updated, new ids created). */
export async function batchProblems(
  p: PlatformContext,
  entries: readonly GuideEntry[],
  orgs: Map<string, OrgEntry>,
): Promise<{
  problems: EntryProblem[];
  existing: Map<string, ItemRecord>;
  names: Map<string, { name: string; parentId: string | null }>;
}> {
  const problems: EntryProblem[] = [];
  const push = (entry: number, path: string, message: string) => problems.push({ entry, path, message });
  const ids = entries.map((e) => e.id);
  const parentIds = entries.flatMap((e) => (e.guide.parentId ? [e.guide.parentId] : []));
  const known = new Map((await findItemsById(p.db, [...new Set([...ids, ...parentIds])])).map((r) => [r.id, r]));
  const inBatch = new Map(entries.map((e) => [e.id, e.guide]));
  const codes = entries.map((e) => codeOf(e.guide));
  const byCode = new Map((await findItemsByCode(p.db, [...new Set(codes)])).map((r) => [r.code, r.id]));
  const siteIds = [...new Set(entries.flatMap((e) => e.guide.siteIds))];
  const sites = new Set((await sitesById(p.db, siteIds)).map((s) => s.id));
  const seenCodes = new Map<string, number>();
  entries.forEach((e, i) => {
    const g = e.guide;
    for (const pr of guideProblems(g)) push(i, pr.path, pr.message);
    const dept = orgs.get(g.departmentId);
    if (!dept) push(i, 'departmentId', `主管部门 ${g.departmentId} 不存在 / no such department`);
    g.siteIds.forEach((s, k) => {
      if (!sites.has(s)) push(i, `siteIds.${k}`, `办理地点 ${s} 不存在 / no such site`);
    });
    const code = codes[i];
    const owner = byCode.get(code);
    if ((owner && owner !== e.id) || (seenCodes.has(code) && seenCodes.get(code) !== i))
      push(i, 'basicCode', `实施编码 ${code} 已被其他事项使用 / the implementation code is taken`);
    seenCodes.set(code, i);
    const before = known.get(e.id);
    if (before && before.level !== g.level) push(i, 'level', '事项层级不能修改 / an item keeps its level');
    if (g.parentId === e.id) push(i, 'parentId', '上级事项不能是自己 / an item is not its own parent');
    const parentGuide = g.parentId
      ? (inBatch.get(g.parentId) ??
        (known.get(g.parentId) ? (JSON.parse(known.get(g.parentId)!.draft) as ItemGuide) : null))
      : null;
    if (g.parentId && !parentGuide) push(i, 'parentId', `上级事项 ${g.parentId} 不存在 / no such parent item`);
    else {
      const h = hierarchyProblem(g, parentGuide);
      if (h) push(i, g.parentId || g.level !== 'main' ? 'parentId' : 'level', h.message);
    }
  });
  const existing = new Map([...known].filter(([id]) => inBatch.has(id)));
  // the names up the hierarchy (for the search terms): the batch's, then the catalogue's
  const names = new Map<string, { name: string; parentId: string | null }>();
  for (const r of known.values()) names.set(r.id, { name: r.name, parentId: r.parent_id });
  for (const e of entries) names.set(e.id, { name: e.guide.name, parentId: e.guide.parentId ?? null });
  const missing = [...names.values()].flatMap((n) => (n.parentId && !names.has(n.parentId) ? [n.parentId] : []));
  for (const r of await findItemsById(p.db, [...new Set(missing)]))
    names.set(r.id, { name: r.name, parentId: r.parent_id });
  return { problems, existing, names };
}

/** The names of an item's parents, nearest last (at most two levels: 主项 → 子项). */
export function parentNames(
  names: Map<string, { name: string; parentId: string | null }>,
  parentId: string | undefined,
): string[] {
  const out: string[] = [];
  for (let id = parentId ?? null, n = 0; id && n < 2; n++) {
    const it = names.get(id);
    if (!it) break;
    out.unshift(it.name);
    id = it.parentId;
  }
  return out;
}

/** JSON with object keys sorted: two guides are the same whatever order their fields were written in. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export interface WriteResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  published: Array<{ id: string; version: number }>;
}

/**
 * Writes checked entries inside the caller's transaction: new items are created (parents before
 * children: the batch is ordered main → sub → task), changed drafts replaced, and with `publish`
 * every item whose draft differs from its latest version gets a new version and its index rows.
 */
export async function writeEntries(
  w: { trx: Tx; now: number },
  entries: readonly GuideEntry[],
  existing: Map<string, ItemRecord>,
  orgs: Map<string, OrgEntry>,
  opts: {
    publish: boolean;
    always?: boolean;
    note: string | null;
    by: string | null;
    names: Map<string, { name: string; parentId: string | null }>;
  },
): Promise<WriteResult> {
  const rank = { main: 0, sub: 1, task: 2 } as const;
  const ordered = [...entries].sort((a, b) => rank[a.guide.level] - rank[b.guide.level]);
  const result: WriteResult = { created: [], updated: [], unchanged: [], published: [] };
  const inserts: Parameters<typeof insertItems>[1][number][] = [];
  const versions: Parameters<typeof insertVersions>[1][number][] = [];
  const indexed: IndexEntry[] = [];
  for (const e of ordered) {
    const g = e.guide;
    const before = existing.get(e.id);
    const draft = JSON.stringify(g);
    const changed = !before || !same(JSON.parse(before.draft), g);
    const dirty = before ? (changed ? 1 : before.draft_dirty) : 1;
    // a batch publishes what is new or changed; a single publish (`always`) also brings a withdrawn item back
    const publish =
      opts.publish && (dirty === 1 || !before?.version || (opts.always === true && before.status === 'withdrawn'));
    const version = (before?.version ?? 0) + (publish ? 1 : 0);
    const status = publish ? 'published' : (before?.status ?? 'draft');
    const row = {
      code: codeOf(g),
      level: g.level,
      parent_id: g.parentId ?? null,
      name: g.name,
      department_id: g.departmentId,
      status,
      draft,
      draft_dirty: publish ? 0 : dirty,
      version,
      updated_at: w.now,
    };
    if (!before) {
      inserts.push({ id: e.id, ...row, created_at: w.now });
      result.created.push(e.id);
    } else if (changed || publish) {
      await updateItem(w.trx, e.id, row);
      (changed ? result.updated : result.unchanged).push(e.id);
    } else result.unchanged.push(e.id);
    if (publish) {
      versions.push({
        item_id: e.id,
        version,
        guide: draft,
        note: opts.note,
        published_at: w.now,
        published_by: opts.by,
      });
      result.published.push({ id: e.id, version });
      indexed.push(
        indexEntry(e.id, version, g, orgs.get(g.departmentId)?.name ?? '', w.now, parentNames(opts.names, g.parentId)),
      );
    }
  }
  // parents first within one multi-row insert: SQLite and PostgreSQL check the reference per row
  for (const level of ['main', 'sub', 'task'] as const)
    await insertItems(
      w.trx,
      inserts.filter((r) => r.level === level),
    );
  await insertVersions(w.trx, versions);
  await index(w.trx, indexed);
  return result;
}

/** The published catalogue's row and index terms of one version. */
export function indexEntry(
  id: string,
  version: number,
  g: ItemGuide,
  departmentName: string,
  now: number,
  parents: readonly string[] = [],
): IndexEntry {
  return {
    row: {
      item_id: id,
      version,
      code: codeOf(g),
      level: g.level,
      parent_id: g.parentId ?? null,
      name: g.name,
      initials: pinyinInitials(g.name),
      department_id: g.departmentId,
      department_name: departmentName,
      item_type: g.itemType,
      case_type: g.caseType,
      online_depth: g.onlineDepth,
      visits: g.visits,
      mailable: g.mailable ? 1 : 0,
      promised_days: g.promisedLimitDays,
      legal_days: g.legalLimitDays,
      published_at: now,
    },
    terms: guideTerms(g, departmentName, parents),
    siteIds: g.siteIds,
    lifeEvents: g.lifeEvents,
  };
}
