import { describe, expect, it } from 'vitest';
import { LEAF_CATEGORIES } from '../categories/categories-seed';
import { demoCategoryCodes, demoTemplateStats, generateDemoRequests, type DemoRequest } from './demo-history';

// 2022 in Asia/Shanghai
const range = { startMs: Date.UTC(2021, 11, 31, 16), endMs: Date.UTC(2022, 11, 31, 16) - 1 };
const local = (ms: number) => new Date(ms + 8 * 3_600_000);
const share = (xs: DemoRequest[], pred: (r: DemoRequest) => boolean) => xs.filter(pred).length / xs.length;

describe('demo request generator', () => {
  const year = generateDemoRequests(20_000, 2022, range);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoRequests(500, 7, range)).toEqual(generateDemoRequests(500, 7, range));
    expect(generateDemoRequests(500, 8, range).map((r) => r.text)).not.toEqual(
      generateDemoRequests(500, 7, range).map((r) => r.text),
    );
  });

  it('has templates for every leaf category and hits every one', () => {
    expect(demoCategoryCodes().sort()).toEqual(LEAF_CATEGORIES.map((l) => l.code).sort());
    for (const [code, s] of Object.entries(demoTemplateStats())) expect(s.citizen, code).toBeGreaterThanOrEqual(5);
    expect(new Set(generateDemoRequests(LEAF_CATEGORIES.length, 1, range).map((r) => r.categoryCode)).size).toBe(
      LEAF_CATEGORIES.length,
    );
    expect(new Set(year.map((r) => r.categoryCode)).size).toBe(LEAF_CATEGORIES.length);
  });

  it('fills every slot and dates every request within the range, in order', () => {
    // one assertion over the whole year: per-row expect() calls would dominate the run time
    const bad = year.filter(
      (r, i) =>
        /[[\]{}|]/.test(r.text) ||
        r.text.length <= 8 ||
        !r.address.startsWith('佛山市南海区桂城街道') ||
        r.createdAt < range.startMs ||
        r.createdAt > range.endMs ||
        (i > 0 && r.createdAt < year[i - 1].createdAt),
    );
    expect(bad).toEqual([]);
    const tiny = generateDemoRequests(50, 3, { startMs: 1_700_000_000_000, endMs: 1_700_000_060_000 });
    for (const r of tiny) expect(r.createdAt).toBeGreaterThanOrEqual(1_700_000_000_000);
    for (const r of tiny) expect(r.createdAt).toBeLessThanOrEqual(1_700_000_060_000);
  });

  it('is varied: many distinct texts, several templates in use per category', () => {
    expect(new Set(year.map((r) => r.text)).size / year.length).toBeGreaterThan(0.85);
    const templatesOf = new Map<string, Set<string>>();
    for (const r of year)
      (templatesOf.get(r.categoryCode) ?? templatesOf.set(r.categoryCode, new Set()).get(r.categoryCode)!).add(
        r.templateId,
      );
    for (const [code, ids] of templatesOf) expect(ids.size, code).toBeGreaterThanOrEqual(5);
  });

  it('mixes channels like published figures', () => {
    const mix = Object.fromEntries(
      ['hotline', 'grid', 'wechat', 'web', 'open311', 'drone', 'camera'].map((c) => [
        c,
        share(year, (r) => r.channel === c),
      ]),
    );
    console.log(
      'channel mix',
      Object.fromEntries(Object.entries(mix).map(([k, v]) => [k, `${(v * 100).toFixed(1)}%`])),
    );
    expect(mix.hotline).toBeGreaterThan(0.55);
    expect(mix.hotline).toBeLessThan(0.65);
    expect(mix.grid).toBeGreaterThan(0.27);
    expect(mix.grid).toBeLessThan(0.37);
    expect(mix.wechat).toBeGreaterThan(0.03);
    expect(mix.wechat).toBeLessThan(0.07);
    expect(mix.drone + mix.camera).toBeGreaterThan(0);
    expect(mix.drone + mix.camera).toBeLessThan(0.02);
    // machines only report what they can see
    const seen = new Set(
      year.filter((r) => r.channel === 'drone' || r.channel === 'camera').map((r) => r.categoryCode),
    );
    expect(seen.has('0103')).toBe(true);
    expect(seen.has('070201')).toBe(false);
  });

  it('has more on weekdays than at weekends, a summer peak and a Spring Festival dip', () => {
    const perDay = [0, 0, 0, 0, 0, 0, 0];
    const perMonth = new Array(12).fill(0);
    for (const r of year) {
      perDay[local(r.createdAt).getUTCDay()]++;
      perMonth[local(r.createdAt).getUTCMonth()]++;
    }
    const weekday = (perDay[1] + perDay[2] + perDay[3] + perDay[4] + perDay[5]) / 5;
    const weekend = (perDay[0] + perDay[6]) / 2;
    expect(weekday).toBeGreaterThan(weekend * 1.3);
    expect(perMonth[6] + perMonth[7]).toBeGreaterThan((perMonth[0] + perMonth[1]) * 1.15);
    expect(perMonth[1]).toBe(Math.min(...perMonth));
    // unpaid wages peak before the Spring Festival; flooding in the rainy season
    const wagesBy = (m: number) =>
      year.filter((r) => r.categoryCode === '070101' && local(r.createdAt).getUTCMonth() === m).length;
    expect(wagesBy(0)).toBeGreaterThan(wagesBy(5) * 2);
    const floodsBy = (m: number) =>
      year.filter((r) => r.categoryCode === '020502' && local(r.createdAt).getUTCMonth() === m).length;
    expect(floodsBy(5)).toBeGreaterThan(floodsBy(11) * 2);
  });

  it('hotline requests are mostly by day; urgent ones are a minority', () => {
    const night = share(
      year.filter((r) => r.channel === 'hotline'),
      (r) => local(r.createdAt).getUTCHours() < 7,
    );
    expect(night).toBeLessThan(0.08);
    expect(share(year, (r) => r.urgency === 'normal')).toBeGreaterThan(0.8);
    expect(share(year, (r) => r.urgency === 'emergency')).toBeLessThan(0.05);
    // grid inspectors work office hours
    expect(
      year
        .filter((r) => r.channel === 'grid')
        .every((r) => {
          const h = local(r.createdAt).getUTCHours();
          return h >= 7 && h <= 18;
        }),
    ).toBe(true);
  });
});
