/** All SQL of the department datasets, their versions and rows; both dialects. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../../platform/db/connect';
import { insertRows } from '../../../platform/db/rows';
import type { DB } from '../../../schema';
import type { BrainTables } from '../tables';

type Db = Kysely<DB> | Tx;
export type DatasetRow = Selectable<BrainTables['brain_datasets']>;
export type VersionRow = Selectable<BrainTables['brain_dataset_versions']>;
export type StoredRow = Selectable<BrainTables['brain_dataset_rows']>;

export const listDatasets = (db: Db) => db.selectFrom('brain_datasets').selectAll().orderBy('code').execute();

export const findDataset = (db: Db, code: string) =>
  db.selectFrom('brain_datasets').selectAll().where('code', '=', code).executeTakeFirst();

export const insertDataset = (db: Db, row: Insertable<BrainTables['brain_datasets']>) =>
  db.insertInto('brain_datasets').values(row).execute();

export const updateDataset = (db: Db, id: string, set: Updateable<BrainTables['brain_datasets']>) =>
  db.updateTable('brain_datasets').set(set).where('id', '=', id).execute();

export const listVersions = (db: Db, datasetId: string) =>
  db
    .selectFrom('brain_dataset_versions')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (db: Db, datasetId: string, version: number) =>
  db
    .selectFrom('brain_dataset_versions')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('version', '=', version)
    .executeTakeFirst();

export const insertVersion = (db: Db, row: Insertable<BrainTables['brain_dataset_versions']>) =>
  db.insertInto('brain_dataset_versions').values(row).execute();

export const insertDatasetRows = (db: Db, rows: ReadonlyArray<Insertable<BrainTables['brain_dataset_rows']>>) =>
  insertRows(db, 'brain_dataset_rows', rows);

/** Every row of a version, in row order. */
export const versionRows = (db: Db, versionId: string) =>
  db.selectFrom('brain_dataset_rows').selectAll().where('version_id', '=', versionId).orderBy('row_no').execute();

/** A page of a version's rows after a row number. */
export const versionRowPage = (db: Db, versionId: string, after: number, limit: number) =>
  db
    .selectFrom('brain_dataset_rows')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('row_no', '>', after)
    .orderBy('row_no')
    .limit(limit)
    .execute();

export const findDatasetById = (db: Db, id: string) =>
  db.selectFrom('brain_datasets').selectAll().where('id', '=', id).executeTakeFirst();
