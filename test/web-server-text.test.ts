import { describe, expect, it } from 'vitest';
import { inLanguage } from '../src/web/serverText';

describe('inLanguage', () => {
  it('picks the side of a bilingual message', () => {
    const m = '用户名或密码错误 / wrong username or password';
    expect(inLanguage(m, 'zh-CN')).toBe('用户名或密码错误');
    expect(inLanguage(m, 'en')).toBe('wrong username or password');
  });
  it('splits at the first separator: an English side may hold slashes of its own', () => {
    const m = '需要权限 orders.create | orders.read / requires permission orders.create or read / write';
    expect(inLanguage(m, 'en')).toBe('requires permission orders.create or read / write');
    expect(inLanguage(m, 'zh-CN')).toBe('需要权限 orders.create | orders.read');
  });
  it('leaves one-language messages alone', () => {
    expect(inLanguage('unit x is not a department', 'zh-CN')).toBe('unit x is not a department');
    expect(inLanguage('分拨错误', 'en')).toBe('分拨错误');
  });
});

describe('phone numbers (the hotline form and the server use one rule)', () => {
  it('accepts mobiles, landlines with or without area code, extensions and service numbers', async () => {
    const { isValidPhone, normalisePhone } = await import('../src/modules/orders/lists.contract');
    for (const ok of ['13812345678', '138 1234 5678', '+86 13812345678', '0757-86338888', '86338888', '12345', '95598'])
      expect(isValidPhone(ok), ok).toBe(true);
    expect(normalisePhone('0757-8633-8888-123')).toBe('075786338888#123');
    for (const bad of ['138abc12345', '13812345', '1381234567', 'abc', '0757-123'])
      expect(isValidPhone(bad), bad).toBe(false);
  });
});
