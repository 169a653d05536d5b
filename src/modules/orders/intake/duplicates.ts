import type { OrderState } from '../contract';
import { CompiledQuery } from 'kysely';
import type { Queryable } from '../../../platform/db/connect';
import { dialectOf } from '../../../platform/db/columns';
import { distanceMeters, type LngLat } from '../../../platform/geo';
import { OPEN_STATES } from '../model';
import { tokenize } from '../classifier/tokenize';
import { normaliseAddress, sameAddressKey, MIN_EQUAL_KEY } from '../../geography/address.contract';
import { duplicateReason, rankCandidates, type DuplicateReason } from './address-match';

export interface DuplicateOptions {
  radiusMeters: number;
  windowMs: number;
  minSimilarity: number;
  limit: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  radiusMeters: 50,
  windowMs: 7 * 86_400_000,
  minSimilarity: 0.25,
  limit: 5,
};

export interface DuplicateCandidate {
  id: string;
  number: string;
  title: string;
  state: OrderState;
  distanceMeters: number | null;
  similarity: number;
  createdAt: number;
  /** Found near the pin with similar words, by the same address text and category, or both. */
  reason: DuplicateReason;
}

/** Jaccard similarity of two texts' word sets (jieba words, stop words dropped). */
export function textSimilarity(
  a: readonly string[] | ReadonlySet<string>,
  b: readonly string[] | ReadonlySet<string>,
): number {
  const sa = a instanceof Set ? a : new Set(a as readonly string[]);
  const sb = b instanceof Set ? b : new Set(b as readonly string[]);
  if (sa.size === 0 || sb.size === 0) return 0;
  let both = 0;
  for (const t of sa) if (sb.has(t)) both++;
  return both / (sa.size + sb.size - both);
}

/** Words of an open order's text by id: the same orders near a busy spot are compared again and again. */
const wordsOf = new Map<string, { text: string; words: ReadonlySet<string> }>();
const WORDS_KEPT = 5000;

function candidateWords(id: string, text: string): ReadonlySet<string> {
  const kept = wordsOf.get(id);
  if (kept && kept.text === text) return kept.words;
  const words = new Set(tokenize(text));
  if (wordsOf.size >= WORDS_KEPT) wordsOf.delete(wordsOf.keys().next().value as string);
  wordsOf.set(id, { text, words });
  return words;
}

/** Normalised address keys by order id (the same open orders are compared again and again). */
const keysOf = new Map<string, { text: string; key: string }>();

function candidateKey(id: string, text: string | null): string {
  if (!text) return '';
  const kept = keysOf.get(id);
  if (kept && kept.text === text) return kept.key;
  const key = normaliseAddress(text);
  if (keysOf.size >= WORDS_KEPT) keysOf.delete(keysOf.keys().next().value as string);
  keysOf.set(id, { text, key });
  return key;
}

/** Open orders compared with a new one, newest first: enough for any real spot, bounded at a hot one. */
export const MAX_CANDIDATES = 50;
/** Open orders of the same category compared by address text, newest first. */
export const MAX_ADDRESS_CANDIDATES = 200;

/** The candidate query per variant and engine, written out once (it runs on every intake). */
const queries = new Map<string, string>();

const COLUMNS = `"id", "number", "title", "description", "state", "lng", "lat", "created_at", "main_order_id", "address", "category_code"`;

function candidateSql(pg: boolean, byPoint: boolean, excluding: boolean): string {
  const key = `${pg}|${byPoint}|${excluding}`;
  let text = queries.get(key);
  if (text === undefined) {
    let n = 0;
    const p = () => (pg ? `$${++n}` : '?');
    const where = [`"state" in (${OPEN_STATES.map(p).join(', ')})`, `"created_at" >= ${p()}`];
    if (excluding) where.push(`"id" <> ${p()}`);
    if (byPoint) where.push(`"lat" >= ${p()}`, `"lat" <= ${p()}`, `"lng" >= ${p()}`, `"lng" <= ${p()}`);
    else where.push(`"community_code" = ${p()}`);
    // The newest candidates' ids from the index alone (orders_open_place), then only their rows:
    // a hot spot's thousands of open orders are never fetched or sorted as whole rows.
    const newest = `select "id" from "orders" where ${where.join(' and ')} order by "created_at" desc, "id" desc limit ${MAX_CANDIDATES}`;
    text = `select ${COLUMNS} from "orders" where "id" in (${newest}) order by "created_at" desc`;
    queries.set(key, text);
  }
  return text;
}

/** Open orders of one category in the window that have an address (the address check's candidates). */
function addressSql(pg: boolean, excluding: boolean): string {
  const key = `address|${pg}|${excluding}`;
  let text = queries.get(key);
  if (text === undefined) {
    let n = 0;
    const p = () => (pg ? `$${++n}` : '?');
    const where = [`"state" in (${OPEN_STATES.map(p).join(', ')})`, `"created_at" >= ${p()}`];
    if (excluding) where.push(`"id" <> ${p()}`);
    where.push(`"category_code" = ${p()}`, `"address" is not null`);
    const newest = `select "id" from "orders" where ${where.join(' and ')} order by "created_at" desc, "id" desc limit ${MAX_ADDRESS_CANDIDATES}`;
    text = `select ${COLUMNS} from "orders" where "id" in (${newest}) order by "created_at" desc`;
    queries.set(key, text);
  }
  return text;
}

interface CandidateRow {
  id: string;
  number: string;
  title: string;
  description: string;
  state: string;
  lng: number | null;
  lat: number | null;
  created_at: number | string;
  main_order_id: string | null;
  address: string | null;
  category_code: string | null;
}

/**
 * Open main orders near the point (default 50 m, as FixMyStreet suggests) with similar text, or
 * of the same category at the same address text (however far apart the pins), recent enough:
 * offered to the dispatcher for merging as 重复件, each with the reason it was found.
 */
export async function findDuplicates(
  db: Queryable,
  q: {
    point: LngLat | null;
    communityCode: string | null;
    text: string;
    now: number;
    excludeId?: string;
    address?: string | null;
    categoryCode?: string | null;
  },
  opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): Promise<DuplicateCandidate[]> {
  const pg = dialectOf(db as never) === 'postgres';
  let tokens: ReadonlySet<string> | null = null; // segmented only when there is a candidate to compare with
  const key = normaliseAddress(q.address);
  const byAddress = key.length >= MIN_EQUAL_KEY && !!q.categoryCode;
  // Main orders only: a merged order is in state 'merged', never open, so the state filter says it;
  // `main_order_id is null` in SQL would lead SQLite to scan nearly every order through orders_main.
  const base: unknown[] = [...OPEN_STATES, q.now - opts.windowMs];
  if (q.excludeId) base.push(q.excludeId);
  let rows: CandidateRow[] = [];
  if (q.point || q.communityCode) {
    const params = [...base];
    if (q.point) {
      const [lng, lat] = q.point;
      const dLat = opts.radiusMeters / 111_320;
      const dLng = opts.radiusMeters / (111_320 * Math.cos((lat * Math.PI) / 180));
      params.push(lat - dLat, lat + dLat, lng - dLng, lng + dLng);
    } else {
      params.push(q.communityCode);
    }
    const text = candidateSql(pg, !!q.point, !!q.excludeId);
    rows = (await db.executeQuery<CandidateRow>(CompiledQuery.raw(text, params))).rows;
  }
  if (byAddress) {
    const text = addressSql(pg, !!q.excludeId);
    const more = (await db.executeQuery<CandidateRow>(CompiledQuery.raw(text, [...base, q.categoryCode]))).rows;
    const seen = new Set(rows.map((r) => r.id));
    for (const r of more) if (!seen.has(r.id)) rows.push(r);
  }
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (r.main_order_id !== null) continue;
    const distance =
      q.point && r.lng !== null && r.lat !== null ? distanceMeters(q.point, [Number(r.lng), Number(r.lat)]) : null;
    // without a pin the community stands for the place, and the words must agree more
    const near = q.point ? distance !== null && distance <= opts.radiusMeters : q.communityCode !== null;
    const sameAddress =
      byAddress && r.category_code === q.categoryCode && sameAddressKey(key, candidateKey(r.id, r.address)) !== null;
    if (!near && !sameAddress) continue;
    tokens ??= new Set(tokenize(q.text));
    const similarity = textSimilarity(tokens, candidateWords(r.id, `${r.title} ${r.description}`));
    const needed = q.point ? opts.minSimilarity : Math.max(0.5, opts.minSimilarity);
    const reason = duplicateReason({
      near,
      similar: similarity >= needed,
      sameCategory: r.category_code !== null && r.category_code === q.categoryCode,
      sameAddress,
    });
    if (!reason) continue;
    out.push({
      id: r.id,
      number: r.number,
      title: r.title,
      state: r.state as OrderState,
      distanceMeters: distance === null ? null : Math.round(distance),
      similarity: Math.round(similarity * 100) / 100,
      createdAt: Number(r.created_at),
      reason,
    });
  }
  return rankCandidates(out).slice(0, opts.limit);
}
