import { describe, expect, it } from 'vitest';
import { decideRoute, type RoutingRule, type UnitCandidate } from './routing';

const units: UnitCandidate[] = [
  { id: 'u-cg', code: 'GC-ZF', kind: 'department', departmentType: 'urban_management' },
  { id: 'u-police', code: 'GC-PCS', kind: 'department', departmentType: 'public_security' },
  { id: 'u-zq', code: 'ZQ', kind: 'community', departmentType: 'community' },
  { id: 'u-dp', code: 'DP', kind: 'community', departmentType: 'community' },
  { id: 'u-gas', code: 'GAS', kind: 'department', departmentType: 'gas' },
];
const rule = (id: string, categoryPrefix: string, unitId: string, more: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  categoryPrefix,
  communityCode: null,
  unitId,
  autoDispatch: false,
  minConfidence: 0.9,
  priority: 0,
  ...more,
});
const base = {
  categoryCode: '040203',
  departmentType: 'public_security',
  communityCode: 'ZQ',
  confidence: 0.95,
  categoryConfirmed: false,
  rules: [] as RoutingRule[],
  units,
};

describe('decideRoute', () => {
  it('gives nothing without a category', () => {
    expect(decideRoute({ ...base, categoryCode: null })).toBeNull();
  });

  it('takes the rule with the longest matching category prefix', () => {
    const rules = [
      rule('all', '', 'u-gas'),
      rule('04', '04', 'u-cg'),
      rule('0402', '0402', 'u-police'),
      rule('other', '0403', 'u-dp'),
    ];
    expect(decideRoute({ ...base, rules })).toMatchObject({ unitId: 'u-police', ruleId: '0402' });
    expect(decideRoute({ ...base, categoryCode: '010101', rules })).toMatchObject({ ruleId: 'all' });
  });

  it('prefers a rule naming the community to one for everywhere, at the same prefix', () => {
    const rules = [rule('any', '0402', 'u-cg', { priority: 50 }), rule('zq', '0402', 'u-zq', { communityCode: 'ZQ' })];
    expect(decideRoute({ ...base, rules })).toMatchObject({ ruleId: 'zq', unitId: 'u-zq' });
    // a rule for another community does not apply here
    expect(decideRoute({ ...base, communityCode: 'DP', rules })).toMatchObject({ ruleId: 'any' });
  });

  it('breaks remaining ties by priority', () => {
    const rules = [rule('low', '0402', 'u-cg', { priority: -1 }), rule('high', '0402', 'u-police', { priority: 5 })];
    expect(decideRoute({ ...base, rules })).toMatchObject({ ruleId: 'high' });
  });

  it('dispatches at once only by a rule that says so, and only when the category is sure enough', () => {
    const rules = [rule('auto', '0402', 'u-cg', { autoDispatch: true, minConfidence: 0.9 })];
    expect(decideRoute({ ...base, rules, confidence: 0.95 })?.autoDispatch).toBe(true);
    expect(decideRoute({ ...base, rules, confidence: 0.89 })?.autoDispatch).toBe(false);
    expect(decideRoute({ ...base, rules, confidence: null })?.autoDispatch).toBe(false);
    // a person chose the category: certain whatever the classifier thought
    expect(decideRoute({ ...base, rules, confidence: 0.1, categoryConfirmed: true })?.autoDispatch).toBe(true);
    const manual = [rule('manual', '0402', 'u-cg', { autoDispatch: false, minConfidence: 0 })];
    expect(decideRoute({ ...base, rules: manual, confidence: 1, categoryConfirmed: true })?.autoDispatch).toBe(false);
  });

  it('without a rule, sends a community matter to the community the point lies in', () => {
    expect(decideRoute({ ...base, departmentType: 'community', communityCode: 'DP' })).toEqual({
      unitId: 'u-dp',
      ruleId: null,
      reason: '属地社区 / local community',
      autoDispatch: false,
    });
    expect(decideRoute({ ...base, departmentType: 'community', communityCode: null })).toBeNull();
  });

  it('without a rule, sends anything else to the department of the category’s kind, named in Chinese', () => {
    expect(decideRoute({ ...base, confidence: 1, categoryConfirmed: true })).toEqual({
      unitId: 'u-police',
      ruleId: null,
      reason: '主管部门：公安 / responsible department: public security',
      autoDispatch: false,
    });
    expect(decideRoute({ ...base, departmentType: 'tax' })).toBeNull();
  });
});
