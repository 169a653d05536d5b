/** The SLA rules in the platform `settings` table (key `orders.sla_rules`), defaults in code. */
import type { Queryable } from '../../../platform/db/connect';
import { enqueueJob } from '../../../platform/jobs';
import { readSetting, writeSetting } from '../../../platform/settings';
import type { Work } from '../../../platform/transact';
import { DEFAULT_SLA_RULES, SLA_JOB, parseSlaRules, type SlaRules } from './sla-rules';

export const SLA_RULES_KEY = 'orders.sla_rules';

export interface StoredSlaRules {
  rules: SlaRules;
  /** false: nobody saved rules yet, the defaults apply. */
  saved: boolean;
  updatedAt: number | null;
}

/** The last stored text and its parsed rules: every order change reads the rules, they rarely change. */
let parsed: { value: string; rules: SlaRules } | null = null;

/**
 * The rules as read in a transaction, for its other changes: an intake batch (group commit) reads
 * them once, not once per order. Dropped when the transaction saves new rules.
 */
const readInTransaction = new WeakMap<object, Promise<StoredSlaRules>>();

/** Read inside the caller's transaction, so every node and job sees the rules of its moment. */
export function readSlaRules(db: Queryable, onInvalid?: (err: Error) => void): Promise<StoredSlaRules> {
  if (!db.isTransaction) return readStored(db, onInvalid);
  let read = readInTransaction.get(db);
  if (!read) {
    read = readStored(db, onInvalid);
    readInTransaction.set(db, read);
    read.catch(() => readInTransaction.delete(db));
  }
  return read;
}

async function readStored(db: Queryable, onInvalid?: (err: Error) => void): Promise<StoredSlaRules> {
  const row = await readSetting(db, SLA_RULES_KEY);
  if (!row) return { rules: DEFAULT_SLA_RULES, saved: false, updatedAt: null };
  try {
    if (parsed?.value !== row.value) parsed = { value: row.value, rules: parseSlaRules(JSON.parse(row.value)) };
    return { rules: parsed.rules, saved: true, updatedAt: row.updatedAt };
  } catch (err) {
    // A hand-edited bad value must not stop the clocks: fall back to the defaults, loudly.
    onInvalid?.(err as Error);
    return { rules: DEFAULT_SLA_RULES, saved: false, updatedAt: row.updatedAt };
  }
}

/** Saves (audited, with an event) and re-plans the open orders' clocks in a job. */
export async function saveSlaRules(w: Work, rules: SlaRules): Promise<void> {
  const before = await readSlaRules(w.trx);
  const value = JSON.stringify(rules);
  readInTransaction.delete(w.trx);
  await writeSetting(w.trx, SLA_RULES_KEY, value, w.now);
  w.audit({
    action: 'orders.sla_rules.update',
    entityType: 'setting',
    entityId: SLA_RULES_KEY,
    before: before.rules,
    after: rules,
  });
  w.emit({ type: 'orders.sla_rules_changed', entityType: 'setting', entityId: SLA_RULES_KEY, data: {} });
  await enqueueJob(w.trx, SLA_JOB.replan, { runAt: w.now, payload: {} }, w.now);
}
