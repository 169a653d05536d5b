import { tokenize, type TokenizeOptions } from './tokenize';

/**
 * Category suggestion for a citizen's text: multinomial Naive Bayes over leaf category
 * codes with Laplace (additive) smoothing, on jieba words plus (by default) Chinese
 * character bigrams, each feature counted once per text (binarised counts suit short
 * texts). Written by hand because it is small and no maintained npm NB package fits; the
 * counts are the whole model, so it serialises to JSON and learns a correction by adding
 * one sample.
 *
 * Raw NB posteriors are far too sure of themselves (every word is treated as independent
 * evidence), so the log-scores are divided by a temperature fitted on held-out samples
 * before the softmax: a confidence of 0.8 then means "right about 80% of the time" — for
 * texts like the training texts. On wording unlike anything seen it is still overconfident.
 */

export interface TrainingSample {
  text: string;
  categoryCode: string;
}

export interface Suggestion {
  categoryCode: string;
  /** Softmax probability over all known categories; the top k sum to at most 1. */
  confidence: number;
}

export interface TrainOptions {
  /** Laplace smoothing constant. Default 0.3 (smaller fits the training phrasings tighter, larger generalises better). */
  alpha?: number;
  /** Fit the softmax temperature on a held-out tenth (needs ≥ 200 samples). Default true. */
  calibrate?: boolean;
  /** Features beside jieba words. Default: character bigrams on, word bigrams off. */
  features?: TokenizeOptions;
}

/** Character bigrams generalise a little better than word bigrams to phrasings not seen in training. */
export const DEFAULT_FEATURES: Readonly<TokenizeOptions> = { bigrams: false, charBigrams: true };

export interface ClassifierJSON {
  format: 'yiwang.nb';
  version: 1;
  alpha: number;
  temperature: number;
  /** Absent in models saved by the first version (words plus word bigrams). */
  features?: TokenizeOptions;
  classes: string[];
  /** Training texts per class. */
  docs: number[];
  /** Token occurrences per class (after once-per-text binarisation). */
  totals: number[];
  /** token → flat [classIndex, count, classIndex, count, …] */
  counts: Record<string, number[]>;
}

/** At most this many held-out texts are used to fit the temperature. */
const CALIBRATION_ROWS = 5000;

/**
 * Per token: how often each class saw it. Sparse (parallel `cls`/`n` arrays) while few
 * classes did, which is most tokens; dense (`cls` null, `n` indexed by class) once many did.
 */
interface Posting {
  cls: number[] | null;
  n: number[];
  /** Serial of the last text that counted this token: each token counts once per text. */
  seen: number;
  /** log(n + α) − log α for each entry of `n`, made at first use and dropped when a count changes. */
  logs?: Float64Array;
}
const DENSE_FROM = 12;

interface Row {
  tokens: string[];
  code: string;
}

export class CategoryClassifier {
  private readonly classes: string[] = [];
  private readonly classIndex = new Map<string, number>();
  private docs: number[] = [];
  private totals: number[] = [];
  private readonly postings = new Map<string, Posting>();
  private temperature = 1;
  private serial = 0;

  private constructor(
    private readonly alpha: number,
    private readonly features: TokenizeOptions,
  ) {}

  static train(samples: readonly TrainingSample[], options: TrainOptions = {}): CategoryClassifier {
    const features = { bigrams: false, charBigrams: false, ...(options.features ?? DEFAULT_FEATURES) };
    const model = new CategoryClassifier(options.alpha ?? 0.3, features);
    const calibrate = (options.calibrate ?? true) && samples.length >= 200;
    // Count nine tenths, fit the temperature on the tenth the model has not seen yet, then
    // count that tenth too: counts add up, so the result is the model of all samples.
    const held: Row[] = [];
    samples.forEach((s, i) => {
      const tokens = model.tokens(s.text);
      if (calibrate && i % 10 === 9) held.push({ tokens, code: s.categoryCode });
      else model.count(tokens, s.categoryCode, 1);
    });
    if (calibrate) model.temperature = model.fitTemperature(held.slice(0, CALIBRATION_ROWS));
    for (const r of held) model.count(r.tokens, r.code, 1);
    return model;
  }

  /** Learn from one more labelled text, e.g. a centre's correction (weight > 1 to stress it). */
  addSample(text: string, categoryCode: string, weight = 1): void {
    this.count(this.tokens(text), categoryCode, weight);
  }

  /** Refit the temperature on labelled texts the model was not trained on; returns it. */
  calibrate(samples: readonly TrainingSample[]): number {
    const rows = samples.map((s) => ({ tokens: this.tokens(s.text), code: s.categoryCode }));
    this.temperature = this.fitTemperature(rows);
    return this.temperature;
  }

  /** The `k` likeliest leaf categories, best first. Empty when the model knows no category. */
  predict(text: string, k = 3): Suggestion[] {
    if (this.classes.length === 0) return [];
    const probs = this.softmax(this.scores(this.tokens(text)));
    const order = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a] || a - b);
    return order.slice(0, Math.max(0, k)).map((i) => ({ categoryCode: this.classes[i], confidence: probs[i] }));
  }

  /** The category codes the model knows. */
  get categories(): readonly string[] {
    return this.classes;
  }

  /** Training texts seen (weighted). */
  get sampleCount(): number {
    return this.docs.reduce((a, b) => a + b, 0);
  }

  toJSON(): ClassifierJSON {
    const counts: Record<string, number[]> = {};
    for (const [token, p] of this.postings) {
      const flat: number[] = [];
      if (p.cls === null) p.n.forEach((n, c) => n && flat.push(c, n));
      else for (let i = 0; i < p.cls.length; i++) flat.push(p.cls[i], p.n[i]);
      counts[token] = flat;
    }
    return {
      format: 'yiwang.nb',
      version: 1,
      alpha: this.alpha,
      temperature: this.temperature,
      features: { ...this.features },
      classes: this.classes.slice(),
      docs: this.docs.slice(),
      totals: this.totals.slice(),
      counts,
    };
  }

  static fromJSON(json: ClassifierJSON): CategoryClassifier {
    if (json?.format !== 'yiwang.nb' || json.version !== 1) throw new Error('not a yiwang.nb v1 classifier');
    // Models saved before `features` existed were trained on words plus word bigrams.
    const model = new CategoryClassifier(json.alpha, { ...(json.features ?? { bigrams: true, charBigrams: false }) });
    model.temperature = json.temperature;
    json.classes.forEach((code) => model.classIndexOf(code));
    model.docs = json.docs.slice();
    model.totals = json.totals.slice();
    for (const [token, flat] of Object.entries(json.counts)) {
      const p: Posting = { cls: [], n: [], seen: 0, logs: undefined };
      for (let i = 0; i < flat.length; i += 2) {
        if (p.cls) addSparse(p, flat[i], flat[i + 1]);
        else addDense(p, flat[i], flat[i + 1]);
      }
      model.postings.set(token, p);
    }
    return model;
  }

  // --- internals ---------------------------------------------------------------------------

  private tokens(text: string): string[] {
    return tokenize(text, this.features);
  }

  private classIndexOf(code: string): number {
    let i = this.classIndex.get(code);
    if (i === undefined) {
      i = this.classes.push(code) - 1;
      this.classIndex.set(code, i);
      this.docs.push(0);
      this.totals.push(0);
    }
    return i;
  }

  private count(tokens: readonly string[], code: string, weight: number): void {
    const c = this.classIndexOf(code);
    const serial = ++this.serial;
    let kept = 0;
    for (const t of tokens) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = { cls: [], n: [], seen: 0, logs: undefined }));
      if (p.seen === serial) continue;
      p.seen = serial;
      p.logs = undefined;
      kept++;
      if (p.cls) addSparse(p, c, weight);
      else addDense(p, c, weight);
    }
    this.docs[c] += weight;
    this.totals[c] += kept * weight;
  }

  /**
   * log P(c) + Σ log P(t|c) over the text's distinct known tokens, with
   * P(t|c) = (n_tc + α) / (N_c + α|V|). Summed sparsely: every class gets log α per token,
   * and the classes that saw the token get the difference. Tokens never seen in training
   * are skipped: they say nothing about any class.
   */
  private scores(tokens: readonly string[]): Float64Array {
    const C = this.classes.length;
    const alpha = this.alpha;
    const logAlpha = Math.log(alpha);
    const out = new Float64Array(C);
    const serial = ++this.serial;
    let known = 0;
    for (const t of tokens) {
      const p = this.postings.get(t);
      if (!p || p.seen === serial) continue;
      p.seen = serial;
      known++;
      const { cls, n } = p;
      let logs = p.logs;
      if (!logs) {
        logs = p.logs = new Float64Array(n.length);
        for (let i = 0; i < n.length; i++) logs[i] = n[i] ? Math.log(n[i] + alpha) - logAlpha : 0;
      }
      if (cls === null) {
        for (let c = 0; c < logs.length; c++) out[c] += logs[c];
      } else {
        for (let i = 0; i < cls.length; i++) out[cls[i]] += logs[i];
      }
    }
    const vocab = this.postings.size;
    let docsTotal = 0;
    for (const d of this.docs) docsTotal += d;
    for (let c = 0; c < C; c++) {
      const prior = Math.log((this.docs[c] + 1) / (docsTotal + C));
      out[c] += prior + known * (logAlpha - Math.log(this.totals[c] + alpha * vocab));
    }
    return out;
  }

  private softmax(scores: Float64Array, temperature = this.temperature): Float64Array {
    let max = -Infinity;
    for (const s of scores) if (s > max) max = s;
    const out = new Float64Array(scores.length);
    let sum = 0;
    for (let i = 0; i < scores.length; i++) sum += out[i] = Math.exp((scores[i] - max) / temperature);
    for (let i = 0; i < out.length; i++) out[i] /= sum;
    return out;
  }

  /** The temperature minimising the held-out negative log-likelihood (golden-section search on log T). */
  private fitTemperature(held: readonly Row[]): number {
    const rows: { s: Float64Array; truth: number; max: number }[] = [];
    for (const h of held) {
      const truth = this.classIndex.get(h.code);
      if (truth === undefined) continue;
      const s = this.scores(h.tokens);
      rows.push({ s, truth, max: Math.max(...s) });
    }
    if (rows.length === 0) return this.temperature;
    const nll = (logT: number) => {
      const inv = Math.exp(-logT);
      let total = 0;
      for (const r of rows) {
        let sum = 0;
        for (const v of r.s) sum += Math.exp((v - r.max) * inv);
        total += Math.log(sum) - (r.s[r.truth] - r.max) * inv;
      }
      return total;
    };
    let lo = Math.log(0.05);
    let hi = Math.log(1000);
    const g = (Math.sqrt(5) - 1) / 2;
    let x1 = hi - g * (hi - lo);
    let x2 = lo + g * (hi - lo);
    let f1 = nll(x1);
    let f2 = nll(x2);
    while (hi - lo > 1e-3) {
      if (f1 < f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - g * (hi - lo);
        f1 = nll(x1);
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + g * (hi - lo);
        f2 = nll(x2);
      }
    }
    return Math.exp((lo + hi) / 2);
  }
}

function addSparse(p: Posting, c: number, weight: number): void {
  const cls = p.cls!;
  const at = cls.indexOf(c);
  if (at >= 0) {
    p.n[at] += weight;
    return;
  }
  cls.push(c);
  p.n.push(weight);
  if (cls.length >= DENSE_FROM) {
    const dense: number[] = new Array(Math.max(...cls) + 1).fill(0);
    for (let i = 0; i < cls.length; i++) dense[cls[i]] = p.n[i];
    p.cls = null;
    p.n = dense;
  }
}

function addDense(p: Posting, c: number, weight: number): void {
  while (p.n.length <= c) p.n.push(0);
  p.n[c] += weight;
}
