import type { PlatformContext } from '../../../platform/context';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import { newId } from '../../../platform/ids';
import type { OrdersServices } from '../services';
import { generateDemoRequests } from './demo-history';
import { writeDemoPhrases } from './demo-phrases';

/** Routing rules of the demo centre: clear-cut categories go straight to their unit. */
const DEMO_RULES: Array<{ prefix: string; unitCode: string; auto: boolean; min: number; note: string }> = [
  { prefix: '0101', unitCode: 'GC-ZF', auto: true, min: 0.8, note: '市容秩序直派城管' },
  { prefix: '0102', unitCode: 'GC-ZF', auto: true, min: 0.8, note: '环境卫生直派城管' },
  { prefix: '0201', unitCode: 'GC-SW', auto: true, min: 0.85, note: '供水直派水务' },
  { prefix: '0202', unitCode: 'GC-GD', auto: true, min: 0.85, note: '供电直派供电所' },
  { prefix: '0203', unitCode: 'GC-RQ', auto: false, min: 0.9, note: '燃气由中心确认后分拨' },
];

/** Training texts for the classifier: the demo generator's requests (not real citizens' words). */
export const DEMO_TRAINING_SAMPLES = 20_000;

export async function seedDemoOrderConfig(
  p: PlatformContext,
  m: OrdersServices,
  trainingSamples = DEMO_TRAINING_SAMPLES,
): Promise<string> {
  const units = await p.db.selectFrom('orgs').select(['id', 'code']).execute();
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  const now = p.clock.now();
  const samples = generateDemoRequests(trainingSamples, 20260101, { startMs: now - 365 * 86_400_000, endMs: now });
  let phrases = 0;
  await p.transact(SYSTEM_CONTEXT, async (w) => {
    phrases = await writeDemoPhrases(w);
    for (const r of DEMO_RULES) {
      const unitId = idOf.get(r.unitCode);
      if (!unitId) continue;
      await w.trx
        .insertInto('routing_rules')
        .values({
          id: newId(w.now),
          category_prefix: r.prefix,
          community_code: null,
          unit_id: unitId,
          auto_dispatch: r.auto ? 1 : 0,
          min_confidence: r.min,
          priority: 0,
          note: r.note,
          created_at: w.now,
        })
        .execute();
    }
    const batch = 500;
    for (let i = 0; i < samples.length; i += batch) {
      await w.trx
        .insertInto('classifier_samples')
        .values(
          samples.slice(i, i + batch).map((s, j) => ({
            id: newId(w.now) + String(i + j).padStart(5, '0'),
            text: s.text,
            category_code: s.categoryCode,
            source: 'seed',
            created_at: w.now,
          })),
        )
        .execute();
    }
    w.audit({
      action: 'seed.orders_config',
      entityType: 'system',
      entityId: 'demo',
      after: { rules: DEMO_RULES.length, samples: samples.length, phrases },
    });
  });
  m.reloadRules();
  await m.units.load();
  const trained = await m.classifier.retrain();
  return `${DEMO_RULES.length} routing rules, ${phrases} common phrases, classifier trained on ${trained.samples} demo texts (held-out top-1 ${pct(trained.accuracy)}, top-3 ${pct(trained.top3)})`;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
