/**
 * The demo catalogue's tables (catalogue-data.ts) → full guides: codes from the department and
 * row numbers, the situation questions of each row's family and the materials they select, the
 * sites, limits and phones. And a generator of more items for scale tests (1,100+).
 */
import type { GuideMaterial, GuideQuestion, ItemGuide } from '../catalogue/catalogue.contract';
import { creditCheckChar } from '../catalogue/codes';
import { DEMO_CATALOGUE, type Family, type Row, type TypeCode } from './catalogue-data';

export const DEMO_AREA_CODE = '440605011000';

const TYPES: Record<TypeCode, ItemGuide['itemType']> = {
  XK: 'licensing',
  QR: 'confirmation',
  GF: 'benefit',
  CJ: 'adjudication',
  QT: 'other_power',
  GG: 'public_service',
};
const CASES = { J: 'immediate', C: 'promised', L: 'joint', S: 'reported' } as const;
const DEPTHS = ['offline', 'info', 'pre_review', 'online_accept', 'full_online'] as const;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The implementing body's credit code of demo department n (the check character computed). */
export function demoCreditCode(n: number): string {
  const first17 = `11440605MB2C${pad(n, 4)}X`;
  return first17 + creditCheckChar(first17);
}

const opt = (value: string, label: string) => ({ value, label });
const AGENT_Q: GuideQuestion = {
  key: 'applicant',
  text: '由谁办理？',
  options: [opt('self', '本人办理'), opt('agent', '委托他人代办')],
};
const FAMILY_QUESTIONS: Record<Family, GuideQuestion[]> = {
  none: [],
  agent: [AGENT_Q],
  biz: [
    { key: 'stage', text: '办理情形', options: [opt('new', '新设'), opt('change', '变更'), opt('cancel', '注销')] },
    AGENT_Q,
  ],
  property: [
    { key: 'mortgage', text: '不动产是否已抵押？', options: [opt('yes', '有抵押'), opt('no', '无抵押')] },
    { key: 'married', text: '权利人婚姻状况', options: [opt('single', '未婚或单身'), opt('married', '已婚')] },
    AGENT_Q,
  ],
  family: [
    {
      key: 'married',
      text: '申请人婚姻状况',
      options: [opt('single', '未婚'), opt('married', '已婚'), opt('divorced', '离异')],
    },
    AGENT_Q,
  ],
};

const material = (key: string, name: string, extra: Partial<GuideMaterial> = {}): GuideMaterial => ({
  key,
  name,
  form: 'original',
  count: 1,
  required: true,
  paper: true,
  electronic: true,
  source: 'applicant',
  ...extra,
});

/** The materials a family's answers call for (beside the row's own). */
const FAMILY_MATERIALS: Record<Family, GuideMaterial[]> = {
  none: [],
  agent: [],
  biz: [
    material('change_resolution', '变更决议或决定', { when: [{ question: 'stage', values: ['change'] }] }),
    material('liquidation', '清算报告或清税证明', { when: [{ question: 'stage', values: ['cancel'] }] }),
  ],
  property: [
    material('mortgagee_consent', '抵押权人同意书', { when: [{ question: 'mortgage', values: ['yes'] }] }),
    material('marriage_cert', '结婚证', {
      source: 'licence',
      paper: false,
      when: [{ question: 'married', values: ['married'] }],
    }),
  ],
  family: [
    material('marriage_cert', '结婚证', {
      source: 'licence',
      paper: false,
      when: [{ question: 'married', values: ['married'] }],
    }),
    material('divorce_cert', '离婚证或离婚判决书', {
      form: 'copy',
      when: [{ question: 'married', values: ['divorced'] }],
    }),
  ],
};
const AGENT_MATERIALS = [
  material('power_of_attorney', '授权委托书', { when: [{ question: 'applicant', values: ['agent'] }] }),
  material('agent_id', '代理人身份证明', {
    source: 'licence',
    paper: false,
    when: [{ question: 'applicant', values: ['agent'] }],
  }),
];

/** "名称!、名称~、名称^?" → materials (see catalogue-data.ts for the marks). */
function rowMaterials(spec: string, online: boolean): GuideMaterial[] {
  return spec
    .split('、')
    .filter(Boolean)
    .map((raw, i) => {
      const name = raw.replace(/[!~^?]/g, '');
      const licence = raw.includes('!');
      const promise = raw.includes('~');
      return material(`m${pad(i + 1, 2)}`, name, {
        form: raw.includes('^') ? 'copy' : 'original',
        required: !raw.includes('?'),
        paper: !licence,
        electronic: licence || online,
        source: licence ? 'licence' : promise ? 'promise' : 'applicant',
      });
    });
}

export interface DemoEntry {
  /** a stable key for the item (the implementation code is derived from the guide) */
  key: string;
  parentKey: string | null;
  departmentCode: string;
  community: boolean;
  guide: Omit<ItemGuide, 'departmentId' | 'siteIds' | 'parentId' | 'implementingBody'>;
}

function guideOf(
  row: Row,
  name: string,
  level: ItemGuide['level'],
  codes: { basic: string; task: string; credit: string },
  exercise: 'county' | 'town',
): DemoEntry['guide'] {
  const [, type, kase, legal, promised, depth, visits, events, family, spec, more] = row;
  const online = depth >= 3;
  const questions = FAMILY_QUESTIONS[family];
  const hasAgent = questions.some((q) => q.key === 'applicant');
  return {
    level,
    name,
    basicCode: codes.basic,
    areaCode: DEMO_AREA_CODE,
    taskCode: codes.task,
    itemType: TYPES[type],
    implementingBodyCode: codes.credit,
    exerciseLevels: [exercise],
    legalBasis: '',
    caseType: CASES[kase],
    legalLimitDays: Math.max(legal, promised),
    promisedLimitDays: kase === 'J' ? 0 : Math.max(1, promised),
    specialSteps: (more?.steps ?? []).map(([n, d]) => ({ name: n, limitDays: d, counted: false })),
    fees: more?.fee ? [{ name: more.fee[0], amount: more.fee[1], basis: more.fee[2] }] : [],
    onlineDepth: DEPTHS[depth],
    visits: depth === 4 ? 0 : Math.max(1, visits),
    mailable: more?.mail !== false,
    consultPhone: '0757-8620 0000',
    complaintPhone: '12345',
    lifeEvents: events.split(' ').filter((e) => e && e !== 'none') as ItemGuide['lifeEvents'],
    conditions: `符合${name}的法定条件；材料齐全、符合法定形式。`,
    process: kase === 'J' ? ['申请', '受理', '当场办结', '送达'] : ['申请', '受理', '审查', '决定', '送达'],
    questions,
    materials: [
      material('application_form', `${name}申请表`, { electronic: true }),
      ...rowMaterials(spec, online),
      ...FAMILY_MATERIALS[family],
      ...(hasAgent ? AGENT_MATERIALS : []),
    ],
  };
}

/** Every demo item: 主项 rows, their 子项 and 业务办理项 (parents before children). */
export function demoEntries(): DemoEntry[] {
  const out: DemoEntry[] = [];
  DEMO_CATALOGUE.forEach((dept, d) => {
    const credit = demoCreditCode(d + 1);
    dept.rows.forEach((row, r) => {
      const main = `${row[1]}${pad(d + 1, 3)}${pad(r + 1, 3)}00`;
      const base = { departmentCode: dept.org, community: !!row[10]?.community };
      const mainKey = `${dept.org}-${r + 1}`;
      const withBasis = (g: DemoEntry['guide']) => ({ ...g, legalBasis: dept.basis });
      out.push({
        key: mainKey,
        parentKey: null,
        ...base,
        guide: withBasis(guideOf(row, row[0], 'main', { basic: `${main}0000`, task: '000', credit }, dept.level)),
      });
      (row[10]?.tasks ?? []).forEach((t, k) =>
        out.push({
          key: `${mainKey}-t${k + 1}`,
          parentKey: mainKey,
          ...base,
          guide: withBasis(
            guideOf(
              row,
              `${row[0]}（${t}）`,
              'task',
              { basic: `${main}0000`, task: pad(k + 1, 3), credit },
              dept.level,
            ),
          ),
        }),
      );
      (row[10]?.subs ?? []).forEach(([subName, tasks], s) => {
        const subKey = `${mainKey}-s${s + 1}`;
        const basic = `${main}${pad(s + 1, 4)}`;
        out.push({
          key: subKey,
          parentKey: mainKey,
          ...base,
          guide: withBasis(guideOf(row, subName, 'sub', { basic, task: '000', credit }, dept.level)),
        });
        tasks.forEach((t, k) =>
          out.push({
            key: `${subKey}-t${k + 1}`,
            parentKey: subKey,
            ...base,
            guide: withBasis(
              guideOf(row, `${subName}（${t}）`, 'task', { basic, task: pad(k + 1, 3), credit }, dept.level),
            ),
          }),
        );
      });
    });
  });
  return out;
}

/** Items a citizen handles: those without children in the tables. */
export const handledCount = (entries: readonly DemoEntry[]) => {
  const parents = new Set(entries.flatMap((e) => (e.parentKey ? [e.parentKey] : [])));
  return entries.filter((e) => !parents.has(e.key)).length;
};

const VARIANTS = ['新办', '变更', '延续', '注销', '补办', '换领', '备案', '查询', '年度报告', '迁移', '撤销', '核验'];

/**
 * `count` more 主项 for scale tests, after the demo rows (each a variant of a demo row, with its
 * own basic code, 50000 + its number, in its department), numbered from `start`.
 */
export function scaleEntries(start: number, count: number): DemoEntry[] {
  const rows = DEMO_CATALOGUE.flatMap((dept, d) => dept.rows.map((row) => ({ dept, d, row })));
  const out: DemoEntry[] = [];
  for (let i = start; i < start + count; i++) {
    const { dept, d, row } = rows[i % rows.length];
    const variant = VARIANTS[Math.floor(i / rows.length) % VARIANTS.length];
    const round = Math.floor(i / (rows.length * VARIANTS.length));
    // the 5-digit part from 50000 up: apart from the demo rows' (row number × 100) and unique per i
    const basic = `${row[1]}${pad(d + 1, 3)}${pad(50_000 + (i % 50_000), 5)}0000`;
    const name = `${row[0]}（${variant}${round ? ` ${round + 1}` : ''}）`;
    out.push({
      key: `scale-${i}`,
      parentKey: null,
      departmentCode: dept.org,
      community: !!row[10]?.community,
      guide: {
        ...guideOf(row, name, 'main', { basic, task: '000', credit: demoCreditCode(d + 1) }, dept.level),
        legalBasis: dept.basis,
      },
    });
  }
  return out;
}
