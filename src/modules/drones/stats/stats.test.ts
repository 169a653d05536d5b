import { describe, expect, it } from 'vitest';
import { flightStats } from './stats';

const f = (o: Partial<Parameters<typeof flightStats>[0][number]>) => ({
  dock_sn: 'D1',
  scenario: 'river',
  org_id: 'water',
  execute_at: Date.UTC(2026, 0, 31, 17),
  state: 'ok',
  flown_s: 1800,
  flown_m: 9000,
  ...o,
});

describe('flight statistics', () => {
  it('counts missions, sorties, hours and km by dock, scenario, department and month', () => {
    const facts = [
      f({}),
      f({ dock_sn: 'D2', scenario: 'park', flown_s: 3600, flown_m: 12_000 }),
      f({ state: 'rejected', flown_s: null, flown_m: null }),
    ];
    const byDock = flightStats(facts, 'dock');
    expect(byDock.total).toEqual({ key: 'total', missions: 3, sorties: 2, hours: 1.5, km: 21, ok: 2, failed: 1 });
    expect(byDock.rows.map((r) => [r.key, r.missions, r.sorties])).toEqual([
      ['D1', 2, 1],
      ['D2', 1, 1],
    ]);
    // 2026-01-31 17:00 UTC is 2026-02-01 in Shanghai
    expect(flightStats(facts, 'month').rows.map((r) => r.key)).toEqual(['2026-02']);
    expect(flightStats(facts, 'scenario').rows.find((r) => r.key === 'park')?.hours).toBe(1);
    expect(flightStats([], 'org')).toEqual({
      rows: [],
      total: { key: 'total', missions: 0, sorties: 0, hours: 0, km: 0, ok: 0, failed: 0 },
    });
  });
});
