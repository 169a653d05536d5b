/** The case pages' texts in the shell's language (their own dictionaries, zh-CN first), with {name} placeholders. */
import { useCallback } from 'react';
import { useI18n } from '../../../../../i18n';
import { casesEn } from './en';
import { casesZhCN, type CasesKey } from './zh-CN';

export type { CasesKey };
export type CasesT = (key: CasesKey, vars?: Record<string, string | number>) => string;

export function useCasesT(): CasesT {
  const { lang } = useI18n();
  return useCallback(
    (key: CasesKey, vars?: Record<string, string | number>) => {
      const text = (lang === 'en' ? casesEn : casesZhCN)[key] ?? casesZhCN[key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
    },
    [lang],
  );
}
