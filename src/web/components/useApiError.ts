import { useCallback } from 'react';
import { App } from 'antd';
import { ApiError } from '../api';
import { useT } from '../i18n';

/** Show a failed call to the user: the server's own message, or a network/unknown notice. */
export function useApiError(): (e: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (e: unknown) => {
      if ((e as Error)?.name === 'AbortError') return;
      if (e instanceof ApiError) {
        if (e.status === 401) return; // the auth layer sends the user to the login page
        if (e.status === 0) message.error(t('error.network'));
        else if (e.status === 403) message.error(e.message || t('error.forbidden'));
        else message.error(e.message);
        return;
      }
      message.error((e as Error)?.message || t('error.unknown'));
    },
    [message, t],
  );
}
