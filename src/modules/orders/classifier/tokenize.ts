import { Jieba } from '@node-rs/jieba';
// The package has no "exports" map, so plain Node ESM needs the file extension here.
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese tokenizer for citizen-request texts: jieba (dictionary mode, no HMM, so the
 * output is stable), plus a small domain dictionary so that terms of the trade
 * (占道经营, 飞线充电, 电梯困人) and local place names (千灯湖, 桂澜路) stay whole.
 */

/** Street-governance terms and Guicheng place names jieba's default dictionary splits. */
const DOMAIN_WORDS = `
占道经营 乱摆卖 流动摊贩 小广告 牛皮癣 飞线充电 消防通道 共享单车 网约车 泥头车 余泥渣土 渣土车
噪音扰民 广场舞 电梯困人 维修资金 积分入学 长者饭堂 违章搭建 违法建设 露天焚烧 充电桩 河涌 人才房
公租房 托育 校外培训 电诈 老旧小区 加装电梯 燃气费 排污口 偷倒 养犬 扬尘 下水道 化粪池 沙井 渣土
物业费 业委会 不动产登记 居住证 公积金 低保 临时救助 残疾人证 欠薪 网格员 无人机 停车位 电动自行车
路灯 井盖 通气 漏气 停水 停电 水压 积水 内涝 油烟 异味 水浸 跳闸 宽带 拒载 绕路 预付卡 退费 过期
桂城 千灯湖 映月湖 桂澜路 桂澜北路 桂澜中路 桂澜南路 南海大道 海八路 海五路 海四路 灯湖东路 灯湖西路
南桂东路 桂平路 佛平路 宝石东路 桂和路 佛山水道 东平水道 金融高新区 平洲 叠滘 石肯 林岳 夏北 夏南
东二社区 平西社区 平东社区 夏南一社区 夏南二社区 夏北社区 叠滘社区 石肯社区 林岳社区 灯湖社区 三山
`;

let jieba: Jieba | undefined;

/** The segmenter is built once per process (loading the dictionary takes ~0.2 s). */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const words = DOMAIN_WORDS.split(/\s+/).filter(Boolean);
    jieba.loadDict(Buffer.from(words.map((w) => `${w} 2000 n`).join('\n'), 'utf8'));
  }
  return jieba;
}

/**
 * Function words, particles, pronouns and the politeness every call carries. They say
 * nothing about which department a request belongs to.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 是 在 有 和 与 及 或 而 就 都 也 还 又 很 太 非常 比较 特别 一直 已经 经常 总是 每次 这 那 这个 那个
  这些 那些 这里 那里 这边 那边 这样 那样 一个 一些 一下 一点 有点 有些 我 你 他 她 它 我们 你们 他们 她们
  咱们 自己 大家 本人 吧 呢 吗 啊 呀 哦 嗯 哈 啦 嘛 么 着 过 把 被 给 让 从 向 对 对于 关于 由 于 为 为了
  因为 所以 但是 但 可是 如果 就是 还是 而且 并且 然后 现在 目前 今天 昨天 之前 以后 后来 时候 到 去 来 说
  要 会 能 可以 想 请 麻烦 希望 您好 你好 您 谢谢 感谢您 市民 来电 反映 表示 称 诉求 问题 情况 相关 部门
  处理 尽快 帮忙 一下子 什么 怎么 怎么办 怎样 如何 为什么 多少 哪里 哪个 是否 没有 不 没 等 等等 个 位 次
  号 年 月 日 点 分`
    .split(/\s+/)
    .filter(Boolean),
);

/** Full-width letters, digits and spaces: only texts with these need NFKC normalising. */
const FULL_WIDTH = /[\u3000\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;
const UPPER = /[A-Z]/;

const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** A token carries meaning when it has a CJK character or a Latin letter (not digits, punctuation, spaces). */
function meaningful(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isHan(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) return true;
  }
  return false;
}

export interface TokenizeOptions {
  /** Also emit joined pairs of neighbouring kept words ("占_道"). Default false. */
  bigrams?: boolean;
  /** Also emit overlapping pairs of Chinese characters ("#占道"), which survive segmentation mistakes. Default false. */
  charBigrams?: boolean;
}

/** Words of `text` without stop words, punctuation or numbers, lower-cased; optionally with word and character bigrams. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const source = FULL_WIDTH.test(text) ? text.normalize('NFKC') : text;
  const words: string[] = [];
  for (const w of segmenter().cut(source, false)) {
    if (!meaningful(w)) continue;
    const word = UPPER.test(w) ? w.toLowerCase() : w;
    if (!STOP_WORDS.has(word)) words.push(word);
  }
  const n = words.length;
  if (options.bigrams) for (let i = 1; i < n; i++) words.push(`${words[i - 1]}_${words[i]}`);
  if (options.charBigrams) {
    for (let i = 1; i < source.length; i++) {
      if (isHan(source.charCodeAt(i - 1)) && isHan(source.charCodeAt(i))) words.push(`#${source.slice(i - 1, i + 1)}`);
    }
  }
  return words;
}
