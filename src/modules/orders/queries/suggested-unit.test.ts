import { describe, expect, it } from 'vitest';
import { suggestedUnit } from './suggested-unit';

const created = (unitId: string | null) => ({
  type: 'order.created',
  data: JSON.stringify({ route: unitId ? { unitId, reason: '规则', autoDispatch: false } : null }),
});

describe('suggestedUnit', () => {
  it('is the route recorded at intake', () => {
    expect(suggestedUnit([created('u1')])).toBe('u1');
    expect(suggestedUnit([{ type: 'order.created', data: { route: { unitId: 'u2' } } }])).toBe('u2');
  });
  it('is none without a route, or without the intake step', () => {
    expect(suggestedUnit([created(null)])).toBeNull();
    expect(suggestedUnit([])).toBeNull();
    expect(suggestedUnit([{ type: 'order.created', data: 'not json' }])).toBeNull();
  });
  it('is withdrawn once that unit gave the order back or had it taken away', () => {
    const back = (type: string, data: object) => ({ type, data: JSON.stringify(data) });
    expect(suggestedUnit([created('u1'), back('order.return_approved', { unitId: 'u1' })])).toBeNull();
    expect(suggestedUnit([created('u1'), back('order.recalled', { unitId: 'u1' })])).toBeNull();
    expect(suggestedUnit([created('u1'), back('order.redispatched', { unitId: 'u3', fromUnitId: 'u1' })])).toBeNull();
    // another unit's hand-back does not matter
    expect(suggestedUnit([created('u1'), back('order.recalled', { unitId: 'u9' })])).toBe('u1');
  });
});
