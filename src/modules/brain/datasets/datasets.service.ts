/**
 * Department datasets: admins define and edit a dataset (its schema, owner department, cadence);
 * everyone with brain.datasets.read lists them, their versions and rows, with provenance.
 * One transaction per change, with its audit row and event.
 */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { BrainDeps } from '../video/lookups';
import type { CreateDatasetBody, UpdateDatasetBody } from './datasets.contract';
import {
  type DatasetRow,
  findDataset,
  findVersion,
  insertDataset,
  listDatasets,
  listVersions,
  updateDataset,
  type VersionRow,
  versionRowPage,
} from './datasets.repo';
import { checkSchema, type DatasetSchemaDef } from './model/schema';

export const DATASET_ENTITY = 'brain_dataset';
export const DATASET_EVENTS = {
  /** defined or edited: data { code, action } */
  changed: 'brain.dataset.changed',
  /** a new version: data { code, version, rowCount, added, removed, changed } */
  published: 'brain.dataset.published',
} as const;

export interface OrgInfo {
  id: string;
  name: string;
  path: string;
}

export class Datasets {
  constructor(
    private p: PlatformContext,
    private deps: BrainDeps,
  ) {}

  async orgs(): Promise<Map<string, OrgInfo>> {
    return new Map((await this.deps.directory.orgs()).map((o) => [o.id, { id: o.id, name: o.name, path: o.path }]));
  }

  async ownerName(d: DatasetRow): Promise<string> {
    return (await this.orgs()).get(d.owner_org_id)?.name ?? d.owner_org_id;
  }

  list(): Promise<DatasetRow[]> {
    return listDatasets(this.p.db);
  }

  async get(code: string): Promise<DatasetRow> {
    const d = await findDataset(this.p.db, code);
    if (!d) throw notFound(`dataset ${code}`);
    return d;
  }

  async version(code: string, version: number): Promise<{ dataset: DatasetRow; version: VersionRow }> {
    const dataset = await this.get(code);
    const v = await findVersion(this.p.db, dataset.id, version);
    if (!v) throw notFound(`dataset ${code} version ${version}`);
    return { dataset, version: v };
  }

  async versions(code: string): Promise<VersionRow[]> {
    return listVersions(this.p.db, (await this.get(code)).id);
  }

  async rows(code: string, version: number, after: number, limit: number) {
    const v = await this.version(code, version);
    const items = await versionRowPage(this.p.db, v.version.id, after, limit);
    return { items, next: items.length === limit ? Number(items[items.length - 1]!.row_no) : null };
  }

  private async checkOwner(ownerOrgId: string): Promise<void> {
    if (!(await this.orgs()).has(ownerOrgId))
      throw badRequest('unknown_org', `组织 ${ownerOrgId} 不存在 / organisation ${ownerOrgId} does not exist`);
  }

  private checkSchema(s: DatasetSchemaDef): void {
    const problems = checkSchema(s);
    if (problems.length)
      throw badRequest(
        'invalid_schema',
        `数据集结构有 ${problems.length} 处错误 / the schema has ${problems.length} problems`,
        {
          errors: problems,
        },
      );
  }

  async create(ctx: AuditContext, body: Static<typeof CreateDatasetBody>): Promise<DatasetRow> {
    this.checkSchema(body.schema);
    await this.checkOwner(body.ownerOrgId);
    return this.p.transact(ctx, async (w) => {
      if (await findDataset(w.trx, body.code))
        throw conflict('dataset_exists', `数据集 ${body.code} 已存在 / dataset ${body.code} exists`);
      const row: DatasetRow = {
        id: newId(),
        code: body.code,
        name: body.name,
        description: body.description ?? null,
        owner_org_id: body.ownerOrgId,
        cadence: body.cadence,
        schema: JSON.stringify(body.schema),
        version: 0,
        row_count: 0,
        last_updated_at: null,
        last_updated_by: null,
        created_at: w.now,
        updated_at: w.now,
      };
      await insertDataset(w.trx, row);
      w.audit({ action: DATASET_EVENTS.changed, entityType: DATASET_ENTITY, entityId: row.id, after: row });
      w.emit({
        type: DATASET_EVENTS.changed,
        entityType: DATASET_ENTITY,
        entityId: row.id,
        data: { code: row.code, action: 'created' },
      });
      return row;
    });
  }

  /** A new schema applies to the versions to come; the versions kept stay as they were checked. */
  async update(ctx: AuditContext, code: string, body: Static<typeof UpdateDatasetBody>): Promise<DatasetRow> {
    if (body.schema) this.checkSchema(body.schema);
    if (body.ownerOrgId) await this.checkOwner(body.ownerOrgId);
    return this.p.transact(ctx, async (w) => {
      const cur = await findDataset(w.trx, code);
      if (!cur) throw notFound(`dataset ${code}`);
      const next: DatasetRow = {
        ...cur,
        name: body.name ?? cur.name,
        description: body.description === undefined ? cur.description : body.description,
        owner_org_id: body.ownerOrgId ?? cur.owner_org_id,
        cadence: body.cadence ?? cur.cadence,
        schema: body.schema ? JSON.stringify(body.schema) : cur.schema,
        updated_at: w.now,
      };
      const { id: _id, ...set } = next;
      await updateDataset(w.trx, cur.id, set);
      w.audit({
        action: DATASET_EVENTS.changed,
        entityType: DATASET_ENTITY,
        entityId: cur.id,
        before: cur,
        after: next,
      });
      w.emit({
        type: DATASET_EVENTS.changed,
        entityType: DATASET_ENTITY,
        entityId: cur.id,
        data: { code, action: 'updated' },
      });
      return next;
    });
  }
}
