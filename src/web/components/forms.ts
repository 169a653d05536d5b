import type { FormInstance } from 'antd';

/** The form's values, or null when a field is invalid (antd already shows why under the field). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
