import { describe, expect, it } from 'vitest';
import { at, DAY, draft, isWorkingDay, NOW } from '../../cases/model/testing';
import type { CaseSnapshot } from '../../cases/model';
import { caseFacts, monthOf, type CaseFacts } from './facts';
import { figures, rate, type CaseRatingRow } from './figures';

const decision = (t: number) => ({
  outcome: 'granted' as const,
  text: '准予',
  reason: null,
  legalBasis: null,
  at: t,
  by: 'u',
});
const accepted = (over: Partial<CaseSnapshot> = {}): CaseSnapshot =>
  draft({ state: 'accepted', submittedAt: NOW, acceptedAt: NOW, acceptedBy: 'u', ...over });
const delivery = (method: 'window' | 'mail' | 'electronic') => ({
  method,
  at: NOW + 2 * DAY,
  by: 'u',
  recipient: null,
  trackingNo: null,
  carrier: null,
  licenceId: null,
});

describe('case facts', () => {
  it('counts nothing before acceptance', () => {
    expect(caseFacts(draft(), isWorkingDay)).toBeNull();
  });

  it('reads 即办, 网办, 全程网办, 按时办结 and 包邮 from the case', () => {
    const immediate = caseFacts(
      accepted({ item: { ...draft().item, kind: 'immediate', promisedLimitDays: 0 }, decision: decision(NOW) }),
      isWorkingDay,
    ) as CaseFacts;
    expect(immediate).toMatchObject({ immediate: true, decided: true, onTime: true, month: '2026-03' });
    const online = caseFacts(
      accepted({ channel: 'online', decision: decision(NOW + DAY), delivery: delivery('mail') }),
      isWorkingDay,
    ) as CaseFacts;
    expect(online).toMatchObject({ immediate: false, online: true, fullOnline: true, mailed: true, onTime: true });
    const visited = caseFacts(
      accepted({
        channel: 'online',
        originals: { method: 'window', trackingNo: null, at: NOW, by: 'u' },
        decision: decision(NOW + DAY),
        delivery: delivery('electronic'),
      }),
      isWorkingDay,
    ) as CaseFacts;
    expect(visited).toMatchObject({ online: true, fullOnline: false, delivered: true, mailed: false });
    // decided a month later: past the promised limit
    const late = caseFacts(accepted({ decision: decision(NOW + 30 * DAY) }), isWorkingDay) as CaseFacts;
    expect(late).toMatchObject({ decided: true, onTime: false });
  });

  it('takes the month in Shanghai time', () => {
    expect(monthOf(at('2026-04-01 00:30'))).toBe('2026-04');
  });
});

describe('figures', () => {
  const fact = (caseId: string, over: Partial<CaseFacts>): CaseFacts => ({
    caseId,
    itemId: 'i1',
    itemCode: 'C1',
    itemName: '事项',
    departmentId: 'd1',
    siteId: 's1',
    channel: 'window',
    kind: 'promised',
    acceptedAt: NOW,
    month: '2026-03',
    immediate: false,
    online: false,
    fullOnline: false,
    decided: false,
    onTime: false,
    delivered: false,
    mailed: false,
    ...over,
  });
  const rating = (caseId: string, level: number, over: Partial<CaseRatingRow> = {}): CaseRatingRow => ({
    caseId,
    round: 1,
    level,
    current: true,
    voided: false,
    groundless: false,
    rectification: null,
    ...over,
  });

  it('groups, rates and totals, with the 好差评 rules for ratings', () => {
    const facts = [
      fact('a', { immediate: true, decided: true, onTime: true, delivered: true }),
      fact('b', { channel: 'online', online: true, fullOnline: true, decided: true, delivered: true, mailed: true }),
      fact('c', { departmentId: 'd2', channel: 'online', online: true }),
    ];
    const ratings = [
      rating('a', 5),
      rating('b', 1, { current: false, rectification: { status: 'fixed', fixedAt: NOW, fixDue: NOW + DAY } }),
      rating('b', 4, { round: 2 }),
      rating('c', 1, { groundless: true }),
      rating('x', 5), // not an accepted case of the period
      rating('a', 1, { voided: true, current: false }),
    ];
    const { rows, total } = figures(facts, ratings, 'department');
    expect(rows.map((r) => r.key)).toEqual(['d1', 'd2']);
    expect(rows[0]).toMatchObject({
      accepted: 2,
      immediateRate: 0.5,
      onlineRate: 0.5,
      fullOnlineRate: 0.5,
      mailRate: 0.5,
      onTimeRate: 0.5,
      rated: 2,
      satisfactionRate: 1,
      bad: 1,
      rectificationRate: 1,
    });
    expect(rows[1]).toMatchObject({ accepted: 1, onTimeRate: null, rated: 1, satisfied: 0, bad: 0 });
    expect(total).toMatchObject({ key: 'total', accepted: 3, online: 2, rated: 3, satisfied: 2, onTimeRate: 0.5 });
    expect(figures(facts, [], 'channel').rows.map((r) => [r.key, r.accepted])).toEqual([
      ['online', 2],
      ['window', 1],
    ]);
  });

  it('rounds rates to 4 places and has none without a denominator', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 0)).toBeNull();
  });
});
