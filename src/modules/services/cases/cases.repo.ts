/** All SQL of the cases tables, both dialects. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DialectName, Tx } from '../../../platform/db/connect';
import type { DB } from '../../../schema';
import type { CasesTables } from './cases.tables';

type Db = Kysely<DB> | Tx;
export type CaseRecord = Selectable<CasesTables['svc_cases']>;
export type StepRecordRow = Selectable<CasesTables['svc_case_steps']>;
export type MaterialRow = Selectable<CasesTables['svc_case_materials']>;
export type PartRow = Selectable<CasesTables['svc_case_parts']>;
export type PauseRow = Selectable<CasesTables['svc_case_pauses']>;

export interface CaseRows {
  row: CaseRecord;
  parts: PartRow[];
  pauses: PauseRow[];
  materials: MaterialRow[];
}

export const findCase = (db: Db, id: string) =>
  db.selectFrom('svc_cases').selectAll().where('id', '=', id).executeTakeFirst();
export const findCaseByNumber = (db: Db, number: string) =>
  db.selectFrom('svc_cases').selectAll().where('number', '=', number).executeTakeFirst();

async function children(db: Db, row: CaseRecord): Promise<CaseRows> {
  const [parts, pauses, materials] = await Promise.all([
    db.selectFrom('svc_case_parts').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
    db.selectFrom('svc_case_pauses').selectAll().where('case_id', '=', row.id).orderBy('seq').execute(),
    db.selectFrom('svc_case_materials').selectAll().where('case_id', '=', row.id).orderBy('material_id').execute(),
  ]);
  return { row, parts, pauses, materials };
}

export async function loadCase(db: Db, id: string): Promise<CaseRows | null> {
  const row = await findCase(db, id);
  return row ? children(db, row) : null;
}

/** The case row locked for a change (FOR UPDATE on PostgreSQL; SQLite's writer lock serialises anyway). */
export async function lockCase(trx: Tx, id: string, dialect: DialectName): Promise<CaseRows | null> {
  const q = trx.selectFrom('svc_cases').selectAll().where('id', '=', id);
  const row = await (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  if (!row) return null;
  // children read one after another: a transaction's connection runs one query at a time
  const parts = await trx.selectFrom('svc_case_parts').selectAll().where('case_id', '=', id).orderBy('id').execute();
  const pauses = await trx.selectFrom('svc_case_pauses').selectAll().where('case_id', '=', id).orderBy('seq').execute();
  const materials = await trx
    .selectFrom('svc_case_materials')
    .selectAll()
    .where('case_id', '=', id)
    .orderBy('material_id')
    .execute();
  return { row, parts, pauses, materials };
}

export const insertCase = (trx: Tx, row: Insertable<CasesTables['svc_cases']>) =>
  trx.insertInto('svc_cases').values(row).execute();
export const updateCase = (trx: Tx, id: string, patch: Updateable<CasesTables['svc_cases']>) =>
  trx.updateTable('svc_cases').set(patch).where('id', '=', id).execute();

export async function insertMaterials(trx: Tx, rows: Insertable<CasesTables['svc_case_materials']>[]) {
  if (rows.length) await trx.insertInto('svc_case_materials').values(rows).execute();
}
export async function replaceMaterials(trx: Tx, caseId: string, rows: Insertable<CasesTables['svc_case_materials']>[]) {
  await trx.deleteFrom('svc_case_materials').where('case_id', '=', caseId).execute();
  await insertMaterials(trx, rows);
}
export const setMaterial = (
  trx: Tx,
  caseId: string,
  materialId: string,
  patch: Updateable<CasesTables['svc_case_materials']>,
) =>
  trx
    .updateTable('svc_case_materials')
    .set(patch)
    .where('case_id', '=', caseId)
    .where('material_id', '=', materialId)
    .execute();

export async function insertParts(trx: Tx, rows: Insertable<CasesTables['svc_case_parts']>[]) {
  if (rows.length) await trx.insertInto('svc_case_parts').values(rows).execute();
}
export const updatePart = (trx: Tx, id: string, patch: Updateable<CasesTables['svc_case_parts']>) =>
  trx.updateTable('svc_case_parts').set(patch).where('id', '=', id).execute();

export async function replacePauses(trx: Tx, caseId: string, rows: Insertable<CasesTables['svc_case_pauses']>[]) {
  await trx.deleteFrom('svc_case_pauses').where('case_id', '=', caseId).execute();
  if (rows.length) await trx.insertInto('svc_case_pauses').values(rows).execute();
}

export const insertStep = (trx: Tx, row: Insertable<CasesTables['svc_case_steps']>) =>
  trx.insertInto('svc_case_steps').values(row).execute();
export async function nextStepSeq(trx: Tx, caseId: string): Promise<number> {
  const r = await trx
    .selectFrom('svc_case_steps')
    .select((e) => e.fn.max<number>('seq').as('m'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}
export const stepsOf = (db: Db, caseId: string) =>
  db.selectFrom('svc_case_steps').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

/**
 * The next number of a code and day: one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING),
 * so concurrent submissions on either engine never get the same sequence.
 */
export async function nextSequence(trx: Tx, code: string, day: string): Promise<number> {
  const r = await trx
    .insertInto('svc_case_numbers')
    .values({ code, day, last: 1 })
    .onConflict((oc) => oc.columns(['code', 'day']).doUpdateSet({ last: sql`svc_case_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

export interface CaseListFilter {
  siteIds?: readonly string[];
  /** A department's queue: cases it leads or holds an open 联办 part of. */
  departmentIds?: readonly string[];
  applicantUserId?: string;
  states?: readonly string[];
  itemId?: string;
  number?: string;
  idNo?: string;
  /** Open cases late at `now` / due soon at `now` (by the planned clock). */
  overdueAt?: number;
  dueSoonAt?: number;
  limit: number;
  offset: number;
}

export async function listCases(db: Db, f: CaseListFilter): Promise<{ rows: CaseRecord[]; total: number }> {
  let q = db.selectFrom('svc_cases');
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds.length ? [...f.siteIds] : ['']);
  if (f.departmentIds) {
    const ids = f.departmentIds.length ? [...f.departmentIds] : [''];
    q = q.where((e) =>
      e.or([
        e('department_id', 'in', ids),
        e.exists(
          e
            .selectFrom('svc_case_parts as p')
            .select('p.id')
            .whereRef('p.case_id', '=', 'svc_cases.id')
            .where('p.department_id', 'in', ids),
        ),
      ]),
    );
  }
  if (f.applicantUserId !== undefined)
    q = q.where((e) =>
      e.or([e('applicant_user_id', '=', f.applicantUserId!), e('agent_user_id', '=', f.applicantUserId!)]),
    );
  if (f.states?.length) q = q.where('state', 'in', [...f.states]);
  if (f.itemId) q = q.where('item_id', '=', f.itemId);
  if (f.number) q = q.where('number', '=', f.number);
  if (f.idNo) q = q.where('applicant_id_no', '=', f.idNo);
  if (f.overdueAt !== undefined) q = q.where('state', '=', 'accepted').where('due_at', '<=', f.overdueAt);
  if (f.dueSoonAt !== undefined)
    q = q.where('state', '=', 'accepted').where('due_soon_at', '<=', f.dueSoonAt).where('due_at', '>', f.dueSoonAt);
  const total = await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

/** Materials not marked otherwise count as provided once the application is handed in. */
export const provideOpenMaterials = (trx: Tx, caseId: string, now: number) =>
  trx
    .updateTable('svc_case_materials')
    .set({ status: 'provided', updated_at: now })
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'returned'])
    .execute();
