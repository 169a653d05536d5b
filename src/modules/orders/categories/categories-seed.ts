/**
 * The seed category tree for citizen requests (诉求分类), two or three levels deep, in the
 * style of Guangdong's DB44/T 2479-2024 classification and coding of 12345 requests. Codes
 * are hierarchical, two digits a level (`01` › `0101` › `010101`). The codes and names here
 * are this project's own seed, not a copy of the standard's table; a centre edits its tree.
 *
 * A leaf says what kind of request it usually is, which kind of unit handles it (the place
 * then says which unit of that kind) and its time limits.
 */

import type { DepartmentType, RequestType } from '../contract';

export type { DepartmentType, RequestType };

/** Labels of the contract's kinds of request (every kind needs one). */
export const REQUEST_TYPES: Record<RequestType, string> = {
  complaint: '投诉',
  consultation: '咨询',
  help: '求助',
  suggestion: '建议',
  report: '举报',
  praise: '表扬',
};

/** Kinds of responsible unit, with the Chinese label people see. */
export const DEPARTMENT_TYPES: Record<DepartmentType, string> = {
  urban_management: '城市管理和综合执法',
  environment: '生态环境',
  water: '水务（供水排水）',
  gas: '燃气',
  power: '供电',
  telecom: '通信运营',
  transport: '交通运输',
  housing: '住房城乡建设',
  market: '市场监督管理',
  social_security: '人力资源和社会保障',
  medical_insurance: '医疗保障',
  health: '卫生健康',
  education: '教育',
  public_security: '公安',
  fire: '消防救援',
  emergency: '应急管理',
  civil_affairs: '民政',
  agriculture_water: '农业农村和水利',
  government_services: '政务服务',
  tax: '税务',
  community: '社区（村居）',
  hotline: '热线中心',
};

/**
 * Time limits of a category. `signHours` are working hours (8 to a working day) from
 * dispatch to sign-for; the rest are working days, fractions meaning part of a day
 * (0.5 = within the same half day). The completion limit depends on the order's urgency;
 * an emergency is always closed the same working day.
 */
export interface TimeLimits {
  signHours: number;
  contactDays: number;
  completeDays: { normal: number; urgent: number; emergency: number };
}

/** Limit presets, after published local rules (see shared/reference/work-orders-cn.md). */
export const LIMIT_PRESETS = {
  /** Outages, leaks, people trapped: sign within the hour, fix within hours. */
  outage: { signHours: 1, contactDays: 0.5, completeDays: { normal: 2, urgent: 1, emergency: 0.5 } },
  /** Consultations answered by the unit: three days at most. */
  consultation: { signHours: 4, contactDays: 1, completeDays: { normal: 3, urgent: 2, emergency: 1 } },
  /** Requests for help. */
  help: { signHours: 4, contactDays: 1, completeDays: { normal: 3, urgent: 1, emergency: 0.5 } },
  /** Street problems an inspector can settle on the spot. */
  quick: { signHours: 4, contactDays: 1, completeDays: { normal: 5, urgent: 2, emergency: 1 } },
  /** Ordinary complaints and reports. */
  standard: { signHours: 8, contactDays: 1, completeDays: { normal: 10, urgent: 5, emergency: 1 } },
  /** Investigations, disputes, enforcement: the 15-day ceiling. */
  complex: { signHours: 8, contactDays: 1, completeDays: { normal: 15, urgent: 7, emergency: 1 } },
  suggestion: { signHours: 8, contactDays: 1, completeDays: { normal: 15, urgent: 10, emergency: 1 } },
  praise: { signHours: 8, contactDays: 1, completeDays: { normal: 5, urgent: 3, emergency: 1 } },
} as const satisfies Record<string, TimeLimits>;
type Preset = keyof typeof LIMIT_PRESETS;

export interface CategoryBranch {
  code: string;
  name: string;
  parentCode: string | null;
  level: 1 | 2;
  leaf: false;
}

export interface CategoryLeaf {
  code: string;
  name: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
  leaf: true;
  requestType: RequestType;
  departmentType: DepartmentType;
  limits: TimeLimits;
}

export type Category = CategoryBranch | CategoryLeaf;

// --- authoring helpers: a compact nested form, flattened below ---------------------------
type Node = {
  code: string;
  name: string;
  children?: Node[];
  leaf?: Omit<CategoryLeaf, 'code' | 'name' | 'parentCode' | 'level' | 'leaf'>;
};
const b = (code: string, name: string, children: Node[]): Node => ({ code, name, children });
const l = (
  code: string,
  name: string,
  requestType: RequestType,
  departmentType: DepartmentType,
  preset: Preset,
): Node => ({
  code,
  name,
  leaf: { requestType, departmentType, limits: LIMIT_PRESETS[preset] },
});

const TREE: Node[] = [
  b('01', '城市管理', [
    b('0101', '市容秩序', [
      l('010101', '占道经营', 'complaint', 'urban_management', 'quick'),
      l('010102', '乱张贴小广告', 'complaint', 'urban_management', 'quick'),
      l('010103', '户外广告招牌', 'complaint', 'urban_management', 'standard'),
      l('010104', '共享单车乱停放', 'complaint', 'urban_management', 'quick'),
    ]),
    b('0102', '环境卫生', [
      l('010201', '垃圾清运不及时', 'complaint', 'urban_management', 'quick'),
      l('010202', '道路清扫保洁', 'complaint', 'urban_management', 'quick'),
      l('010203', '垃圾分类', 'consultation', 'urban_management', 'consultation'),
      l('010204', '公共厕所', 'complaint', 'urban_management', 'quick'),
      l('010205', '偷倒余泥渣土', 'report', 'urban_management', 'standard'),
    ]),
    l('0103', '违法建设', 'report', 'urban_management', 'complex'),
    b('0104', '市政设施', [
      l('010401', '路灯故障', 'complaint', 'urban_management', 'quick'),
      l('010402', '道路破损', 'complaint', 'urban_management', 'standard'),
      l('010403', '井盖缺失破损', 'complaint', 'urban_management', 'quick'),
      l('010404', '人行道与护栏设施', 'complaint', 'urban_management', 'standard'),
    ]),
    b('0105', '园林绿化', [
      l('010501', '树木修剪与倒伏', 'complaint', 'urban_management', 'quick'),
      l('010502', '绿地损毁侵占', 'complaint', 'urban_management', 'standard'),
      l('010503', '公园管理', 'complaint', 'urban_management', 'standard'),
    ]),
  ]),
  b('02', '公用事业', [
    b('0201', '供水', [
      l('020101', '停水', 'help', 'water', 'outage'),
      l('020102', '水压与水质', 'complaint', 'water', 'standard'),
      l('020103', '供水管道漏水爆管', 'help', 'water', 'outage'),
      l('020104', '水费水表', 'consultation', 'water', 'consultation'),
    ]),
    b('0202', '供电', [
      l('020201', '停电', 'help', 'power', 'outage'),
      l('020202', '电力线路隐患', 'report', 'power', 'quick'),
      l('020203', '电费电表', 'consultation', 'power', 'consultation'),
    ]),
    b('0203', '燃气', [
      l('020301', '通气问题', 'complaint', 'gas', 'complex'),
      l('020302', '燃气泄漏', 'help', 'gas', 'outage'),
      l('020303', '燃气收费与服务', 'complaint', 'gas', 'standard'),
    ]),
    b('0204', '通信', [
      l('020401', '网络信号', 'complaint', 'telecom', 'standard'),
      l('020402', '通信线缆杂乱', 'complaint', 'telecom', 'standard'),
    ]),
    b('0205', '排水', [
      l('020501', '下水道堵塞', 'complaint', 'water', 'quick'),
      l('020502', '道路积水内涝', 'help', 'water', 'outage'),
    ]),
  ]),
  b('03', '交通运输', [
    b('0301', '公共交通', [
      l('030101', '公交线路与站点', 'suggestion', 'transport', 'suggestion'),
      l('030102', '公交运营服务', 'complaint', 'transport', 'standard'),
      l('030103', '地铁', 'complaint', 'transport', 'standard'),
    ]),
    l('0302', '出租车与网约车', 'complaint', 'transport', 'standard'),
    b('0303', '道路交通', [
      l('030301', '交通信号与标志标线', 'complaint', 'public_security', 'quick'),
      l('030302', '违章停车', 'complaint', 'public_security', 'quick'),
      l('030303', '交通拥堵', 'suggestion', 'public_security', 'suggestion'),
    ]),
  ]),
  b('04', '生态环境', [
    b('0401', '大气污染', [
      l('040101', '工业废气异味', 'complaint', 'environment', 'standard'),
      l('040102', '餐饮油烟', 'complaint', 'environment', 'standard'),
      l('040103', '露天焚烧', 'report', 'urban_management', 'quick'),
      l('040104', '工地扬尘', 'complaint', 'urban_management', 'quick'),
    ]),
    b('0402', '噪声污染', [
      l('040201', '建筑施工噪声', 'complaint', 'urban_management', 'quick'),
      l('040202', '商业经营噪声', 'complaint', 'urban_management', 'standard'),
      l('040203', '社会生活噪声', 'complaint', 'public_security', 'quick'),
    ]),
    b('0403', '水污染', [
      l('040301', '河涌污染', 'complaint', 'environment', 'standard'),
      l('040302', '企业偷排', 'report', 'environment', 'complex'),
    ]),
  ]),
  b('05', '住房建设', [
    b('0501', '物业管理', [
      l('050101', '物业服务', 'complaint', 'housing', 'standard'),
      l('050102', '业主委员会与维修资金', 'consultation', 'housing', 'consultation'),
    ]),
    b('0502', '房屋质量安全', [
      l('050201', '房屋质量', 'complaint', 'housing', 'complex'),
      l('050202', '房屋安全隐患', 'report', 'housing', 'standard'),
    ]),
    b('0503', '房地产市场', [
      l('050301', '商品房交付', 'complaint', 'housing', 'complex'),
      l('050302', '房屋租赁', 'complaint', 'housing', 'standard'),
    ]),
    l('0504', '建筑工地管理', 'complaint', 'housing', 'standard'),
    b('0505', '住房保障与改造', [
      l('050501', '公租房与人才房', 'consultation', 'housing', 'consultation'),
      l('050502', '老旧小区改造与加装电梯', 'suggestion', 'housing', 'suggestion'),
    ]),
  ]),
  b('06', '市场监管', [
    b('0601', '食品安全', [
      l('060101', '食品质量', 'complaint', 'market', 'standard'),
      l('060102', '无证经营', 'report', 'market', 'standard'),
    ]),
    b('0602', '消费维权', [
      l('060201', '商品质量', 'complaint', 'market', 'standard'),
      l('060202', '预付卡退费', 'complaint', 'market', 'complex'),
      l('060203', '价格收费', 'complaint', 'market', 'standard'),
    ]),
    l('0603', '电梯安全', 'help', 'market', 'outage'),
    l('0604', '药品药店', 'complaint', 'market', 'standard'),
  ]),
  b('07', '社会保障', [
    b('0701', '劳动关系', [
      l('070101', '拖欠工资', 'complaint', 'social_security', 'standard'),
      l('070102', '劳动合同与工时', 'complaint', 'social_security', 'complex'),
    ]),
    b('0702', '社会保险', [
      l('070201', '社保缴纳', 'consultation', 'social_security', 'consultation'),
      l('070202', '养老金', 'consultation', 'social_security', 'consultation'),
      l('070203', '医保报销', 'consultation', 'medical_insurance', 'consultation'),
    ]),
    l('0703', '就业创业', 'consultation', 'social_security', 'consultation'),
  ]),
  b('08', '卫生健康', [
    l('0801', '医疗服务', 'complaint', 'health', 'standard'),
    l('0802', '疫苗接种', 'consultation', 'health', 'consultation'),
    l('0803', '病媒生物防制', 'complaint', 'health', 'quick'),
    l('0804', '生育与母婴', 'consultation', 'health', 'consultation'),
  ]),
  b('09', '教育', [
    l('0901', '入学招生', 'consultation', 'education', 'consultation'),
    l('0902', '校外培训', 'complaint', 'education', 'standard'),
    l('0903', '学校管理与校园周边', 'complaint', 'education', 'standard'),
    l('0904', '幼儿园与托育', 'complaint', 'education', 'standard'),
  ]),
  b('10', '公共安全', [
    b('1001', '治安', [
      l('100101', '治安问题', 'report', 'public_security', 'standard'),
      l('100102', '电信诈骗', 'report', 'public_security', 'standard'),
    ]),
    b('1002', '消防安全', [
      l('100201', '消防通道堵塞', 'report', 'fire', 'quick'),
      l('100202', '电动车违规充电', 'report', 'fire', 'quick'),
      l('100203', '消防设施损坏', 'complaint', 'fire', 'quick'),
    ]),
    l('1003', '安全生产', 'report', 'emergency', 'standard'),
    l('1004', '养犬管理', 'complaint', 'public_security', 'quick'),
  ]),
  b('11', '民政服务', [
    l('1101', '养老服务', 'help', 'civil_affairs', 'help'),
    l('1102', '社会救助', 'help', 'civil_affairs', 'help'),
    l('1103', '残疾人服务', 'consultation', 'civil_affairs', 'consultation'),
    b('1104', '社区事务', [
      l('110401', '社区服务', 'complaint', 'community', 'standard'),
      l('110402', '邻里纠纷', 'help', 'community', 'help'),
    ]),
  ]),
  b('12', '农业农村与水利', [
    l('1201', '河道堤防与水闸', 'report', 'agriculture_water', 'standard'),
    b('1202', '农业农村', [
      l('120201', '动物防疫与活禽', 'complaint', 'agriculture_water', 'standard'),
      l('120202', '农村集体经济', 'consultation', 'community', 'consultation'),
    ]),
  ]),
  b('13', '咨询类', [
    l('1301', '政务服务办事', 'consultation', 'government_services', 'consultation'),
    l('1302', '户籍与出入境证件', 'consultation', 'public_security', 'consultation'),
    l('1303', '住房公积金', 'consultation', 'government_services', 'consultation'),
    l('1304', '税务', 'consultation', 'tax', 'consultation'),
    l('1305', '不动产登记', 'consultation', 'government_services', 'consultation'),
    l('1306', '其他咨询', 'consultation', 'hotline', 'consultation'),
  ]),
  b('14', '表扬与建议', [
    l('1401', '表扬感谢', 'praise', 'hotline', 'praise'),
    l('1402', '城市建设建议', 'suggestion', 'urban_management', 'suggestion'),
  ]),
];

function flatten(nodes: Node[], parentCode: string | null, level: number, out: Category[]): Category[] {
  for (const n of nodes) {
    if (n.leaf) {
      out.push({ code: n.code, name: n.name, parentCode, level: level as 1 | 2 | 3, leaf: true, ...n.leaf });
    } else {
      out.push({ code: n.code, name: n.name, parentCode, level: level as 1 | 2, leaf: false });
      flatten(n.children ?? [], n.code, level + 1, out);
    }
  }
  return out;
}

/** Every category, parents before their children, in tree order. */
export const CATEGORIES: readonly Category[] = flatten(TREE, null, 1, []);

/** The categories an order can be filed under. */
export const LEAF_CATEGORIES: readonly CategoryLeaf[] = CATEGORIES.filter((c): c is CategoryLeaf => c.leaf);

const BY_CODE = new Map(CATEGORIES.map((c) => [c.code, c]));

export function categoryByCode(code: string): Category | undefined {
  return BY_CODE.get(code);
}

/** The chain from the top level down to `code` (empty when unknown). */
export function categoryPath(code: string): Category[] {
  const path: Category[] = [];
  for (let c = BY_CODE.get(code); c; c = c.parentCode ? BY_CODE.get(c.parentCode) : undefined) path.unshift(c);
  return path;
}

/** "城市管理 › 市容秩序 › 占道经营" */
export function categoryPathName(code: string): string {
  return categoryPath(code)
    .map((c) => c.name)
    .join(' › ');
}
