/** 一网通办 catalogue: the item guide (national elements, situations, materials), search and versions. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, MaybeAt, MaybeString, OneOf } from '../../../platform/contract';

export const ITEM_LEVELS = ['main', 'sub', 'task'] as const;
export const ITEM_LEVEL_LABELS: Record<(typeof ITEM_LEVELS)[number], string> = {
  main: '主项',
  sub: '子项',
  task: '业务办理项',
};
export const ITEM_TYPES = [
  'licensing',
  'confirmation',
  'benefit',
  'adjudication',
  'inspection',
  'levy',
  'reward',
  'other_power',
  'public_service',
] as const;
export const ITEM_TYPE_LABELS: Record<(typeof ITEM_TYPES)[number], string> = {
  licensing: '行政许可',
  confirmation: '行政确认',
  benefit: '行政给付',
  adjudication: '行政裁决',
  inspection: '行政检查',
  levy: '行政征收',
  reward: '行政奖励',
  other_power: '其他行政权力',
  public_service: '公共服务',
};
export const CASE_TYPES = ['immediate', 'promised', 'joint', 'reported'] as const;
export const CASE_TYPE_LABELS: Record<(typeof CASE_TYPES)[number], string> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  reported: '上报件',
};
export const EXERCISE_LEVELS = ['national', 'provincial', 'city', 'county', 'town', 'village'] as const;
export const EXERCISE_LEVEL_LABELS: Record<(typeof EXERCISE_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '县级',
  town: '乡镇（街道）级',
  village: '村（社区）级',
};
/** 网上办理深度: from information only to fully online (全程网办: no visit). */
export const ONLINE_DEPTHS = ['offline', 'info', 'pre_review', 'online_accept', 'full_online'] as const;
export const ONLINE_DEPTH_LABELS: Record<(typeof ONLINE_DEPTHS)[number], string> = {
  offline: '线下办理',
  info: '网上咨询（一级）',
  pre_review: '网上预审（二级）',
  online_accept: '网上受理（三级）',
  full_online: '全程网办（四级）',
};
export const LIFE_EVENTS = [
  'birth',
  'education',
  'employment',
  'marriage',
  'housing',
  'business',
  'construction',
  'social_security',
  'medical',
  'retirement',
  'disability',
  'veterans',
  'assistance',
  'residence',
  'death',
] as const;
export const LIFE_EVENT_LABELS: Record<(typeof LIFE_EVENTS)[number], string> = {
  birth: '出生',
  education: '入学教育',
  employment: '就业创业',
  marriage: '婚姻家庭',
  housing: '住房置业',
  business: '开办企业',
  construction: '工程建设',
  social_security: '社会保障',
  medical: '医疗健康',
  retirement: '退休养老',
  disability: '助残服务',
  veterans: '退役军人',
  assistance: '社会救助',
  residence: '户籍居住',
  death: '身后事',
};
export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy'] as const;
export const MATERIAL_FORM_LABELS: Record<(typeof MATERIAL_FORMS)[number], string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件和复印件',
};
/** Where a material comes from: the applicant, an electronic licence on file, or a 告知承诺 (GB/T 36901 trust level D). */
export const MATERIAL_SOURCES = ['applicant', 'licence', 'promise'] as const;
export const MATERIAL_SOURCE_LABELS: Record<(typeof MATERIAL_SOURCES)[number], string> = {
  applicant: '申请人自备',
  licence: '电子证照',
  promise: '告知承诺',
};
export const ITEM_STATUSES = ['draft', 'published', 'withdrawn'] as const;

const Key = T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });
const Text = (maxLength: number) => T.String({ minLength: 1, maxLength });
const Phone = T.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+()\\- ,，/转]+$' });
const Days = T.Integer({ minimum: 0, maximum: 3650 });

/** One clause of a condition: the answer to `question` is one of `values` (clauses of a list must all hold). */
export const Clause = T.Object(
  { question: Key, values: T.Array(Key, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);

/** A question of the situation questionnaire (办理情形), shown when its `when` holds. */
export const Question = T.Object(
  {
    key: Key,
    text: Text(200),
    options: T.Array(T.Object({ value: Key, label: Text(100) }, { additionalProperties: false }), {
      minItems: 2,
      maxItems: 20,
    }),
    multiple: T.Optional(T.Boolean()),
    when: T.Optional(T.Array(Clause, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const Material = T.Object(
  {
    key: Key,
    name: Text(200),
    form: OneOf(MATERIAL_FORMS),
    count: T.Integer({ minimum: 1, maximum: 99 }),
    required: T.Boolean(),
    paper: T.Boolean(),
    electronic: T.Boolean(),
    source: OneOf(MATERIAL_SOURCES),
    sampleFileId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    note: T.Optional(Text(500)),
    /** The situation answers that call for it; none: every applicant brings it. */
    when: T.Optional(T.Array(Clause, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const SpecialStep = T.Object(
  { name: Text(100), limitDays: Days, counted: T.Boolean() },
  { additionalProperties: false },
);
export const Fee = T.Object(
  { name: Text(100), amount: T.Number({ minimum: 0, maximum: 10_000_000 }), basis: Text(500) },
  { additionalProperties: false },
);

/** An item's guide: the national elements, its situations and materials. One version of it is immutable once published. */
export const ItemGuide = T.Object(
  {
    level: OneOf(ITEM_LEVELS),
    /** the parent item (主项 of a 子项, 主项 or 子项 of a 业务办理项) */
    parentId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    name: Text(200),
    basicCode: T.String({ minLength: 14, maxLength: 14 }),
    areaCode: T.String({ minLength: 12, maxLength: 12 }),
    taskCode: T.String({ minLength: 3, maxLength: 3 }),
    itemType: OneOf(ITEM_TYPES),
    /** the competent department: an organisation of identity's directory */
    departmentId: T.String({ minLength: 1, maxLength: 64 }),
    implementingBody: Text(200),
    implementingBodyCode: T.String({ minLength: 18, maxLength: 18 }),
    exerciseLevels: T.Array(OneOf(EXERCISE_LEVELS), { minItems: 1, maxItems: 6, uniqueItems: true }),
    legalBasis: Text(4000),
    caseType: OneOf(CASE_TYPES),
    legalLimitDays: Days,
    promisedLimitDays: Days,
    specialSteps: T.Array(SpecialStep, { maxItems: 20 }),
    fees: T.Array(Fee, { maxItems: 20 }),
    onlineDepth: OneOf(ONLINE_DEPTHS),
    visits: T.Integer({ minimum: 0, maximum: 9 }),
    mailable: T.Boolean(),
    consultPhone: Phone,
    complaintPhone: Phone,
    siteIds: T.Array(T.String({ minLength: 1, maxLength: 64 }), { maxItems: 100, uniqueItems: true }),
    lifeEvents: T.Array(OneOf(LIFE_EVENTS), { maxItems: 10, uniqueItems: true }),
    conditions: T.Optional(Text(4000)),
    process: T.Optional(T.Array(Text(200), { maxItems: 30 })),
    questions: T.Array(Question, { maxItems: 20 }),
    materials: T.Array(Material, { maxItems: 80 }),
  },
  { additionalProperties: false },
);
export type ItemGuide = Static<typeof ItemGuide>;
export type GuideQuestion = Static<typeof Question>;
export type GuideMaterial = Static<typeof Material>;

export const PublishBody = T.Object({ note: T.Optional(Text(500)) }, { additionalProperties: false });
export const ItemParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const VersionParams = T.Object(
  { id: T.String({ minLength: 1, maxLength: 64 }), version: T.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);
export const NoQuery = T.Object({}, { additionalProperties: false });

export const VersionSummary = T.Object({
  version: T.Integer(),
  note: MaybeString,
  publishedAt: At,
  publishedBy: MaybeString,
});

/** The admin's view of an item: its draft, status and versions. */
export const Item = T.Object({
  id: T.String(),
  code: T.String(),
  level: OneOf(ITEM_LEVELS),
  parentId: MaybeString,
  name: T.String(),
  departmentId: T.String(),
  status: OneOf(ITEM_STATUSES),
  version: T.Integer(),
  draftDirty: T.Boolean(),
  draft: ItemGuide,
  versions: T.Array(VersionSummary),
  createdAt: At,
  updatedAt: At,
});

export const ItemRow = T.Object({
  id: T.String(),
  code: T.String(),
  level: OneOf(ITEM_LEVELS),
  parentId: MaybeString,
  name: T.String(),
  departmentId: T.String(),
  status: OneOf(ITEM_STATUSES),
  version: T.Integer(),
  draftDirty: T.Boolean(),
  updatedAt: At,
});
export const ItemListQuery = T.Object(
  {
    q: T.Optional(T.String({ minLength: 1, maxLength: 100 })),
    department: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    status: T.Optional(OneOf(ITEM_STATUSES)),
    level: T.Optional(OneOf(ITEM_LEVELS)),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
    offset: T.Optional(T.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export const ItemList = T.Object({ items: T.Array(ItemRow), total: T.Integer() });

/** A published guide (办事指南) as the public reads it: the version's elements plus names. */
export const Guide = T.Object({
  itemId: T.String(),
  code: T.String(),
  version: T.Integer(),
  publishedAt: At,
  withdrawn: T.Boolean(),
  departmentName: T.String(),
  parents: T.Array(T.Object({ id: T.String(), name: T.String(), level: OneOf(ITEM_LEVELS) })),
  sites: T.Array(T.Object({ id: T.String(), name: T.String(), address: T.String() })),
  guide: ItemGuide,
});

export const SearchQuery = T.Object(
  {
    q: T.Optional(T.String({ minLength: 1, maxLength: 100 })),
    department: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    site: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    lifeEvent: T.Optional(OneOf(LIFE_EVENTS)),
    onlineDepth: T.Optional(OneOf(ONLINE_DEPTHS)),
    itemType: T.Optional(OneOf(ITEM_TYPES)),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 100 })),
    offset: T.Optional(T.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export const SearchHit = T.Object({
  itemId: T.String(),
  code: T.String(),
  level: OneOf(ITEM_LEVELS),
  name: T.String(),
  departmentId: T.String(),
  departmentName: T.String(),
  itemType: OneOf(ITEM_TYPES),
  caseType: OneOf(CASE_TYPES),
  onlineDepth: OneOf(ONLINE_DEPTHS),
  visits: T.Integer(),
  mailable: T.Boolean(),
  promisedDays: T.Integer(),
  score: T.Number(),
});
export const SearchResult = T.Object({ items: T.Array(SearchHit), total: T.Integer(), terms: T.Array(T.String()) });

export const CatalogueFilters = T.Object({
  departments: T.Array(T.Object({ id: T.String(), name: T.String(), count: T.Integer() })),
  lifeEvents: T.Array(T.Object({ key: OneOf(LIFE_EVENTS), label: T.String(), count: T.Integer() })),
  sites: T.Array(T.Object({ id: T.String(), name: T.String(), count: T.Integer() })),
});

export const MaterialsBody = T.Object(
  {
    answers: T.Record(
      T.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
      T.Array(Key, { maxItems: 20 }),
      {
        maxProperties: 40,
      },
    ),
  },
  { additionalProperties: false },
);
export const MaterialsResult = T.Object({
  version: T.Integer(),
  /** the questions to show for these answers, in order */
  questions: T.Array(T.String()),
  /** shown questions not yet answered */
  unanswered: T.Array(T.String()),
  materials: T.Array(Material),
});

export const ImportQuery = T.Object(
  { publish: T.Optional(T.Boolean({ description: 'publish each imported item as a new version (default true)' })) },
  { additionalProperties: false },
);
export const ImportResult = T.Object({
  created: T.Integer(),
  updated: T.Integer(),
  unchanged: T.Integer(),
  published: T.Integer(),
});
/** One problem of an import file (in the 400's `details.errors`): sheet, row (1 = header) and column. */
export const ImportError = T.Object({ sheet: T.String(), row: T.Integer(), column: MaybeString, message: T.String() });
export type ImportError = Static<typeof ImportError>;

export const WithdrawResult = T.Object({
  id: T.String(),
  status: OneOf(ITEM_STATUSES),
  deleted: T.Boolean(),
  at: MaybeAt,
});
