/**
 * The server writes its messages in both languages, "中文 / English" (one text for API clients of
 * either). The app shows one language at a time: this picks the side of the current language.
 */
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** The part of a bilingual message in `lang`; a message in one language is returned as it is. */
export function inLanguage(message: string, lang: 'zh-CN' | 'en'): string {
  let at = message.indexOf(' / ');
  while (at !== -1) {
    const zh = message.slice(0, at).trim();
    const en = message.slice(at + 3).trim();
    if (CJK.test(zh) && !CJK.test(en) && en) return lang === 'en' ? en : zh;
    at = message.indexOf(' / ', at + 3);
  }
  return message;
}

/** The page's language (set by the i18n provider), so errors read in the one the user chose. */
export function pageLanguage(): 'zh-CN' | 'en' {
  return typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
}
