import type { PlatformContext } from '../../../platform/context';
import type { Tx } from '../../../platform/db/connect';
import { newId } from '../../../platform/ids';
import { CategoryClassifier, type Suggestion, type TrainingSample } from '../classifier/classifier';
import { deleteModels, findModel, insertModel, insertSample, listSamples, olderModelIds } from './classification.repo';

/**
 * The centre's category classifier: the latest stored model, retrained from the seeded history
 * plus every correction dispatchers make. A correction also teaches the live model at once.
 */
export class ClassificationService {
  private model: CategoryClassifier | null = null;
  private modelInfo: { id: string; createdAt: number; samples: number; accuracy: number | null } | null = null;

  constructor(private p: PlatformContext) {}

  /** Loads the newest stored model, or the one with `id` (the model another node just trained). */
  async load(id?: string): Promise<void> {
    if (id && this.modelInfo?.id === id) return;
    const row = await findModel(this.p.db, id);
    if (!row) return;
    this.model = CategoryClassifier.fromJSON(JSON.parse(row.model));
    this.modelInfo = {
      id: row.id,
      createdAt: Number(row.created_at),
      samples: Number(row.samples),
      accuracy: row.accuracy === null ? null : Number(row.accuracy),
    };
  }

  info() {
    return this.modelInfo;
  }

  suggest(text: string, k = 3): Suggestion[] {
    if (!this.model || !text.trim()) return [];
    return this.model.predict(text, k);
  }

  /** Stores a dispatcher's correction as a training sample, in the caller's transaction (see learn). */
  async recordCorrection(trx: Tx, text: string, categoryCode: string, now: number): Promise<void> {
    await insertSample(trx, {
      id: newId(now),
      text,
      category_code: categoryCode,
      source: 'correction',
      created_at: now,
    });
  }

  /** The running model takes a stored correction at once (the next retrain includes it anyway). */
  learn(text: string, categoryCode: string): void {
    this.model?.addSample(text, categoryCode, 1);
  }

  /**
   * Retrains on every stored sample; measures top-1 accuracy on a held-out fifth first (then
   * trains the stored model on everything). Returns the new model's figures.
   */
  async retrain(): Promise<{ samples: number; accuracy: number | null; top3: number | null }> {
    const rows = await listSamples(this.p.db);
    const samples: TrainingSample[] = rows.map((r) => ({ text: r.text, categoryCode: r.category_code }));
    if (samples.length === 0) return { samples: 0, accuracy: null, top3: null };
    const { accuracy, top3 } = holdOutAccuracy(samples);
    const model = CategoryClassifier.train(samples);
    const now = this.p.clock.now();
    const id = newId(now);
    await insertModel(this.p.db, {
      id,
      created_at: now,
      samples: samples.length,
      accuracy,
      model: JSON.stringify(model.toJSON()),
    });
    // keep the newest three models only: each is a few MB
    const old = await olderModelIds(this.p.db, 3);
    if (old.length) await deleteModels(this.p.db, old);
    this.model = model;
    this.modelInfo = { id, createdAt: now, samples: samples.length, accuracy };
    return { samples: samples.length, accuracy, top3 };
  }
}

/** Deterministic 80/20 split (every fifth sample held out): top-1 and top-3 accuracy. */
export function holdOutAccuracy(samples: readonly TrainingSample[]): { accuracy: number | null; top3: number | null } {
  if (samples.length < 50) return { accuracy: null, top3: null };
  const train = samples.filter((_, i) => i % 5 !== 0);
  const test = samples.filter((_, i) => i % 5 === 0);
  const model = CategoryClassifier.train(train);
  let hit1 = 0;
  let hit3 = 0;
  for (const s of test) {
    const p = model.predict(s.text, 3);
    if (p[0]?.categoryCode === s.categoryCode) hit1++;
    if (p.some((x) => x.categoryCode === s.categoryCode)) hit3++;
  }
  return { accuracy: hit1 / test.length, top3: hit3 / test.length };
}
