/** Routing's reason ("主管部门：公安 / responsible department: public security") in the page's language. */
import { useCallback } from 'react';
import { useI18n } from '../../../i18n';
import { inLanguage } from '../../../serverText';

export function useRouteReason(): (reason: string | null | undefined) => string {
  const { lang } = useI18n();
  return useCallback((reason) => (reason ? inLanguage(reason, lang) : ''), [lang]);
}
