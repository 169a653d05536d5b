import { LEAF_CATEGORIES, type CategoryLeaf } from '../categories/categories-seed';
import { CITY_TEXTS } from './demo-texts-city';
import { PEOPLE_TEXTS } from './demo-texts-people';
import { prng, type Rand } from './history-phrases';
import type { DemoTextSet, Season } from './demo-text-set';

/**
 * A deterministic generator of citizen requests as the centre of a street like Guicheng
 * would receive them: texts from per-category templates with variable slots, a channel mix
 * like published figures (hotline ~60%, grid inspectors ~32%, WeChat ~5%), more on weekdays
 * than weekends, more in summer and in the rainy season, and per-category seasons (unpaid
 * wages before the Spring Festival, school places in spring, flooding in the rains).
 * Demo data for the simulator, charts and the classifier's tests — not real requests.
 */

export type DemoChannel = 'hotline' | 'web' | 'wechat' | 'grid' | 'drone' | 'camera' | 'open311';
export type DemoUrgency = 'normal' | 'urgent' | 'emergency';

export interface DemoRequest {
  text: string;
  categoryCode: string;
  channel: DemoChannel;
  urgency: DemoUrgency;
  createdAt: number;
  address: string;
  /** Which template produced the text (`010101:t2`, `010101:p0`, `010101:ai`), for evaluations that hold templates out. */
  templateId: string;
}

export type { DemoTextSet } from './demo-text-set';

const TEXTS: Record<string, DemoTextSet> = { ...CITY_TEXTS, ...PEOPLE_TEXTS };

// --- slot fillers (names modelled on Guicheng; demo data, not an authoritative gazetteer) ---
const COMMUNITIES = [
  '东二社区',
  '平西社区',
  '夏南一社区',
  '夏南二社区',
  '夏北社区',
  '平东社区',
  '叠滘社区',
  '石肯社区',
  '林岳社区',
  '灯湖社区',
  '三山社区',
  '桂园社区',
  '海五社区',
  '南约社区',
];
const ROADS = [
  '桂澜北路',
  '桂澜中路',
  '桂澜南路',
  '南海大道北',
  '南海大道中',
  '海八路',
  '海五路',
  '海四路',
  '灯湖东路',
  '灯湖西路',
  '南桂东路',
  '桂平路',
  '佛平路',
  '宝石东路',
  '桂和路',
  '夏平路',
  '叠翠路',
  '天佑三路',
];
const ESTATES = [
  '翠湖花园',
  '桂花苑',
  '海逸华庭',
  '锦绣豪庭',
  '怡翠半岛',
  '千灯湖一号',
  '碧桂园翠湖',
  '保利水城',
  '南海花园',
  '海景华庭',
  '东方广场小区',
  '夏北新村',
  '金域名都',
  '平西新苑',
  '中海金沙湾',
  '灯湖御景',
];
const LANDMARKS = [
  '千灯湖公园',
  '映月湖公园',
  '南海万达广场',
  '环宇城',
  '桂城地铁站',
  '金融高新区',
  '南海区行政服务中心',
  '桂城市场',
  '平洲玉器街',
  '夏北市场',
  '灯湖东路公交站',
  '文翰湖公园',
];
const PARKS = ['千灯湖公园', '映月湖公园', '文翰湖公园', '桂城文化公园', '夏北社区公园'];
const METROS = ['千灯湖站', '金融高新区站', '礌岗站', '南桂路站', '桂城站'];
const RIVERS = ['佛山水道', '东平水道', '千灯湖', '映月湖', '夏北涌', '石肯涌', '叠滘涌'];
const BUSES = ['K1路', '桂12路', '桂15路', '南海108路', '288路', '桂21路', '南海K8路'];
const SCHOOLS = ['灯湖小学', '夏北小学', '桂城中心小学', '平洲第二小学', '桂江中学', '石肯小学', '叠滘中学'];
const KINDERS = ['灯湖幼儿园', '桂园幼儿园', '夏北幼儿园', '阳光宝贝幼儿园', '小太阳托育中心'];
const HOSPITALS = ['南海区人民医院', '桂城医院', '社区卫生服务中心', '南海区妇幼保健院', '平洲医院'];
const SHOP_NAMES = ['好运', '惠民', '旺角', '阿强', '佳美', '顺德人', '老广', '金记', '华润', '新世纪', '美佳', '安心'];
const SHOP_KINDS = [
  '烧腊店',
  '便利店',
  '五金店',
  '奶茶店',
  '健身房',
  '培训中心',
  '美容院',
  '大排档',
  '烧烤店',
  '超市',
  '药店',
  '餐厅',
  '理发店',
  '水果店',
  '茶餐厅',
  '电动车行',
];
const COMPANY_KINDS = [
  '五金制品厂',
  '电镀厂',
  '家具厂',
  '铝材厂',
  '印染厂',
  '塑料厂',
  '纺织厂',
  '物流公司',
  '汽配厂',
  '陶瓷厂',
];
const FOODS = ['水果', '蔬菜', '烧烤', '糖水', '炒粉', '鸡蛋仔', '煎饼', '海鲜', '熟食', '肠粉', '烧鹅', '奶茶'];
const TIMES = ['晚上十一点', '凌晨一点', '凌晨两点', '半夜十二点', '早上六点', '晚上十点多', '凌晨三点', '晚上十二点'];
const DURATIONS = ['两天', '三天', '四五天', '一个星期', '十多天', '半个月', '一个多月', '两个月', '大半年'];
const SURNAMES = ['陈', '黄', '李', '梁', '何', '罗', '冯', '张', '林', '邓', '谢', '吴'];
const DOGS = ['大型犬', '泰迪', '金毛', '阿拉斯加', '比特犬', '土狗', '哈士奇'];
const HOMETOWNS = ['湖南', '广西', '江西', '湖北', '四川', '河南', '湛江', '茂名'];
const ITEMS = ['食品经营许可证', '营业执照变更', '个体工商户注销', '公共场所卫生许可', '排水许可', '建设工程规划许可'];
const HOLIDAYS = ['春节', '国庆', '五一', '端午', '中秋', '清明'];
const TOPICS = ['停车', '漏水', '噪音', '路灯', '垃圾', '下水道', '电梯'];
const PREFIXES = ['粤E', '粤E', '粤E', '粤A', '粤X', '粤Y'];

// --- channels, urgency, timing ----------------------------------------------------------

const CHANNEL_MIX = {
  /** Problems inspectors can see on patrol: they find most of them. */
  street: { hotline: 0.25, grid: 0.7, wechat: 0.03, web: 0.015, open311: 0.005 },
  /** Everything else comes from people; inspectors pass on a few from door-to-door visits. */
  people: { hotline: 0.875, grid: 0.03, wechat: 0.065, web: 0.024, open311: 0.006 },
} as const;
const DRONE_SHARE = 0.03;
const CAMERA_SHARE = 0.025;

/** Month (0–11) volume: the Spring Festival dip in Feb, a summer peak, Golden Week in Oct. */
const MONTH_WEIGHT = [0.95, 0.72, 1.0, 1.0, 1.05, 1.12, 1.2, 1.2, 1.05, 0.9, 1.0, 0.96];
/** Day-of-week (0 = Sunday) volume. */
const DOW_WEIGHT = [0.62, 1.15, 1.1, 1.05, 1.05, 1.0, 0.7];
/** Hour-of-day weights (Asia/Shanghai) per channel family. */
const HOURS_HOTLINE = [
  0.2, 0.1, 0.08, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.2, 2.3, 2.0, 1.2, 1.1, 1.8, 2.0, 1.9, 1.6, 1.1, 1.2, 1.3, 1.1, 0.8,
  0.4,
];
const HOURS_WORK = [0, 0, 0, 0, 0, 0, 0, 0.2, 1.5, 2.2, 2.2, 1.6, 0.3, 0.4, 1.6, 2.1, 2.0, 1.5, 0.3, 0, 0, 0, 0, 0];
const HOURS_ONLINE = [
  0.5, 0.3, 0.15, 0.1, 0.1, 0.1, 0.3, 0.7, 1.0, 1.2, 1.2, 1.2, 1.3, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.3, 1.6, 1.8, 1.6,
  1.0,
];
const HOURS_CAMERA = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.2, 1.3, 1.2, 1.2, 1.3, 1.3, 1.1, 1.0, 1.0, 1.2, 1.4, 1.6, 1.7, 1.5, 1.1, 0.7,
  0.4,
];
const HOURS: Record<DemoChannel, number[]> = {
  hotline: HOURS_HOTLINE,
  grid: HOURS_WORK,
  drone: HOURS_WORK,
  camera: HOURS_CAMERA,
  web: HOURS_ONLINE,
  wechat: HOURS_ONLINE,
  open311: HOURS_ONLINE,
};

const SEASON_BOOST: Record<Season, number[]> = {
  summer: [0.6, 0.6, 0.8, 1.0, 1.3, 1.7, 1.9, 1.9, 1.5, 1.0, 0.8, 0.6],
  rainy: [0.3, 0.4, 0.7, 1.4, 2.0, 2.4, 2.2, 2.2, 1.6, 0.8, 0.4, 0.3],
  winter: [1.6, 1.6, 1.2, 0.9, 0.7, 0.6, 0.6, 0.6, 0.7, 0.9, 1.2, 1.5],
  school: [0.6, 0.6, 1.8, 2.2, 2.0, 2.0, 1.8, 1.6, 0.9, 0.4, 0.4, 0.4],
  newyear: [3.0, 2.2, 0.8, 0.7, 0.7, 0.8, 0.7, 0.7, 0.8, 0.8, 1.2, 2.0],
};

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

// --- the random source: history-phrases' mulberry32 -----------------------------------

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function weighted(r: Rand, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
  return weights.length - 1;
}
function pickKey<K extends string>(r: Rand, mix: Readonly<Record<K, number>>): K {
  const keys = Object.keys(mix) as K[];
  return keys[
    weighted(
      r,
      keys.map((k) => mix[k]),
    )
  ];
}

// --- text -------------------------------------------------------------------------------

interface Place {
  community: string;
  road: string;
  estate: string;
  landmark: string;
  year: number;
}

function slot(name: string, r: Rand, place: Place): string {
  switch (name) {
    case 'community':
      return place.community;
    case 'road':
      return place.road;
    case 'estate':
      return place.estate;
    case 'landmark':
      return place.landmark;
    case 'road2': {
      const other = ROADS.filter((x) => x !== place.road);
      return pick(r, other);
    }
    case 'park':
      return pick(r, PARKS);
    case 'metro':
      return pick(r, METROS);
    case 'river':
      return pick(r, RIVERS);
    case 'bus':
      return pick(r, BUSES);
    case 'school':
      return pick(r, SCHOOLS);
    case 'kinder':
      return pick(r, KINDERS);
    case 'hospital':
      return pick(r, HOSPITALS);
    case 'shop':
      return pick(r, SHOP_NAMES) + pick(r, SHOP_KINDS);
    case 'company':
      return pick(r, SHOP_NAMES) + pick(r, COMPANY_KINDS);
    case 'food':
      return pick(r, FOODS);
    case 'time':
      return pick(r, TIMES);
    case 'duration':
      return pick(r, DURATIONS);
    case 'num':
      return String(2 + Math.floor(r() * 9));
    case 'floor':
      return String(2 + Math.floor(r() * 31));
    case 'building':
      return `${1 + Math.floor(r() * 20)}${pick(r, ['座', '栋', '幢'])}`;
    case 'money':
      return String(pick(r, [200, 380, 500, 800, 1200, 1500, 2000, 2600, 3800, 5000, 6800, 12000]));
    case 'plate':
      return `${pick(r, PREFIXES)}${String.fromCharCode(65 + Math.floor(r() * 26))}${Math.floor(10000 + r() * 89999)}`;
    case 'person':
      return pick(r, SURNAMES) + pick(r, ['师傅', '同志', '姐', '医生', '警官', '主任']);
    case 'dog':
      return pick(r, DOGS);
    case 'hometown':
      return pick(r, HOMETOWNS);
    case 'item':
      return pick(r, ITEMS);
    case 'holiday':
      return pick(r, HOLIDAYS);
    case 'topic':
      return pick(r, TOPICS);
    case 'year':
      return String(place.year + (r() < 0.5 ? 0 : 1));
    case 'month':
      return `${1 + Math.floor(r() * 12)}月`;
    default:
      throw new Error(`unknown template slot {${name}}`);
  }
}

/** Expand `[a|b]` alternatives, then `{slot}`s. */
function expandTemplate(template: string, r: Rand, place: Place): string {
  return template
    .replace(/\[([^[\]]*)\]/g, (_, alts: string) => pick(r, alts.split('|')))
    .replace(/\{(\w+)\}/g, (_, name: string) => slot(name, r, place));
}

const HOTLINE_OPENING = ['市民来电反映：', '来电人反映：', '市民来电称：', '来电反映：', '市民来电：'];
const HOTLINE_OPENING_ASK = ['市民来电咨询：', '来电人咨询：', '市民来电询问：'];
const ONLINE_OPENING = ['', '', '你好，', '您好，', '我是{estate}的居民，', '我住在{community}，', '反映一个问题：'];
const CLOSING: Record<CategoryLeaf['requestType'], string[]> = {
  complaint: ['', '请相关部门核实处理。', '希望尽快解决。', '要求处理并回复。', '已多次反映未果，请督办。'],
  report: ['', '请依法查处。', '请相关部门核实处理。', '希望尽快处理。'],
  help: ['', '请尽快处理。', '请派人来看看。', '希望尽快解决。'],
  consultation: ['', '请予以解答。', '请告知。', '麻烦回复一下。'],
  suggestion: ['', '请相关部门研究采纳。', '望采纳。'],
  praise: ['', '请转达谢意。', '特此表扬。'],
};

function composeText(
  leaf: CategoryLeaf,
  set: DemoTextSet,
  channel: DemoChannel,
  urgency: DemoUrgency,
  r: Rand,
  place: Place,
): { text: string; templateId: string } {
  const code = leaf.code;
  if ((channel === 'drone' || channel === 'camera') && set.ai) {
    const where =
      channel === 'drone'
        ? pick(r, [place.community, pick(r, RIVERS), place.road])
        : `${place.road}${place.landmark}附近`;
    const score = (0.6 + r() * 0.39).toFixed(2);
    const head =
      channel === 'drone'
        ? pick(r, ['【无人机巡查】', '【机场自动巡检】'])
        : pick(r, ['【视频AI识别】', '【智能视频巡查】']);
    return {
      text: `${head}${where}发现疑似${set.ai.label}，识别置信度${score}，请核查处置。`,
      templateId: `${code}:ai`,
    };
  }
  if (channel === 'grid' && set.p && r() < 0.85) {
    const i = Math.floor(r() * set.p.length);
    return { text: expandTemplate(set.p[i], r, place), templateId: `${code}:p${i}` };
  }
  const i = Math.floor(r() * set.t.length);
  let body = expandTemplate(set.t[i], r, place);
  // One in twenty-five callers mentions a second, unrelated matter: realistic noise.
  if (r() < 0.04) body += `另外，${sideRemark(code, r, place)}。`;
  // An emergency ends with a plea for speed instead of the usual closing.
  const closing =
    urgency === 'emergency'
      ? pick(r, ['情况紧急，请马上派人处理。', '十分紧急，请尽快到场。', '情况危急，请立即处理！'])
      : pick(r, CLOSING[leaf.requestType]);
  let text: string;
  if (channel === 'hotline') {
    const opening = pick(r, leaf.requestType === 'consultation' && r() < 0.6 ? HOTLINE_OPENING_ASK : HOTLINE_OPENING);
    text = `${urgency === 'emergency' ? '【紧急】' : ''}${opening}${body}${closing}`;
  } else if (channel === 'grid') {
    text = `网格员入户走访，居民反映：${body}${closing}`;
  } else {
    text = `${expandTemplate(pick(r, ONLINE_OPENING), r, place)}${body}${closing}${r() < 0.3 ? '谢谢！' : ''}`;
  }
  return { text, templateId: `${code}:t${i}` };
}

/** The first clause of another category's text. */
function sideRemark(code: string, r: Rand, place: Place): string {
  const others = Object.keys(TEXTS).filter((c) => c !== code);
  const text = expandTemplate(pick(r, TEXTS[pick(r, others)].t), r, place);
  return text.split(/[，。？！]/)[0];
}

// --- time -------------------------------------------------------------------------------

function localParts(ms: number) {
  const d = new Date(ms + SHANGHAI);
  return { month: d.getUTCMonth(), dow: d.getUTCDay(), year: d.getUTCFullYear() };
}

/** A day start (Shanghai midnight, as epoch ms) drawn by month and weekday volume. */
function drawDay(r: Rand, startMs: number, endMs: number): number {
  const first = Math.floor((startMs + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const days = Math.max(1, Math.ceil((endMs - first) / DAY));
  const maxW = Math.max(...MONTH_WEIGHT) * Math.max(...DOW_WEIGHT);
  for (let attempt = 0; attempt < 64; attempt++) {
    const day = first + Math.floor(r() * days) * DAY;
    const { month, dow } = localParts(day);
    if (r() * maxW < MONTH_WEIGHT[month] * DOW_WEIGHT[dow]) return day;
  }
  return first + Math.floor(r() * days) * DAY;
}

function drawInstant(r: Rand, day: number, channel: DemoChannel, startMs: number, endMs: number): number {
  for (let attempt = 0; attempt < 16; attempt++) {
    const hour = weighted(r, HOURS[channel]);
    const t = day + hour * 3_600_000 + Math.floor(r() * 3_600_000);
    if (t >= startMs && t <= endMs) return t;
  }
  return Math.min(endMs, Math.max(startMs, day + Math.floor(r() * DAY)));
}

// --- the generator ----------------------------------------------------------------------

export interface DemoRange {
  startMs: number;
  endMs: number;
}

/**
 * `count` requests dated within [startMs, endMs], sorted by `createdAt`; the same `seed`
 * gives the same list. When `count` ≥ the number of leaf categories every leaf appears.
 */
export function generateDemoRequests(count: number, seed: number, range: DemoRange): DemoRequest[] {
  const { startMs, endMs } = range;
  if (!(endMs >= startMs)) throw new RangeError('endMs must not be before startMs');
  const r = prng(seed);
  const leaves = LEAF_CATEGORIES.filter((l) => TEXTS[l.code]);
  // Category weights per month: base volume times the category's season.
  const monthWeights = MONTH_WEIGHT.map((_, m) =>
    leaves.map((l) => TEXTS[l.code].w * (TEXTS[l.code].season ? SEASON_BOOST[TEXTS[l.code].season!][m] : 1)),
  );
  // Every leaf once first (in a shuffled order), then by volume.
  const forced = leaves.map((_, i) => i);
  for (let i = forced.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [forced[i], forced[j]] = [forced[j], forced[i]];
  }
  const out: DemoRequest[] = [];
  for (let n = 0; n < count; n++) {
    const day = drawDay(r, startMs, endMs);
    const { month, year } = localParts(day);
    const li = n < forced.length ? forced[n] : weighted(r, monthWeights[month]);
    const leaf = leaves[li];
    const set = TEXTS[leaf.code];
    const channel = drawChannel(r, set);
    const urgency = drawUrgency(r, leaf, set);
    const place: Place = {
      community: pick(r, COMMUNITIES),
      road: pick(r, ROADS),
      estate: pick(r, ESTATES),
      landmark: pick(r, LANDMARKS),
      year,
    };
    const { text, templateId } = composeText(leaf, set, channel, urgency, r, place);
    const createdAt = drawInstant(r, day, channel, startMs, endMs);
    const address = `佛山市南海区桂城街道${place.community}${place.road}${1 + Math.floor(r() * 188)}号${r() < 0.5 ? place.estate : ''}`;
    out.push({ text, categoryCode: leaf.code, channel, urgency, createdAt, address, templateId });
  }
  // Stable sort keeps equal instants in generation order, so the result is deterministic.
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

function drawChannel(r: Rand, set: DemoTextSet): DemoChannel {
  if (set.ai?.drone && r() < DRONE_SHARE) return 'drone';
  if (set.ai?.camera && r() < CAMERA_SHARE) return 'camera';
  return pickKey(r, set.p ? CHANNEL_MIX.street : CHANNEL_MIX.people);
}

function drawUrgency(r: Rand, leaf: CategoryLeaf, set: DemoTextSet): DemoUrgency {
  const x = r();
  if (leaf.requestType === 'consultation' || leaf.requestType === 'suggestion' || leaf.requestType === 'praise')
    return x < 0.02 ? 'urgent' : 'normal';
  if (set.risk) return x < 0.15 ? 'emergency' : x < 0.45 ? 'urgent' : 'normal';
  return x < 0.01 ? 'emergency' : x < 0.1 ? 'urgent' : 'normal';
}

/** The categories the generator has templates for (all leaves, normally). */
export function demoCategoryCodes(): string[] {
  return LEAF_CATEGORIES.filter((l) => TEXTS[l.code]).map((l) => l.code);
}

/** Template counts per category, for tests and docs. */
export function demoTemplateStats(): Record<string, { citizen: number; patrol: number }> {
  return Object.fromEntries(
    Object.entries(TEXTS).map(([code, s]) => [code, { citizen: s.t.length, patrol: s.p?.length ?? 0 }]),
  );
}
