import { describe, expect, it } from 'vitest';
import { addServiceProblem, closeDecision, closingAt, dayStart, EMERGENCY_RETRY_MS, mayUnpark } from './visit';

const DAY = '2026-03-02';
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00+08:00`);

describe('addServiceProblem', () => {
  const g = { id: 'g1', itemCodes: ['X1', 'X2'] };
  it('accepts an item of the group, or no item', () => {
    expect(addServiceProblem([], g, 'X1')).toBeNull();
    expect(addServiceProblem([], g, null)).toBeNull();
  });
  it('refuses an item the group does not cover; a group without a list covers any', () => {
    expect(addServiceProblem([], g, 'Y')).toBe('item_not_in_group');
    expect(addServiceProblem([], { id: 'g2', itemCodes: [] }, 'Y')).toBeNull();
  });
  it('refuses the same group and item twice, not another item', () => {
    const added = [{ groupId: 'g1', itemCode: 'X1', counterId: 'c', at: 0 }];
    expect(addServiceProblem(added, g, 'X1')).toBe('already_added');
    expect(addServiceProblem(added, g, 'X2')).toBeNull();
  });
});

describe('mayUnpark', () => {
  it('lets only the clerk who parked it, or an admin', () => {
    expect(mayUnpark('u1', 'u1', false)).toBe(true);
    expect(mayUnpark('u1', 'u2', false)).toBe(false);
    expect(mayUnpark('u1', 'u2', true)).toBe(true);
    expect(mayUnpark(null, null, false)).toBe(false);
  });
});

describe('closingAt', () => {
  const periods = [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ];
  it('is the end of the last period, Shanghai time', () => {
    expect(dayStart(DAY)).toBe(at('00:00'));
    expect(closingAt(DAY, periods, at('10:00'))).toBe(at('17:30'));
    expect(closingAt(DAY, [...periods].reverse(), at('10:00'))).toBe(at('17:30'));
  });
  it('is the end of the day with no periods, or once past them (overtime)', () => {
    const end = at('00:00') + 86_400_000;
    expect(closingAt(DAY, [], at('10:00'))).toBe(end);
    expect(closingAt(DAY, periods, at('17:30'))).toBe(end);
    expect(closingAt(DAY, periods, at('18:00'))).toBe(end);
  });
});

describe('closeDecision', () => {
  it('closes unless in emergency mode, which looks again later', () => {
    expect(closeDecision(false, 100)).toEqual({ close: true });
    expect(closeDecision(true, 100)).toEqual({ close: false, retryAt: 100 + EMERGENCY_RETRY_MS });
  });
});
