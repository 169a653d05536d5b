/**
 * A deterministic generator of citizen requests as the centre of a street like Guicheng
 * would receive them: texts from per-category templates with variable slots, a channel mix
 * like published figures (hotline ~60%, grid inspectors ~32%, WeChat ~5%), more on weekdays
 * than weekends, more in summer and in the rainy season, and per-category seasons (unpaid
 * wages before the Spring Festival, school places in spring, flooding in the rains).
 * Demo data for the simulator, charts and the classifier's tests — not real requests.
 *
 * The parts: the templates (demo-texts.ts), the places that fill them (request-places.ts), the
 * text around them (request-text.ts), and when and how requests arrive (request-timing.ts).
 */
import { LEAF_CATEGORIES, type CategoryLeaf } from '../categories/categories-seed';
import { pickKey, prng, weighted, type Rand } from './demo-random';
import type { DemoTextSet } from './demo-text-set';
import { DEMO_TEXTS as TEXTS } from './demo-texts';
import { drawPlace } from './request-places';
import { composeText } from './request-text';
import {
  CAMERA_SHARE,
  CHANNEL_MIX,
  DRONE_SHARE,
  drawDay,
  drawInstant,
  localParts,
  MONTH_WEIGHT,
  SEASON_BOOST,
} from './request-timing';

import type { DemoChannel, DemoUrgency } from './request-kinds';
export type { DemoChannel, DemoUrgency } from './request-kinds';

export interface DemoRequest {
  text: string;
  categoryCode: string;
  channel: DemoChannel;
  urgency: DemoUrgency;
  createdAt: number;
  address: string;
  /** Which template produced the text (`010101:t2`, `010101:p0`, `010101:ai`), for evaluations that hold templates out. */
  templateId: string;
}

export type { DemoTextSet } from './demo-text-set';

export interface DemoRange {
  startMs: number;
  endMs: number;
}

/**
 * `count` requests dated within [startMs, endMs], sorted by `createdAt`; the same `seed`
 * gives the same list. When `count` ≥ the number of leaf categories every leaf appears.
 */
export function generateDemoRequests(count: number, seed: number, range: DemoRange): DemoRequest[] {
  const { startMs, endMs } = range;
  if (!(endMs >= startMs)) throw new RangeError('endMs must not be before startMs');
  const r = prng(seed);
  const leaves = LEAF_CATEGORIES.filter((l) => TEXTS[l.code]);
  // Category weights per month: base volume times the category's season.
  const monthWeights = MONTH_WEIGHT.map((_, m) =>
    leaves.map((l) => TEXTS[l.code].w * (TEXTS[l.code].season ? SEASON_BOOST[TEXTS[l.code].season!][m] : 1)),
  );
  // Every leaf once first (in a shuffled order), then by volume.
  const forced = leaves.map((_, i) => i);
  for (let i = forced.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [forced[i], forced[j]] = [forced[j], forced[i]];
  }
  const out: DemoRequest[] = [];
  for (let n = 0; n < count; n++) {
    const day = drawDay(r, startMs, endMs);
    const { month, year } = localParts(day);
    const li = n < forced.length ? forced[n] : weighted(r, monthWeights[month]);
    const leaf = leaves[li];
    const set = TEXTS[leaf.code];
    const channel = drawChannel(r, set);
    const urgency = drawUrgency(r, leaf, set);
    const place = drawPlace(r, year);
    const { text, templateId } = composeText(leaf, set, channel, urgency, r, place);
    const createdAt = drawInstant(r, day, channel, startMs, endMs);
    const address = `佛山市南海区桂城街道${place.community}${place.road}${1 + Math.floor(r() * 188)}号${r() < 0.5 ? place.estate : ''}`;
    out.push({ text, categoryCode: leaf.code, channel, urgency, createdAt, address, templateId });
  }
  // Stable sort keeps equal instants in generation order, so the result is deterministic.
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

function drawChannel(r: Rand, set: DemoTextSet): DemoChannel {
  if (set.ai?.drone && r() < DRONE_SHARE) return 'drone';
  if (set.ai?.camera && r() < CAMERA_SHARE) return 'camera';
  return pickKey(r, set.p ? CHANNEL_MIX.street : CHANNEL_MIX.people);
}

function drawUrgency(r: Rand, leaf: CategoryLeaf, set: DemoTextSet): DemoUrgency {
  const x = r();
  if (leaf.requestType === 'consultation' || leaf.requestType === 'suggestion' || leaf.requestType === 'praise')
    return x < 0.02 ? 'urgent' : 'normal';
  if (set.risk) return x < 0.15 ? 'emergency' : x < 0.45 ? 'urgent' : 'normal';
  return x < 0.01 ? 'emergency' : x < 0.1 ? 'urgent' : 'normal';
}

/** The categories the generator has templates for (all leaves, normally). */
export function demoCategoryCodes(): string[] {
  return LEAF_CATEGORIES.filter((l) => TEXTS[l.code]).map((l) => l.code);
}

/** Template counts per category, for tests and docs. */
export function demoTemplateStats(): Record<string, { citizen: number; patrol: number }> {
  return Object.fromEntries(
    Object.entries(TEXTS).map(([code, s]) => [code, { citizen: s.t.length, patrol: s.p?.length ?? 0 }]),
  );
}
