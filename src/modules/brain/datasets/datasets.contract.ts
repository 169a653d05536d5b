/**
 * 部门数据 department datasets of the city brain: requests and responses. Imports only TypeBox and
 * the platform's contract blocks (the web imports it).
 */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';

export const COLUMN_TYPES = ['number', 'text', 'date'] as const;
export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
export const VERSION_SOURCES = ['upload', 'push'] as const;
export const PUSH_MODES = ['replace', 'merge'] as const;
/** Rows one version may hold (a file or a push). */
export const DATASET_MAX_ROWS = 20_000;
export const DATASET_MAX_COLUMNS = 50;

const Code = T.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const ColumnName = T.String({ minLength: 1, maxLength: 64 });

export const DatasetColumn = T.Object(
  {
    name: ColumnName,
    /** the header a department's spreadsheet uses (Chinese), read as well as the name */
    label: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 100 }))),
    type: OneOf(COLUMN_TYPES),
    /** e.g. 人, 万元, μg/m³; a cell or header naming another unit is refused */
    unit: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 20 }))),
    required: T.Optional(T.Boolean()),
  },
  { additionalProperties: false },
);

export const DatasetSchema = T.Object(
  {
    columns: T.Array(DatasetColumn, { minItems: 1, maxItems: DATASET_MAX_COLUMNS }),
    /** the column that places a row in a community (a community code or name) */
    communityColumn: Nullable(ColumnName),
    /** the column that says which period a row is for (a date, a month, a quarter, a year) */
    periodColumn: Nullable(ColumnName),
    /** the column that identifies a row across versions (for the diff and merge pushes); unique per version */
    keyColumn: Nullable(ColumnName),
  },
  { additionalProperties: false },
);

export const DatasetParams = T.Object({ code: Code });
export const VersionParams = T.Object({ code: Code, version: T.Integer({ minimum: 1, maximum: 1_000_000 }) });

export const CreateDatasetBody = T.Object(
  {
    code: Code,
    name: T.String({ minLength: 1, maxLength: 100 }),
    /** the owner department: an organisation id */
    ownerOrgId: T.String({ minLength: 1, maxLength: 64 }),
    cadence: OneOf(CADENCES),
    description: T.Optional(Nullable(T.String({ maxLength: 1000 }))),
    schema: DatasetSchema,
  },
  { additionalProperties: false },
);

export const UpdateDatasetBody = T.Object(
  {
    name: T.Optional(T.String({ minLength: 1, maxLength: 100 })),
    ownerOrgId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    cadence: T.Optional(OneOf(CADENCES)),
    description: T.Optional(Nullable(T.String({ maxLength: 1000 }))),
    schema: T.Optional(DatasetSchema),
  },
  { additionalProperties: false },
);

/** Where a figure comes from: shown beside every figure that uses the dataset. */
export const Provenance = T.Object({
  dataset: T.String(),
  name: T.String(),
  ownerOrgId: T.String(),
  ownerName: T.String(),
  cadence: OneOf(CADENCES),
  /** the current version (0: nothing published yet) */
  version: T.Integer(),
  lastUpdatedAt: Nullable(At),
  lastUpdatedBy: MaybeString,
});

export const Dataset = T.Object({
  id: T.String(),
  code: T.String(),
  name: T.String(),
  description: MaybeString,
  ownerOrgId: T.String(),
  ownerName: T.String(),
  cadence: OneOf(CADENCES),
  schema: DatasetSchema,
  version: T.Integer(),
  rowCount: T.Integer(),
  lastUpdatedAt: Nullable(At),
  createdAt: At,
  updatedAt: At,
});
export const DatasetList = Items(Dataset);

export const DatasetVersion = T.Object({
  version: T.Integer(),
  source: OneOf(VERSION_SOURCES),
  fileName: MaybeString,
  uploadedBy: MaybeString,
  uploadedByName: MaybeString,
  uploadedAt: At,
  rowCount: T.Integer(),
});
export const VersionList = Items(DatasetVersion);

const Cell = T.Union([T.Number(), T.String({ maxLength: 1000 }), T.Null()]);
export const DatasetRecord = T.Record(T.String(), Cell);

export const PushBody = T.Object(
  {
    rows: T.Array(DatasetRecord, { minItems: 1, maxItems: DATASET_MAX_ROWS }),
    /** replace (default): the rows are the new version; merge: they replace the rows of the same key, the others are kept */
    mode: T.Optional(OneOf(PUSH_MODES)),
  },
  { additionalProperties: false },
);

export const RowsQuery = T.Object(
  {
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 1000 })),
    after: T.Optional(T.Integer({ minimum: 0, maximum: DATASET_MAX_ROWS * 2 })),
  },
  { additionalProperties: false },
);
export const DatasetRow = T.Object({
  rowNo: T.Integer(),
  community: MaybeString,
  period: MaybeString,
  values: DatasetRecord,
});
export const RowPage = T.Object({ items: T.Array(DatasetRow), next: MaybeNumber });

export const DiffChange = T.Object({
  key: T.String(),
  columns: T.Array(T.String()),
  before: DatasetRecord,
  after: DatasetRecord,
});
export const VersionDiff = T.Object({
  version: T.Integer(),
  /** the version compared with (null: the first version, every row added) */
  previous: MaybeNumber,
  keyColumn: MaybeString,
  added: T.Array(DatasetRecord),
  removed: T.Array(DatasetRecord),
  changed: T.Array(DiffChange),
  unchanged: T.Integer(),
});

export const AggregateQuery = T.Object(
  {
    version: T.Optional(T.Integer({ minimum: 1, maximum: 1_000_000 })),
    community: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    period: T.Optional(T.String({ minLength: 1, maxLength: 16 })),
  },
  { additionalProperties: false },
);
export const AggregateCell = T.Object({
  community: MaybeString,
  period: MaybeString,
  rows: T.Integer(),
  /** per number column: sum, and the rows that had a value */
  sums: T.Record(T.String(), T.Number()),
  counts: T.Record(T.String(), T.Integer()),
});
export const Aggregates = T.Object({
  version: T.Integer(),
  units: T.Record(T.String(), MaybeString),
  items: T.Array(AggregateCell),
  provenance: Provenance,
});

export const UploadResult = T.Object({
  version: T.Integer(),
  rowCount: T.Integer(),
  added: T.Integer(),
  removed: T.Integer(),
  changed: T.Integer(),
});
