import type { Queryable } from '../../platform/db/connect';
import { distanceMeters, type LngLat } from '../../platform/geo';
import { OPEN_STATES } from './model';
import { tokenize } from './tokenize';

export interface DuplicateOptions {
  radiusMeters: number;
  windowMs: number;
  minSimilarity: number;
  limit: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  radiusMeters: 50, windowMs: 7 * 86_400_000, minSimilarity: 0.25, limit: 5,
};

export interface DuplicateCandidate {
  id: string;
  number: string;
  title: string;
  state: string;
  distanceMeters: number | null;
  similarity: number;
  createdAt: number;
}

/** Jaccard similarity of two texts' word sets (jieba words, stop words dropped). */
export function textSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let both = 0;
  for (const t of sa) if (sb.has(t)) both++;
  return both / (sa.size + sb.size - both);
}

/**
 * Open main orders near the point (default 50 m, as FixMyStreet suggests), recent enough and
 * with similar text: offered to the dispatcher for merging as 重复件.
 */
export async function findDuplicates(db: Queryable, q: {
  point: LngLat | null; communityCode: string | null; text: string; now: number; excludeId?: string;
}, opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS): Promise<DuplicateCandidate[]> {
  let tokens: string[] | null = null; // segmented only when there is a candidate to compare with
  // Main orders only: a merged order is in state 'merged', never open, so the state filter says it;
  // `main_order_id is null` in SQL would lead SQLite to scan nearly every order through orders_main.
  let sel = db.selectFrom('orders')
    .select(['id', 'number', 'title', 'description', 'state', 'lng', 'lat', 'created_at', 'main_order_id'])
    .where('state', 'in', OPEN_STATES as unknown as string[])
    .where('created_at', '>=', q.now - opts.windowMs);
  if (q.excludeId) sel = sel.where('id', '!=', q.excludeId);
  if (q.point) {
    const [lng, lat] = q.point;
    const dLat = opts.radiusMeters / 111_320;
    const dLng = opts.radiusMeters / (111_320 * Math.cos((lat * Math.PI) / 180));
    sel = sel.where('lat', '>=', lat - dLat).where('lat', '<=', lat + dLat)
      .where('lng', '>=', lng - dLng).where('lng', '<=', lng + dLng);
  } else if (q.communityCode) {
    sel = sel.where('community_code', '=', q.communityCode);
  } else {
    return [];
  }
  const rows = await sel.orderBy('created_at', 'desc').limit(200).execute();
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (r.main_order_id !== null) continue;
    const distance = q.point && r.lng !== null && r.lat !== null ? distanceMeters(q.point, [Number(r.lng), Number(r.lat)]) : null;
    if (distance !== null && distance > opts.radiusMeters) continue;
    tokens ??= tokenize(q.text);
    const similarity = textSimilarity(tokens, tokenize(`${r.title} ${r.description}`));
    const needed = q.point ? opts.minSimilarity : Math.max(0.5, opts.minSimilarity);
    if (similarity < needed) continue;
    out.push({ id: r.id, number: r.number, title: r.title, state: r.state, distanceMeters: distance === null ? null : Math.round(distance), similarity: Math.round(similarity * 100) / 100, createdAt: Number(r.created_at) });
  }
  return out.sort((a, b) => b.similarity - a.similarity).slice(0, opts.limit);
}
