import { describe, expect, it } from 'vitest';
import { ORDER_STATES } from './states';
import { revealBasis } from './reveal';
import type { Actor } from './types';
import { ACTORS, NOW, UNIT, order } from './testing';

const otherUnit: Actor = { userId: 'u-h2', roles: ['handler'], orgIds: ['unit-2'] };
const parentOfUnit: Actor = { userId: 'u-h3', roles: ['handler'], orgIds: ['dept', UNIT] };

describe('revealBasis', () => {
  it('the reveal permission is enough, in any state, for any role', () => {
    for (const s of ORDER_STATES) expect(revealBasis(order(s), ACTORS.leader, true, NOW), s).toBe('permission');
  });

  it('the assigned unit reveals exactly where 联系市民 is offered (办理中)', () => {
    for (const s of ORDER_STATES) {
      const want = s === 'handling' ? 'assigned_unit' : null;
      expect(revealBasis(order(s), ACTORS.handler, false, NOW), s).toBe(want);
      // a handler whose subtree holds the unit is its handler too
      expect(revealBasis(order(s), parentOfUnit, false, NOW), s).toBe(want);
    }
    // suspended or with a pending request, the unit still calls the citizen back
    expect(revealBasis(order('handling', { suspended: true }), ACTORS.handler, false, NOW)).toBe('assigned_unit');
  });

  it('nobody else: another unit, the roles without contact, a citizen', () => {
    const handling = order('handling');
    expect(revealBasis(handling, otherUnit, false, NOW)).toBeNull();
    expect(revealBasis(order('handling', { unitId: null }), ACTORS.handler, false, NOW)).toBeNull();
    for (const a of [ACTORS.dispatcher, ACTORS.leader, ACTORS.admin, ACTORS.citizen, ACTORS.system])
      expect(revealBasis(handling, a, false, NOW), a.userId).toBeNull();
  });
});
