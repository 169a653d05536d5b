/**
 * The queues (tabs) of the two workbenches. Each is a server query plus, where the list API has no
 * filter for it (退单/延期 requests, "临期或超期"), a client-side test applied to what comes back.
 * `counts` says how to count the queue from the open orders (no count = the tab shows none).
 */
import type { MessageKey } from '../../../i18n';
import { clockKind } from '../../../components/orders/OrderBits';
import type { OrderQuery, OrderView } from '../../../components/orders/types';

export interface QueueDef {
  key: string;
  labelKey: MessageKey;
  query: OrderQuery;
  /** Rows of `query` that belong to the queue (when the server cannot filter it). */
  match?: (o: OrderView) => boolean;
  /** Count from the open orders with this test; none = not counted. */
  counts?: (o: OrderView) => boolean;
  /** Shown in red when non-zero (needs attention). */
  alert?: boolean;
}

const UNIT = 'pending_sign,handling';
const late = (o: OrderView) => {
  const k = clockKind(o);
  return k === 'overdue' || k === 'due_soon' || o.slaStatus === 'overdue' || o.slaStatus === 'due_soon';
};

export const DISPATCH_QUEUES: QueueDef[] = [
  { key: 'pending_dispatch', labelKey: 'orders.queue.pending_dispatch', query: { state: 'pending_dispatch' }, counts: (o) => o.state === 'pending_dispatch' },
  { key: 'pending_review', labelKey: 'orders.queue.pending_review', query: { state: 'pending_review' }, counts: (o) => o.state === 'pending_review' },
  { key: 'pending_visit', labelKey: 'orders.queue.pending_visit', query: { state: 'pending_visit' }, counts: (o) => o.state === 'pending_visit' },
  {
    key: 'return',
    labelKey: 'orders.queue.return',
    query: { state: UNIT, limit: 500 },
    match: (o) => !!o.returnRequest,
    counts: (o) => !!o.returnRequest,
    alert: true,
  },
  {
    key: 'extension',
    labelKey: 'orders.queue.extension',
    query: { state: UNIT, limit: 500 },
    match: (o) => !!o.extensionRequest,
    counts: (o) => !!o.extensionRequest,
    alert: true,
  },
  { key: 'due_soon', labelKey: 'orders.queue.due_soon', query: { sla: 'due_soon', open: true, sort: 'deadline' }, counts: (o) => o.slaStatus === 'due_soon' },
  { key: 'overdue', labelKey: 'orders.queue.overdue', query: { sla: 'overdue', open: true, sort: 'deadline' }, counts: (o) => o.slaStatus === 'overdue', alert: true },
  { key: 'all', labelKey: 'orders.queue.all', query: {} },
];

export const UNIT_QUEUES: QueueDef[] = [
  { key: 'pending_sign', labelKey: 'orders.queue.pending_sign', query: { state: 'pending_sign' }, counts: (o) => o.state === 'pending_sign', alert: true },
  { key: 'handling', labelKey: 'orders.queue.handling', query: { state: 'handling' }, counts: (o) => o.state === 'handling' },
  {
    key: 'late',
    labelKey: 'orders.queue.late',
    query: { state: UNIT, sort: 'deadline', limit: 500 },
    match: (o) => late(o),
    counts: (o) => (o.state === 'pending_sign' || o.state === 'handling') && late(o),
    alert: true,
  },
  { key: 'submitted', labelKey: 'orders.queue.submitted', query: { state: 'pending_review,pending_visit,closed,archived' } },
];

/** The filters above the table, as kept in the page's URL. */
export interface OrderFilterValues {
  q?: string;
  channel?: string;
  categoryPrefix?: string;
  communityCode?: string;
  unitId?: string;
  /** YYYY-MM-DD, Beijing dates, inclusive. */
  fromDate?: string;
  toDate?: string;
}

export const FILTER_KEYS: Array<keyof OrderFilterValues> = ['q', 'channel', 'categoryPrefix', 'communityCode', 'unitId', 'fromDate', 'toDate'];

export function filtersFromParams(p: URLSearchParams): OrderFilterValues {
  const f: OrderFilterValues = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) f[k] = v;
  }
  return f;
}

const dayStart = (d: string) => Date.parse(`${d}T00:00:00+08:00`);

/** The list API's query for these filters. */
export function filterQuery(f: OrderFilterValues): OrderQuery {
  const to = f.toDate ? dayStart(f.toDate) + 86_400_000 : undefined;
  return {
    q: f.q?.trim() || undefined,
    channel: f.channel,
    categoryPrefix: f.categoryPrefix,
    communityCode: f.communityCode,
    unitId: f.unitId,
    from: f.fromDate ? dayStart(f.fromDate) : undefined,
    to: Number.isFinite(to) ? to : undefined,
  };
}

/** The same filters applied in the browser (the map draws from the open orders already loaded). */
export function matchesFilters(o: OrderView, f: OrderFilterValues): boolean {
  const q = filterQuery(f);
  if (q.channel && o.channel !== q.channel) return false;
  if (q.categoryPrefix && !(o.categoryCode ?? '').startsWith(q.categoryPrefix)) return false;
  if (q.communityCode && o.communityCode !== q.communityCode) return false;
  if (q.unitId && o.unitId !== q.unitId) return false;
  if (q.from !== undefined && o.createdAt < q.from) return false;
  if (q.to !== undefined && o.createdAt >= q.to) return false;
  if (q.q) {
    const term = q.q.trim();
    if (/^GC\d{8,}$/i.test(term)) return o.number === term.toUpperCase();
    if (!o.title.includes(term) && !(o.address ?? '').includes(term)) return false;
  }
  return true;
}

/** Whether a queue's server query holds the row (used when drawing the map from the open orders). */
export function inQueue(o: OrderView, q: QueueDef): boolean {
  const s = q.query;
  if (s.state && !s.state.split(',').includes(o.state)) return false;
  if (s.sla && o.slaStatus !== s.sla) return false;
  return q.match ? q.match(o) : true;
}
