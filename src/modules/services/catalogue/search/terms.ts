/**
 * The search terms of a published guide, with weights (pure apart from the tokenizer): what the
 * name says counts most, then the department and the situations, then the materials.
 */
import type { ItemGuide } from '../catalogue.contract';
import { charPairs, words } from './tokenize';

export const WEIGHTS = { nameWord: 12, namePair: 4, parent: 4, department: 3, situation: 2, material: 1 } as const;

/**
 * term → weight (the highest of the places it appears). The names of the item's parents count
 * too: a 业务办理项 named 转移登记（二手房买卖） is found as 不动产 through its 主项.
 */
export function guideTerms(
  guide: ItemGuide,
  departmentName: string,
  parentNames: readonly string[] = [],
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (terms: string[], w: number) => {
    for (const t of terms) if ((out.get(t) ?? 0) < w) out.set(t, w);
  };
  add(words(guide.name), WEIGHTS.nameWord);
  add(charPairs(guide.name), WEIGHTS.namePair);
  add(words(parentNames.join(' ')), WEIGHTS.parent);
  add(words(departmentName), WEIGHTS.department);
  for (const q of guide.questions) add(words([q.text, ...q.options.map((o) => o.label)].join(' ')), WEIGHTS.situation);
  add(words(guide.materials.map((m) => m.name).join(' ')), WEIGHTS.material);
  return out;
}
