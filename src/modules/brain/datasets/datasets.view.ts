/** Dataset rows → contract responses. */
import type { Static } from '@sinclair/typebox';
import type { Dataset, DatasetRow as RowView, DatasetVersion, Provenance } from './datasets.contract';
import type { DatasetRow, StoredRow, VersionRow } from './datasets.repo';
import type { Cadence, DataRecord, DatasetSchemaDef } from './model/schema';

export const schemaOf = (r: { schema: string }): DatasetSchemaDef => JSON.parse(r.schema) as DatasetSchemaDef;
export const valuesOf = (r: StoredRow): DataRecord => JSON.parse(r.data) as DataRecord;

export function datasetView(d: DatasetRow, ownerName: string): Static<typeof Dataset> {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    description: d.description,
    ownerOrgId: d.owner_org_id,
    ownerName,
    cadence: d.cadence as Cadence,
    schema: schemaOf(d),
    version: Number(d.version),
    rowCount: Number(d.row_count),
    lastUpdatedAt: d.last_updated_at === null ? null : Number(d.last_updated_at),
    createdAt: Number(d.created_at),
    updatedAt: Number(d.updated_at),
  };
}

export function provenanceView(d: DatasetRow, ownerName: string): Static<typeof Provenance> {
  return {
    dataset: d.code,
    name: d.name,
    ownerOrgId: d.owner_org_id,
    ownerName,
    cadence: d.cadence as Cadence,
    version: Number(d.version),
    lastUpdatedAt: d.last_updated_at === null ? null : Number(d.last_updated_at),
    lastUpdatedBy: d.last_updated_by,
  };
}

export const versionView = (v: VersionRow): Static<typeof DatasetVersion> => ({
  version: Number(v.version),
  source: v.source as 'upload' | 'push',
  fileName: v.file_name,
  uploadedBy: v.uploaded_by,
  uploadedByName: v.uploaded_by_name,
  uploadedAt: Number(v.uploaded_at),
  rowCount: Number(v.row_count),
});

export const rowView = (r: StoredRow): Static<typeof RowView> => ({
  rowNo: Number(r.row_no),
  community: r.community,
  period: r.period,
  values: valuesOf(r),
});
