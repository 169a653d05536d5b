import { useCallback } from 'react';
import { hasKey, useI18n } from '../i18n';
import { type RoleInfo } from '../../modules/identity/contract';

type ServerLabel = Pick<RoleInfo, 'label' | 'labelEn'>;

/** A role's display name: our dictionary first, then the server's label (zh or en), then the raw name. */
export function useRoleLabel(): (role: string, server?: ServerLabel) => string {
  const { t, lang } = useI18n();
  return useCallback(
    (role: string, server?: ServerLabel) => {
      const key = `role.${role}`;
      if (hasKey(key)) return t(key);
      return (lang === 'en' ? (server?.labelEn ?? server?.label) : server?.label) || role;
    },
    [t, lang],
  );
}
