import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { useApiError } from './useApiError';

/** The form's values, or null when a field is invalid (antd already shows why under the field). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}

/**
 * The submit of a form dialog: validate (an invalid field stops here, antd shows why), mark busy,
 * send, and show a failure the way every page does. `busy` drives the OK button's spinner.
 */
export function useFormSubmit<T>(
  form: FormInstance<T>,
  send: (values: T) => Promise<void> | void,
  /** Instead of the toast: a dialog that keeps the refusal in view shows it itself. */
  onError?: (e: unknown) => void,
): { busy: boolean; submit: () => Promise<void> } {
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const submit = useCallback(async () => {
    const values = await validated(form);
    if (!values) return;
    setBusy(true);
    try {
      await send(values);
    } catch (e) {
      (onError ?? showError)(e);
    } finally {
      setBusy(false);
    }
  }, [form, send, onError, showError]);
  return { busy, submit };
}
