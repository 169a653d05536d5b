import { Jieba } from '@node-rs/jieba';
// The package has no "exports" map, so plain Node ESM needs the file extension here.
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese tokenizer for the service catalogue, on the approach of the work orders' classifier:
 * jieba in dictionary mode (no HMM, stable output) plus a domain dictionary so that the words
 * people search for (不动产登记, 营业执照, 社保卡) stay whole; `cutForSearch` also yields their
 * parts (不动产, 登记), and overlapping character pairs catch what segmentation misses.
 */
const DOMAIN_WORDS = `
一网通办 一件事 办事指南 不动产 不动产登记 不动产权证 首次登记 转移登记 变更登记 注销登记 抵押登记 预告登记
营业执照 企业开办 个体工商户 食品经营许可 公章刻制 税务登记 发票申领 社会保险 社保卡 养老保险 失业保险 工伤保险
失业金 医疗保险 医保 医保卡 异地就医 生育津贴 门诊特定病种 住房公积金 公积金 公积金提取 公积金贷款 户口 户籍
户口迁移 居住证 身份证 出生登记 出生医学证明 新生儿 入户 积分入学 低保 最低生活保障 特困人员 临时救助 残疾人证
残疾人 两项补贴 护理补贴 高龄津贴 长者 养老服务 婚姻登记 结婚登记 离婚登记 退役军人 优待证 施工许可 竣工验收
规划许可 工程建设 消防验收 消防设计 排水许可 占道 挖掘 燃气 供水 用电 报装 过户 律师 法律援助 人民调解 公证
老年人 优待 就业登记 失业登记 创业补贴 职业技能 人才 入户 档案 退休 丧葬 抚恤 殡葬 准生 生育登记 独生子女
`;

let jieba: Jieba | undefined;

/** Built once per process (loading the dictionary takes ~0.2 s). */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const words = DOMAIN_WORDS.split(/\s+/).filter(Boolean);
    jieba.loadDict(Buffer.from(words.map((w) => `${w} 2000 n`).join('\n'), 'utf8'));
  }
  return jieba;
}

/** Words a search says nothing with (particles, "办理", "申请" that every item carries). */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 是 在 有 和 与 及 或 等 我 你 要 想 怎么 如何 怎样 哪里 什么 需要 可以 吗 呢 吧 去 到 办 办理 申请 手续
  材料 流程 事项 服务 一个 一下 请问 相关 关于 对 为 之 其 个人 人员`
    .split(/\s+/)
    .filter(Boolean),
);

const FULL_WIDTH = /[\u3000\uFF01-\uFF5E]/;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

function meaningful(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isHan(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39)) return true;
  }
  return false;
}

const normalise = (text: string) => (FULL_WIDTH.test(text) ? text.normalize('NFKC') : text).toLowerCase();

/** jieba's search-mode words of a text (whole words and their dictionary parts), stop words dropped, unique. */
export function words(text: string): string[] {
  const out = new Set<string>();
  for (const w of segmenter().cutForSearch(normalise(text), false)) {
    const t = w.trim();
    if (t && meaningful(t) && !STOP_WORDS.has(t)) out.add(t);
  }
  return [...out];
}

/** Overlapping pairs of Chinese characters ("#登记"), unique: they survive segmentation mistakes. */
export function charPairs(text: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i < text.length; i++)
    if (isHan(text.charCodeAt(i - 1)) && isHan(text.charCodeAt(i))) out.add(`#${text.slice(i - 1, i + 1)}`);
  return [...out];
}

/** The terms a query looks up: its words and its character pairs. */
export const queryTerms = (q: string): string[] => [...new Set([...words(q), ...charPairs(normalise(q))])];

/** A query written in Latin letters only (pinyin initials: bdcdj). */
export const isInitialsQuery = (q: string) => /^[a-z]{2,20}$/i.test(q.trim());
