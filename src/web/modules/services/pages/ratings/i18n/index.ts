/** The 好差评 page's texts in the shell's language (its own dictionaries, zh-CN first). */
import { useCallback } from 'react';
import { useI18n } from '../../../../../i18n';
import { ratingsEn } from './en';
import { ratingsZhCN, type RatingsKey } from './zh-CN';

export type { RatingsKey };
export type RatingsT = (key: RatingsKey) => string;

export function useRatingsT(): RatingsT {
  const { lang } = useI18n();
  return useCallback(
    (key: RatingsKey) => (lang === 'en' ? ratingsEn : ratingsZhCN)[key] ?? ratingsZhCN[key] ?? key,
    [lang],
  );
}
