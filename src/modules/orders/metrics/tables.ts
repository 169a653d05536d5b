/**
 * Tables of 工单考核 (migration 0004_order_metrics). Reached through `withTables<MetricsTables>()`
 * in repo.ts, so the shared DB interface (src/schema.ts) need not know them.
 */
type CounterColumns = {
  dispatched: number;
  signed_on_time: number;
  signed_late: number;
  returned: number;
  completed: number;
  completed_on_time: number;
  /** Working ms from the start of handling to the accepted reply (sum). */
  handling_ms: number;
  overdue_closed: number;
  visited: number;
  satisfied: number;
  reopened: number;
  closed: number;
  solved: number;
  reworked: number;
};

export type MetricsTables = {
  /** The ledger: one row per order × unit × attribution instant (definitions.ts), counters summed. */
  order_metric_facts: CounterColumns & {
    order_id: string;
    unit_id: string;
    at: number;
    /** Shanghai local day number of `at` (days since 1970-01-01). */
    day: number;
  };
  /** The ledger summed per unit and local day, kept in step by the same hook. */
  order_metric_days: CounterColumns & {
    day: number;
    unit_id: string;
  };
  /** The ledger summed per unit and local month (year × 12 + month − 1). */
  order_metric_months: CounterColumns & {
    month: number;
    unit_id: string;
  };
};
