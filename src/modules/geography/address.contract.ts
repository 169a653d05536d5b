/**
 * Address text → a comparison key: the one copy of the rule, used by the gazetteer search, by
 * intake's duplicate check (orders/intake/address-match.ts) and by the hotline form's community
 * check in the browser (hence a contract file: it imports nothing).
 *
 * - full-width → half-width and compatibility forms folded (NFKC), Latin letters lower-cased;
 * - `#` read as 号 (3#楼 = 3号楼), 幢 as 栋; then whitespace, punctuation and symbols dropped;
 * - the city/district/street prefix dropped: 广东省, 佛山市, 南海区, 桂城街道 (each optional, in that
 *   order — 佛山 alone is not dropped: 佛山水道 is a river);
 * - Chinese numerals before 号/栋/座/楼/层/室/单元/期/巷/弄 written as digits (三十八号 = 38号,
 *   一二三号 = 123号, 两栋 = 2栋); numerals elsewhere (东二社区, 二洲河堤) are names and stay.
 */

const PREFIXES = ['广东省', '佛山市', '南海区', '桂城街道办事处', '桂城街道'];
const NUMBERED = '号|栋|座|楼|层|室|单元|期|巷|弄';
const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL_RUN = new RegExp(`([零〇一二两三四五六七八九十百千]+)(?=${NUMBERED})`, 'g');

/** A run of Chinese numerals as a number (十二 = 12, 一百零五 = 105, 一二三 = 123); null when it is not one. */
export function chineseNumber(run: string): number | null {
  if (!run) return null;
  const chars = [...run];
  // digit by digit (一二三, 二〇二六) when no 十/百/千 appears
  if (chars.every((c) => c in DIGIT)) {
    if (chars.length === 1) return DIGIT[chars[0]];
    return Number(chars.map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const c of chars) {
    if (c in DIGIT) {
      if (digit !== null && DIGIT[c] !== 0) return null; // 二三十: not a number
      digit = DIGIT[c] === 0 ? null : DIGIT[c];
    } else {
      const u = UNIT[c];
      if (u >= lastUnit) return null; // 十百: units must fall
      total += (digit ?? (u === 10 && total === 0 ? 1 : 0)) * u;
      if (digit === null && !(u === 10 && total === 10)) return null; // 百 alone
      digit = null;
      lastUnit = u;
    }
  }
  return total + (digit ?? 0);
}

/** The comparison key of an address or a place name (see the file's header). */
export function normaliseAddress(text: string | null | undefined): string {
  if (!text) return '';
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(/#/g, '号').replace(/幢/g, '栋');
  s = s.replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const p of PREFIXES) if (s.startsWith(p)) s = s.slice(p.length);
  s = s.replace(NUMERAL_RUN, (run) => {
    const n = chineseNumber(run);
    return n === null ? run : String(n);
  });
  return s;
}

/** The shortest key an exact match counts for (shorter texts, like 门口, name no place). */
export const MIN_EQUAL_KEY = 4;
/** The shortest key that counts when it lies inside a longer one (南海大道北38号 ⊂ 南海大道北38号东门). */
export const MIN_CONTAINED_KEY = 6;

/**
 * Whether two normalised keys name the same place: equal, or the shorter one inside the longer
 * where neither is too short and the match does not cut a house number (1号 is not inside 21号).
 */
export function sameAddressKey(a: string, b: string): 'equal' | 'contains' | null {
  if (a.length < MIN_EQUAL_KEY || b.length < MIN_EQUAL_KEY) return null;
  if (a === b) return 'equal';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_CONTAINED_KEY) return null;
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let at = long.indexOf(short);
  while (at >= 0) {
    const cutsBefore = isDigit(short[0]) && isDigit(long[at - 1]);
    const cutsAfter = isDigit(short[short.length - 1]) && isDigit(long[at + short.length]);
    if (!cutsBefore && !cutsAfter) return 'contains';
    at = long.indexOf(short, at + 1);
  }
  return null;
}
