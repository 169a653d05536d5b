/**
 * Pinyin initials of Chinese text (不动产登记 → bdcdj) without a dictionary package: the
 * runtime's ICU collation sorts Han characters by pinyin (zh-Hans-CN), so each character's
 * initial is the last boundary character it sorts after. Polyphones take their common reading.
 */
const BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃妈拏噢妑七呥仨他穵夕丫帀';
const LETTERS = 'abcdefghjklmnopqrstwxyz';
const collator = new Intl.Collator('zh-Hans-CN');
const isHan = (c: string) => /[\u4e00-\u9fff]/.test(c);

const cache = new Map<string, string>();

function initialOf(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let r = '';
  for (let i = 0; i < BOUNDARIES.length; i++) {
    if (collator.compare(ch, BOUNDARIES[i]) >= 0) r = LETTERS[i];
    else break;
  }
  cache.set(ch, r);
  return r;
}

/** Initials of the Han characters and the Latin letters and digits of a text, lower-cased. */
export function pinyinInitials(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isHan(ch)) out += initialOf(ch);
    else if (/[A-Za-z0-9]/.test(ch)) out += ch.toLowerCase();
  }
  return out;
}
