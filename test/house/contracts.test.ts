/**
 * The contracts are the one copy of the API's shapes and lists. The web app imports server code
 * only through them; they import nothing but TypeBox, each other and self-contained rule files (which
 * import nothing else), so the browser bundle gets no server code; and where the server derives a list from its rules (the actions from the state
 * machine's table, the indicators' directions), the contract's list agrees with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as orders from '../../src/modules/orders/contract';
import { ACTION_RULES, type ActionType as ModelActionType } from '../../src/modules/orders/model/actions';
import { INDICATORS } from '../../src/modules/orders/metrics/definitions';
import { DEPARTMENT_TYPES, REQUEST_TYPES } from '../../src/modules/orders/categories/categories-seed';
import type { QueueCounts as ServerCounts } from '../../src/modules/orders/queries/queries.service';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}
/** Every static import, re-export and dynamic import() specifier of a file. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}
/**
 * A pure rule file (e.g. a model's `as const` lists) that imports nothing but other such files: safe for
 * the browser bundle, so a contract may take its lists from it instead of keeping a second copy.
 */
function selfContained(base: string, seen = new Set<string>()): boolean {
  const file = `${base.replace(/\.ts$/, '')}.ts`;
  if (seen.has(file)) return true;
  seen.add(file);
  let deps: string[];
  try {
    deps = specifiers(file);
  } catch {
    return false;
  }
  return deps.every((s) => s.startsWith('.') && selfContained(resolve(dirname(file), s), seen));
}
const isContract = (path: string) => /(^|\/)([\w-]+\.)?contract(\.ts)?$/.test(path);

/** true only when A and B are the same type; `npm test` type-checks this file before running it. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('contracts', () => {
  it('the web app imports from src/ outside src/web only contract files', () => {
    const web = join(SRC, 'web');
    const bad: string[] = [];
    for (const f of files(web))
      for (const s of specifiers(f)) {
        if (!s.startsWith('.')) continue;
        const target = resolve(dirname(f), s);
        if (!target.startsWith(web + '/') && !isContract(target)) bad.push(`${relative(ROOT, f)} → ${s}`);
      }
    expect(bad).toEqual([]);
  });

  it('contract files import only TypeBox, other contracts and self-contained rule files', () => {
    const contracts = files(SRC).filter((f) => isContract(f.replace(/\.ts$/, '')));
    expect(contracts.length).toBeGreaterThanOrEqual(8);
    const bad = contracts.flatMap((f) =>
      specifiers(f)
        .filter(
          (s) =>
            s !== '@sinclair/typebox' &&
            !(s.startsWith('.') && (isContract(s) || selfContained(resolve(dirname(f), s)))),
        )
        .map((s) => `${relative(ROOT, f)} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('actions: the contract lists the state machine’s actions, in its order', () => {
    expect([...orders.ACTION_TYPES]).toEqual(Object.keys(ACTION_RULES));
    const same: Same<orders.ActionType, ModelActionType> = true;
    expect(same).toBe(true);
  });

  it('indicators: the ones that are better lower, by their definitions', () => {
    expect(Object.keys(INDICATORS).sort()).toEqual([...orders.INDICATOR_KEYS].sort());
    const lower = orders.INDICATOR_KEYS.filter((k) => !INDICATORS[k].higherIsBetter);
    expect([...orders.LOWER_IS_BETTER].sort()).toEqual(lower.sort());
  });

  it('kinds of request and of unit: every one has its label, and no label is left over', () => {
    expect(Object.keys(REQUEST_TYPES).sort()).toEqual([...orders.REQUEST_TYPES].sort());
    expect(Object.keys(DEPARTMENT_TYPES).sort()).toEqual([...orders.DEPARTMENT_TYPES].sort());
  });

  it('the tab counts the server computes have the contract’s shape (checked by the type-checker)', () => {
    const same: Same<ServerCounts, orders.QueueCounts> = true;
    expect(same).toBe(true);
  });

  it('channels a person may pick at intake are real channels', () => {
    for (const c of orders.INTAKE_CHANNELS) expect(orders.CHANNELS).toContain(c);
  });
});
