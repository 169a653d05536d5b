import { describe, expect, it } from 'vitest';
import { CategoryClassifier, type TrainingSample } from './classifier';
import { generateDemoRequests, type DemoRequest } from '../demo/demo-history';
import { tokenize } from './tokenize';

/** CPU milliseconds this process has used: steadier than wall time on a busy machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const range = { startMs: Date.UTC(2021, 11, 31, 16), endMs: Date.UTC(2022, 11, 31, 16) - 1 };
const data = generateDemoRequests(20_000, 20220101, range);
const train = data.filter((_, i) => i % 5 !== 0);
const test = data.filter((_, i) => i % 5 === 0);

function evaluate(model: CategoryClassifier, samples: readonly TrainingSample[]) {
  let top1 = 0;
  let top3 = 0;
  let confidence = 0;
  for (const s of samples) {
    const p = model.predict(s.text, 3);
    if (p[0].categoryCode === s.categoryCode) top1++;
    if (p.some((x) => x.categoryCode === s.categoryCode)) top3++;
    confidence += p[0].confidence;
  }
  return { top1: top1 / samples.length, top3: top3 / samples.length, meanConfidence: confidence / samples.length };
}

describe('tokenize', () => {
  it('keeps words, drops stop words, punctuation and numbers, keeps domain terms whole', () => {
    const t = tokenize('您好，小区门口有人占道经营卖水果，影响通行！已经3天了');
    expect(t).toContain('占道经营');
    expect(t).toContain('水果');
    for (const gone of ['您好', '，', '！', '3', '了', '已经']) expect(t).not.toContain(gone);
    expect(tokenize('桂澜路千灯湖', { bigrams: true })).toEqual(['桂澜路', '千灯湖', '桂澜路_千灯湖']);
    expect(tokenize('井盖', { charBigrams: true })).toEqual(['井盖', '#井盖']);
    expect(tokenize('ＨＰＶ疫苗')).toContain('hpv');
  });
});

describe('CategoryClassifier', () => {
  const t0 = performance.now();
  const model = CategoryClassifier.train(train);
  const trainMs = performance.now() - t0;

  it('reaches a held-out accuracy of at least 0.75 on generated requests (80/20 of 20,000)', () => {
    const t = performance.now();
    const c = cpuMs();
    const r = evaluate(model, test);
    const predictMs = (performance.now() - t) / test.length;
    const predictCpuMs = (cpuMs() - c) / test.length;
    console.log(
      `classifier 80/20 of ${data.length}: top-1 ${r.top1.toFixed(4)}, top-3 ${r.top3.toFixed(4)}, mean top-1 confidence ${r.meanConfidence.toFixed(4)}; ` +
        `train ${train.length} in ${trainMs.toFixed(0)} ms, predict ${(predictMs * 1000).toFixed(0)} µs each (${(predictCpuMs * 1000).toFixed(0)} µs CPU)`,
    );
    expect(r.top1).toBeGreaterThanOrEqual(0.75);
    expect(r.top3).toBeGreaterThan(r.top1);
    // calibrated: the mean confidence is close to the accuracy it claims
    expect(Math.abs(r.meanConfidence - r.top1)).toBeLessThan(0.05);
    expect(predictCpuMs).toBeLessThan(1);
  });

  it('generalises to phrasings it never saw (one template per category held out)', () => {
    // Every request from each category's first citizen template goes to the test set: a far
    // harder test than a random split, closer to how new citizens' wording differs.
    const unseen = (r: DemoRequest) => r.templateId.endsWith(':t0');
    const m = CategoryClassifier.train(data.filter((r) => !unseen(r)));
    const r = evaluate(m, data.filter(unseen));
    console.log(
      `classifier on unseen templates: top-1 ${r.top1.toFixed(4)}, top-3 ${r.top3.toFixed(4)}, mean top-1 confidence ${r.meanConfidence.toFixed(4)}`,
    );
    expect(r.top1).toBeGreaterThan(0.45);
    expect(r.top3).toBeGreaterThan(0.7);
  });

  it('classifies an obvious street-vending complaint as 占道经营', () => {
    const [best] = model.predict('小区门口有人占道经营卖水果，影响通行');
    expect(best.categoryCode).toBe('010101');
    expect(model.predict('楼道里有很大的煤气味，好像漏气了')[0].categoryCode).toBe('020302');
    expect(model.predict('老板拖欠我们三个月工资不发')[0].categoryCode).toBe('070101');
  });

  it('returns k suggestions, best first, with probabilities summing to at most 1', () => {
    const p = model.predict('晚上工地还在打桩施工，吵得睡不着', 5);
    expect(p).toHaveLength(5);
    for (let i = 1; i < p.length; i++) expect(p[i].confidence).toBeLessThanOrEqual(p[i - 1].confidence);
    const sum = p.reduce((a, x) => a + x.confidence, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-9);
    expect(p.every((x) => x.confidence > 0)).toBe(true);
    expect(model.predict('', 3)).toHaveLength(3); // no evidence: the priors speak
    expect(model.predict('x', 0)).toEqual([]);
    expect(model.categories.length).toBe(new Set(train.map((s) => s.categoryCode)).size);
  });

  it('round-trips through JSON with identical predictions', () => {
    const copy = CategoryClassifier.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const s of test.slice(0, 500)) expect(copy.predict(s.text, 3)).toEqual(model.predict(s.text, 3));
    expect(copy.sampleCount).toBe(model.sampleCount);
    expect(() => CategoryClassifier.fromJSON({} as never)).toThrow();
  });

  it('learns corrections one sample at a time', () => {
    const m = CategoryClassifier.fromJSON(model.toJSON());
    const text = '桂城某某无人机表演扰民，请处理';
    for (let i = 0; i < 5; i++) m.addSample('无人机表演灯光秀扰民', '9999', 1);
    expect(m.categories).toContain('9999');
    expect(m.predict(text, 1)[0].categoryCode).toBe('9999');
    // the original is untouched
    expect(model.categories).not.toContain('9999');
  });

  it('has nothing to say before it has seen anything', () => {
    const empty = CategoryClassifier.train([]);
    expect(empty.predict('路灯坏了')).toEqual([]);
    empty.addSample('路灯坏了不亮', '010401');
    expect(empty.predict('路灯不亮')[0]).toEqual({ categoryCode: '010401', confidence: 1 });
  });

  it('trains on a year of a street (95,000 requests) in a few seconds', () => {
    const year = generateDemoRequests(95_000, 2022, range);
    const t = performance.now();
    const c = cpuMs();
    const big = CategoryClassifier.train(year);
    const ms = performance.now() - t;
    const cpu = cpuMs() - c;
    const json = JSON.stringify(big.toJSON());
    console.log(
      `classifier trained on ${year.length} in ${ms.toFixed(0)} ms (${cpu.toFixed(0)} ms CPU); model JSON ${(json.length / 1e6).toFixed(2)} MB`,
    );
    // a few seconds; the bound only guards against accidental quadratic work
    expect(cpu).toBeLessThan(30_000);
  }, 120_000);
});
