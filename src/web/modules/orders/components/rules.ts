/** Form rules the order forms share, from the same checks the server makes (the orders contract). */
import type { Rule } from 'antd/es/form';
import { isValidPhone } from '../../../../modules/orders/contract';

/** An empty field passes (the number is optional); anything else must be a phone number. */
export const phoneRule = (message: string): Rule => ({
  validator: (_, v?: string) =>
    !v?.trim() || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(message)),
});
