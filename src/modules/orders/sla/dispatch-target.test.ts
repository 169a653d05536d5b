import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPATCH_TARGET_MINUTES, DEFAULT_SLA_RULES, parseSlaRules } from './sla-rules';

describe('分拨时限 in the SLA rules', () => {
  const base = { dueSoonRatio: 0.2, sign: [], completion: [] };
  it('defaults to 30 minutes and keeps a saved value', () => {
    expect(DEFAULT_SLA_RULES.dispatchTargetMinutes).toBe(DEFAULT_DISPATCH_TARGET_MINUTES);
    expect(parseSlaRules(base).dispatchTargetMinutes).toBeUndefined();
    expect(parseSlaRules({ ...base, dispatchTargetMinutes: 45 }).dispatchTargetMinutes).toBe(45);
    expect(parseSlaRules(DEFAULT_SLA_RULES)).toEqual(DEFAULT_SLA_RULES);
  });
  it('refuses what is not a whole number of minutes from 1 to 1440', () => {
    for (const bad of [0, -5, 1.5, 1441, '30', null])
      expect(() => parseSlaRules({ ...base, dispatchTargetMinutes: bad })).toThrow(/dispatchTargetMinutes/);
  });
});
