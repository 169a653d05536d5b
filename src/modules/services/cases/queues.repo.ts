/** SQL of the queues and the ID-number lookup, both dialects (the case tables are cases.repo.ts's). */
import { sql } from 'kysely';
import type { CaseRecord, CaseRows, PauseRow, PartRow } from './cases.repo';
import type { Db } from './deps';

export interface QueueFilter {
  states: readonly string[];
  siteIds?: readonly string[];
  /** Cases a department leads or holds a 联办 part of. */
  departmentIds?: readonly string[];
  /** The lookup: cases at a site OR of a department in scope (undefined both: street-wide). */
  anyOf?: { siteIds: readonly string[]; departmentIds: readonly string[] };
  idNo?: string;
  itemId?: string;
  overdueAt?: number;
  dueSoonAt?: number;
  /** 'fifo': oldest submission first; 'due': nearest due instant first (paused last); 'recent': newest first. */
  order: 'fifo' | 'due' | 'recent';
  limit: number;
  offset: number;
}

const nonEmpty = (ids: readonly string[]) => (ids.length ? [...ids] : ['']);

export async function listQueue(db: Db, f: QueueFilter): Promise<{ rows: CaseRecord[]; total: number }> {
  let q = db.selectFrom('svc_cases');
  if (f.states.length) q = q.where('state', 'in', [...f.states]);
  if (f.siteIds) q = q.where('site_id', 'in', nonEmpty(f.siteIds));
  const inDepartments = (ids: string[]) =>
    sql<boolean>`(department_id in (${sql.join(ids)}) or exists (select 1 from svc_case_parts p where p.case_id = svc_cases.id and p.department_id in (${sql.join(ids)})))`;
  if (f.departmentIds) q = q.where(inDepartments(nonEmpty(f.departmentIds)));
  if (f.anyOf) {
    const sites = nonEmpty(f.anyOf.siteIds);
    const depts = nonEmpty(f.anyOf.departmentIds);
    q = q.where((e) => e.or([e('site_id', 'in', sites), inDepartments(depts)]));
  }
  if (f.idNo) q = q.where('applicant_id_no', '=', f.idNo);
  if (f.itemId) q = q.where('item_id', '=', f.itemId);
  if (f.overdueAt !== undefined) q = q.where('due_at', '<=', f.overdueAt);
  if (f.dueSoonAt !== undefined) q = q.where('due_soon_at', '<=', f.dueSoonAt).where('due_at', '>', f.dueSoonAt);
  const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = q.selectAll();
  if (f.order === 'fifo') page = page.orderBy('submitted_at').orderBy('id');
  else if (f.order === 'due')
    page = page.orderBy(sql`case when due_at is null then 1 else 0 end`).orderBy('due_at').orderBy('id');
  else page = page.orderBy('id', 'desc');
  const rows = await page.limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

/** The pauses and parts of a page of cases in two queries (what the clocks and step names need). */
export async function withChildren(db: Db, rows: CaseRecord[]): Promise<CaseRows[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [pauses, parts] = await Promise.all([
    db.selectFrom('svc_case_pauses').selectAll().where('case_id', 'in', ids).orderBy('seq').execute(),
    db.selectFrom('svc_case_parts').selectAll().where('case_id', 'in', ids).orderBy('id').execute(),
  ]);
  const by = <T extends { case_id: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.case_id, [...(m.get(x.case_id) ?? []), x]);
    return m;
  };
  const pausesOf = by<PauseRow>(pauses);
  const partsOf = by<PartRow>(parts);
  return rows.map((row) => ({
    row,
    pauses: pausesOf.get(row.id) ?? [],
    parts: partsOf.get(row.id) ?? [],
    materials: [],
  }));
}
