/**
 * The .xlsx layout of the catalogue, after the provincial 事项管理系统 sheets: one sheet of items
 * (one row per 主项 / 子项 / 业务办理项, keyed by 实施编码), one of situation questions and one of
 * materials, each row naming its item's 实施编码. Cells with lists: `、` between values;
 * special steps and fees one per line as `名称｜天数` and `名称｜金额｜依据`; options one per line
 * as `值=说明`; conditions as `问题编码=值1|值2；…`.
 */
import {
  CASE_TYPE_LABELS,
  EXERCISE_LEVEL_LABELS,
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  LIFE_EVENT_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_SOURCE_LABELS,
  ONLINE_DEPTH_LABELS,
} from '../catalogue.contract';

export const SHEETS = { items: '事项目录', questions: '办理情形', materials: '申请材料' } as const;

/** Item sheet: column key → header (the keys are the guide's fields where they are one). */
export const ITEM_COLUMNS = {
  code: '实施编码',
  name: '事项名称',
  level: '事项层级',
  parentCode: '上级事项实施编码',
  basicCode: '基本编码',
  areaCode: '行政区划代码',
  taskCode: '业务办理项编码',
  itemType: '事项类型',
  departmentId: '主管部门',
  implementingBody: '实施主体',
  implementingBodyCode: '实施主体统一社会信用代码',
  exerciseLevels: '行使层级',
  legalBasis: '设定依据',
  caseType: '办件类型',
  legalLimitDays: '法定办结时限（工作日）',
  promisedLimitDays: '承诺办结时限（工作日）',
  specialSteps: '特别程序',
  fees: '收费标准',
  onlineDepth: '网上办理深度',
  visits: '到现场次数',
  mailable: '支持物流快递',
  consultPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  siteIds: '办理地点',
  lifeEvents: '生活事件',
  conditions: '受理条件',
  process: '办理流程',
} as const;
export type ItemColumn = keyof typeof ITEM_COLUMNS;
/** Columns a file must have (the rest may be left out). */
export const REQUIRED_ITEM_COLUMNS: ItemColumn[] = [
  'name',
  'level',
  'basicCode',
  'areaCode',
  'taskCode',
  'itemType',
  'departmentId',
  'implementingBody',
  'implementingBodyCode',
  'caseType',
  'legalLimitDays',
  'promisedLimitDays',
];

export const QUESTION_COLUMNS = {
  item: '实施编码',
  key: '问题编码',
  text: '问题',
  options: '选项',
  multiple: '可多选',
  when: '显示条件',
} as const;
export type QuestionColumn = keyof typeof QUESTION_COLUMNS;

export const MATERIAL_COLUMNS = {
  item: '实施编码',
  key: '材料编码',
  name: '材料名称',
  form: '材料形式',
  count: '份数',
  required: '是否必要',
  paper: '纸质',
  electronic: '电子',
  source: '来源渠道',
  when: '适用情形',
  sampleFileId: '样表文件',
  note: '备注',
} as const;
export type MaterialColumn = keyof typeof MATERIAL_COLUMNS;

/** Enumerations written as their Chinese labels. */
export const LABELS = {
  level: ITEM_LEVEL_LABELS,
  itemType: ITEM_TYPE_LABELS,
  caseType: CASE_TYPE_LABELS,
  exerciseLevels: EXERCISE_LEVEL_LABELS,
  onlineDepth: ONLINE_DEPTH_LABELS,
  lifeEvents: LIFE_EVENT_LABELS,
  form: MATERIAL_FORM_LABELS,
  source: MATERIAL_SOURCE_LABELS,
} as const;

/** label → value (a cell may also hold the value itself). */
export function fromLabel<V extends string>(labels: Record<V, string>, cell: string): V | null {
  for (const [v, l] of Object.entries(labels) as Array<[V, string]>) if (l === cell || v === cell) return v;
  return null;
}

export const YES = '是';
export const NO = '否';
export const LIST_SEP = /[、,，;；\n]+/;
export const PART_SEP = '｜';

/** `q=a|b；q2=c` ⇄ clauses. */
export const formatWhen = (when: ReadonlyArray<{ question: string; values: readonly string[] }> | undefined) =>
  (when ?? []).map((c) => `${c.question}=${c.values.join('|')}`).join('；');

export function parseWhen(cell: string): Array<{ question: string; values: string[] }> | string {
  if (!cell) return [];
  const out: Array<{ question: string; values: string[] }> = [];
  for (const part of cell
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*([A-Za-z0-9_.|-]+)$/.exec(part);
    if (!m) return `条件“${part}”应写作 问题编码=值1|值2 / a condition is key=value1|value2`;
    out.push({ question: m[1], values: m[2].split('|').filter(Boolean) });
  }
  return out;
}
