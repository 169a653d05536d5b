/** What the demo history reports about what it built (the import's audit row carries it). */
import type { OrderRow } from '../row';
import type { Disposition, EventRow } from './history-plan';

export interface HistoryStats {
  orders: number;
  events: number;
  byState: Record<string, number>;
  bySla: Record<string, number>;
  dispositions: Record<Disposition, number>;
  returns: number;
  extensions: number;
  suspensions: number;
  reopened: number;
  visits: Record<string, number>;
  /** Steps the state machine refused: always 0 unless the generator has a bug. */
  refusals: number;
  firstRefusal: string | null;
}

export function emptyStats(): HistoryStats {
  return {
    orders: 0,
    events: 0,
    byState: {},
    bySla: {},
    dispositions: { auto: 0, dispatch: 0, direct: 0, cancel: 0, merge: 0 },
    returns: 0,
    extensions: 0,
    suspensions: 0,
    reopened: 0,
    visits: {},
    refusals: 0,
    firstRefusal: null,
  };
}

/** Counts one built order with its timeline. */
export function countOrder(
  s: HistoryStats,
  row: OrderRow,
  events: readonly EventRow[],
  visits: readonly string[],
  d: Disposition,
  refusal: string | null,
): void {
  s.orders++;
  s.events += events.length;
  s.byState[row.state] = (s.byState[row.state] ?? 0) + 1;
  s.bySla[row.sla_status] = (s.bySla[row.sla_status] ?? 0) + 1;
  s.dispositions[d]++;
  for (const e of events) {
    if (e.type === 'order.return_approved') s.returns++;
    else if (e.type === 'order.extension_approved') s.extensions++;
    else if (e.type === 'order.suspended') s.suspensions++;
  }
  for (const v of visits) {
    s.visits[v] = (s.visits[v] ?? 0) + 1;
    if (v === 'unsatisfied') s.reopened++;
  }
  if (refusal) {
    s.refusals++;
    s.firstRefusal ??= `${row.number}: ${refusal}`;
  }
}
