/**
 * 常用语 in the platform `settings` table, one key per purpose (`orders.phrases.reply`, …), so
 * saving one purpose never overwrites another saved at the same moment. Values are JSON lists of
 * `{ text, categoryCode? }`; nobody-saved-yet reads as an empty list.
 */
import { readSetting, writeSetting } from '../../../platform/settings';
import type { Queryable } from '../../../platform/db/connect';
import type { Work } from '../../../platform/transact';
import {
  MAX_PHRASE_LENGTH,
  MAX_PHRASES_PER_PURPOSE,
  PHRASE_PURPOSES,
  type PhraseIn,
  type PhrasePurpose,
  type PhraseView,
} from './phrases.contract';

export const phrasesKey = (purpose: PhrasePurpose) => `orders.phrases.${purpose}`;

export interface StoredPhrase {
  text: string;
  categoryCode: string | null;
}

/** Why a list may not be saved ({ code, message }), or the cleaned list (texts trimmed). */
export function cleanPhrases(
  list: readonly PhraseIn[],
  isCategory: (code: string) => boolean,
): { ok: true; phrases: StoredPhrase[] } | { ok: false; code: string; message: string } {
  if (list.length > MAX_PHRASES_PER_PURPOSE)
    return {
      ok: false,
      code: 'too_many_phrases',
      message: `每类最多 ${MAX_PHRASES_PER_PURPOSE} 条 / at most ${MAX_PHRASES_PER_PURPOSE}`,
    };
  const out: StoredPhrase[] = [];
  const seen = new Set<string>();
  for (const [i, p] of list.entries()) {
    const text = p.text.trim();
    if (text.length < 1 || text.length > MAX_PHRASE_LENGTH)
      return {
        ok: false,
        code: 'invalid_phrase',
        message: `第 ${i + 1} 条须为 1–${MAX_PHRASE_LENGTH} 字 / phrase ${i + 1} must be 1–${MAX_PHRASE_LENGTH} characters`,
      };
    const categoryCode = p.categoryCode?.trim() || null;
    if (categoryCode !== null && !isCategory(categoryCode))
      return {
        ok: false,
        code: 'invalid_category',
        message: `第 ${i + 1} 条的分类 ${categoryCode} 不存在 / phrase ${i + 1}: unknown category ${categoryCode}`,
      };
    const key = `${categoryCode ?? ''}\u0001${text}`;
    if (seen.has(key))
      return { ok: false, code: 'duplicate_phrase', message: `第 ${i + 1} 条重复 / phrase ${i + 1} is a repeat` };
    seen.add(key);
    out.push({ text, categoryCode });
  }
  return { ok: true, phrases: out };
}

function parseStored(value: string): StoredPhrase[] {
  try {
    const list = JSON.parse(value) as unknown;
    if (!Array.isArray(list)) return [];
    return list.flatMap((p) =>
      p && typeof p.text === 'string'
        ? [{ text: p.text, categoryCode: typeof p.categoryCode === 'string' ? p.categoryCode : null }]
        : [],
    );
  } catch {
    // a hand-edited bad value offers nothing rather than failing the dialog
    return [];
  }
}

export async function readPhrases(
  db: Queryable,
  purpose: PhrasePurpose,
): Promise<{ phrases: StoredPhrase[]; updatedAt: number | null }> {
  const row = await readSetting(db, phrasesKey(purpose));
  return row ? { phrases: parseStored(row.value), updatedAt: row.updatedAt } : { phrases: [], updatedAt: null };
}

/** The phrases of the purposes asked for, for one category's line (a phrase of 01 fits 0101 and 010101). */
export async function listPhrases(
  db: Queryable,
  purposes: readonly PhrasePurpose[] = PHRASE_PURPOSES,
  categoryCode?: string,
): Promise<{ items: PhraseView[]; updatedAt: number | null }> {
  const items: PhraseView[] = [];
  let updatedAt: number | null = null;
  for (const purpose of purposes) {
    const stored = await readPhrases(db, purpose);
    if (stored.updatedAt !== null) updatedAt = Math.max(updatedAt ?? 0, stored.updatedAt);
    for (const p of stored.phrases)
      if (!categoryCode || p.categoryCode === null || categoryCode.startsWith(p.categoryCode))
        items.push({ purpose, text: p.text, categoryCode: p.categoryCode });
  }
  return { items, updatedAt };
}

/** Replaces one purpose's list, with its audit row and an event, in the caller's transaction. */
export async function savePhrases(w: Work, purpose: PhrasePurpose, phrases: StoredPhrase[]): Promise<void> {
  const key = phrasesKey(purpose);
  const before = await readPhrases(w.trx, purpose);
  await writeSetting(w.trx, key, JSON.stringify(phrases), w.now);
  w.audit({
    action: 'orders.phrases.update',
    entityType: 'setting',
    entityId: key,
    before: { count: before.phrases.length, phrases: before.phrases },
    after: { count: phrases.length, phrases },
  });
  w.emit({ type: 'orders.phrases_changed', entityType: 'setting', entityId: key, data: { purpose } });
}
