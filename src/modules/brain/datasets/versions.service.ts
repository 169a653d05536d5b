/**
 * Versions of a dataset: an uploaded spreadsheet (.xlsx / CSV in UTF-8 or GBK) or pushed JSON rows
 * are checked against the schema — any problem and nothing changes: 400 invalid_import with every
 * row and column — then stored as the next version, with its diff to the previous one, in one
 * transaction with its audit row and event. Diffs and aggregates are computed from the raw rows.
 */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { Principal } from '../../../platform/auth/principal';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, forbidden } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { readSheet } from '../../../platform/sheet';
import { type BrainDeps, loadLookups } from '../video/lookups';
import { DATASET_MAX_ROWS, type PushBody } from './datasets.contract';
import {
  type DatasetRow,
  findDatasetById,
  findVersion,
  insertDatasetRows,
  insertVersion,
  updateDataset,
  versionRows,
} from './datasets.repo';
import { DATASET_ENTITY, DATASET_EVENTS, type Datasets } from './datasets.service';
import { schemaOf, valuesOf } from './datasets.view';
import { type AggregateFilter, aggregate } from './model/aggregate';
import { diffRows, mergeRows } from './model/diff';
import type { Cadence } from './model/schema';
import { type Checked, type CheckedRow, checkRecords, checkSheet } from './model/validate';

export interface PublishResult {
  version: number;
  rowCount: number;
  added: number;
  removed: number;
  changed: number;
}

function refuse(checked: Checked): never {
  const n = checked.errors.length;
  throw badRequest('invalid_import', `${n} 处错误，未导入任何数据 / ${n} problems: nothing was imported`, {
    errors: checked.errors.slice(0, 500),
    total: n,
  });
}

export class DatasetVersions {
  constructor(
    private p: PlatformContext,
    private deps: BrainDeps,
    private datasets: Datasets,
  ) {}

  private async communityLookup() {
    const look = await loadLookups(this.deps);
    return { community: look.community };
  }

  /** Admins (street-wide) and the owner department's own staff upload. */
  private async mayUpload(pr: Principal, d: DatasetRow): Promise<void> {
    if (pr.allScope || pr.kind === 'apikey') return;
    const owner = (await this.datasets.orgs()).get(d.owner_org_id);
    if (owner && pr.orgPath?.startsWith(owner.path)) return;
    throw forbidden('只有数据集的所属部门可以上传 / only the owner department uploads this dataset');
  }

  async upload(pr: Principal, ctx: AuditContext, code: string, data: Buffer, fileName: string): Promise<PublishResult> {
    const d = await this.datasets.get(code);
    await this.mayUpload(pr, d);
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(data, DATASET_MAX_ROWS);
    } catch (e) {
      throw badRequest('unreadable_file', (e as Error).message);
    }
    if (sheet.length > DATASET_MAX_ROWS + 1)
      throw badRequest('too_many_rows', `一次最多 ${DATASET_MAX_ROWS} 行 / at most ${DATASET_MAX_ROWS} rows`);
    const checked = checkSheet(sheet, schemaOf(d), d.cadence as Cadence, await this.communityLookup());
    if (checked.errors.length) refuse(checked);
    return this.publish(ctx, d.id, d.schema, checked.rows, 'upload', fileName.slice(0, 200), 'replace');
  }

  async push(ctx: AuditContext, code: string, body: Static<typeof PushBody>): Promise<PublishResult> {
    const d = await this.datasets.get(code);
    const schema = schemaOf(d);
    const mode = body.mode ?? 'replace';
    if (mode === 'merge' && !schema.keyColumn)
      throw badRequest(
        'no_key_column',
        '合并推送需要数据集有主键列 / a merge push needs the dataset to have a key column',
      );
    const checked = checkRecords(body.rows, schema, d.cadence as Cadence, await this.communityLookup());
    if (checked.errors.length) refuse(checked);
    return this.publish(ctx, d.id, d.schema, checked.rows, 'push', null, mode);
  }

  /** Writes the next version: the dataset row is read again in the transaction (its version number is the lock). */
  private publish(
    ctx: AuditContext,
    datasetId: string,
    schemaText: string,
    checked: CheckedRow[],
    source: 'upload' | 'push',
    fileName: string | null,
    mode: 'replace' | 'merge',
  ): Promise<PublishResult> {
    return this.p.transact(ctx, async (w) => {
      const d = await findDatasetById(w.trx, datasetId);
      if (!d) throw badRequest('dataset_gone', '数据集已不存在 / the dataset no longer exists');
      if (d.schema !== schemaText)
        throw badRequest('schema_changed', '数据集结构刚被修改，请重试 / the schema changed meanwhile: try again');
      const schema = schemaOf(d);
      const prevVersion = Number(d.version) ? await findVersion(w.trx, d.id, Number(d.version)) : undefined;
      const prev = prevVersion
        ? (await versionRows(w.trx, prevVersion.id)).map((r) => ({
            values: valuesOf(r),
            community: r.community,
            period: r.period,
          }))
        : [];
      let rows: Array<{ values: CheckedRow['values']; community: string | null; period: string | null }> = checked;
      if (mode === 'merge') rows = mergeRows(prev, checked, schema.keyColumn!);
      if (rows.length > DATASET_MAX_ROWS)
        throw badRequest('too_many_rows', `一个版本最多 ${DATASET_MAX_ROWS} 行 / at most ${DATASET_MAX_ROWS} rows`);
      const diff = diffRows(
        prev.map((r) => r.values),
        rows.map((r) => r.values),
        schema.keyColumn,
      );
      const version = Number(d.version) + 1;
      const versionId = newId(w.now);
      await insertVersion(w.trx, {
        id: versionId,
        dataset_id: d.id,
        version,
        source,
        file_name: fileName,
        uploaded_by: ctx.actorId,
        uploaded_by_name: ctx.actorName,
        uploaded_at: w.now,
        row_count: rows.length,
        schema: d.schema,
      });
      await insertDatasetRows(
        w.trx,
        rows.map((r, i) => ({
          version_id: versionId,
          row_no: i + 1,
          dataset_id: d.id,
          data: JSON.stringify(r.values),
          community: r.community,
          period: r.period,
        })),
      );
      await updateDataset(w.trx, d.id, {
        version,
        row_count: rows.length,
        last_updated_at: w.now,
        last_updated_by: ctx.actorName,
        updated_at: w.now,
      });
      const out: PublishResult = {
        version,
        rowCount: rows.length,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
      };
      w.audit({
        action: DATASET_EVENTS.published,
        entityType: DATASET_ENTITY,
        entityId: d.id,
        after: { code: d.code, source, fileName, mode, ...out },
      });
      w.emit({
        type: DATASET_EVENTS.published,
        entityType: DATASET_ENTITY,
        entityId: d.id,
        data: { code: d.code, ...out },
      });
      return out;
    });
  }

  /** A version against the one before it (the first version: every row added). */
  async diff(code: string, version: number) {
    const { dataset, version: v } = await this.datasets.version(code, version);
    const keyColumn = schemaOf(v).keyColumn;
    const prevV = version > 1 ? await findVersion(this.p.db, dataset.id, version - 1) : undefined;
    const [next, prev] = await Promise.all([
      versionRows(this.p.db, v.id),
      prevV ? versionRows(this.p.db, prevV.id) : Promise.resolve([]),
    ]);
    // a key column added by a schema edit does not exist in the older rows: compare whole rows then
    const key = prevV && schemaOf(prevV).keyColumn !== keyColumn ? null : keyColumn;
    const d = diffRows(prev.map(valuesOf), next.map(valuesOf), key);
    return { version, previous: prevV ? version - 1 : null, keyColumn: key, ...d };
  }

  /** Row counts and sums of the number columns per community and period, from a version's raw rows. */
  async aggregates(code: string, q: { version?: number } & AggregateFilter) {
    const dataset = await this.datasets.get(code);
    const n = q.version ?? Number(dataset.version);
    const provenance = { dataset, ownerName: await this.datasets.ownerName(dataset) };
    if (n === 0) return { version: 0, units: {}, items: [], ...provenance };
    const { version: v } = await this.datasets.version(code, n);
    const schema = schemaOf(v);
    const numbers = schema.columns.filter((c) => c.type === 'number');
    const rows = (await versionRows(this.p.db, v.id)).map((r) => ({
      community: r.community,
      period: r.period,
      values: valuesOf(r),
    }));
    const filter: AggregateFilter = {};
    if (q.community !== undefined) filter.community = q.community;
    if (q.period !== undefined) filter.period = q.period;
    return {
      version: n,
      units: Object.fromEntries(numbers.map((c) => [c.name, c.unit ?? null])),
      items: aggregate(
        rows,
        numbers.map((c) => c.name),
        filter,
      ),
      ...provenance,
    };
  }
}
