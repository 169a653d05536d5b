/**
 * The queues (tabs) of the two workbenches: each is a server query (the list API filters every
 * one of them, 退单/延期 requests and 临期或超期 included) and the figure of GET /api/orders/counts
 * its tab shows (none = the tab shows no count).
 */
import type { MessageKey } from '../../../../i18n';
import { type OrderQuery, type OrderView, type QueueCounts } from '../../../../../modules/orders/contract';

export interface QueueDef {
  key: string;
  labelKey: MessageKey;
  query: OrderQuery;
  /** The tab's count from the server's counts; none = not counted. */
  count?: (c: QueueCounts) => number;
  /** Shown in red when non-zero (needs attention). */
  alert?: boolean;
}

const inState = (s: string) => (c: QueueCounts) => c.byState[s] ?? 0;

export const DISPATCH_QUEUES: QueueDef[] = [
  {
    key: 'pending_dispatch',
    labelKey: 'orders.queue.pending_dispatch',
    query: { state: 'pending_dispatch' },
    count: inState('pending_dispatch'),
  },
  {
    key: 'pending_review',
    labelKey: 'orders.queue.pending_review',
    query: { state: 'pending_review' },
    count: inState('pending_review'),
  },
  {
    key: 'pending_visit',
    labelKey: 'orders.queue.pending_visit',
    query: { state: 'pending_visit' },
    count: inState('pending_visit'),
  },
  {
    key: 'return',
    labelKey: 'orders.queue.return',
    query: { request: 'return' },
    count: (c) => c.returnRequests,
    alert: true,
  },
  {
    key: 'extension',
    labelKey: 'orders.queue.extension',
    query: { request: 'extension' },
    count: (c) => c.extensionRequests,
    alert: true,
  },
  {
    key: 'due_soon',
    labelKey: 'orders.queue.due_soon',
    query: { sla: 'due_soon', open: true, sort: 'deadline' },
    count: (c) => c.dueSoon,
  },
  {
    key: 'overdue',
    labelKey: 'orders.queue.overdue',
    query: { sla: 'overdue', open: true, sort: 'deadline' },
    count: (c) => c.overdue,
    alert: true,
  },
  { key: 'all', labelKey: 'orders.queue.all', query: {} },
];

export const UNIT_QUEUES: QueueDef[] = [
  {
    key: 'pending_sign',
    labelKey: 'orders.queue.pending_sign',
    query: { state: 'pending_sign' },
    count: inState('pending_sign'),
    alert: true,
  },
  { key: 'handling', labelKey: 'orders.queue.handling', query: { state: 'handling' }, count: inState('handling') },
  {
    key: 'late',
    labelKey: 'orders.queue.late',
    query: { state: 'pending_sign,handling', late: true, sort: 'deadline' },
    count: (c) => c.unitLate,
    alert: true,
  },
  {
    key: 'submitted',
    labelKey: 'orders.queue.submitted',
    query: { state: 'pending_review,pending_visit,closed,archived' },
  },
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

export const FILTER_KEYS: Array<keyof OrderFilterValues> = [
  'q',
  'channel',
  'categoryPrefix',
  'communityCode',
  'unitId',
  'fromDate',
  'toDate',
];

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
    const t = term.toLowerCase(); // as the server: case-insensitive, literal
    if (!o.title.toLowerCase().includes(t) && !(o.address ?? '').toLowerCase().includes(t)) return false;
  }
  return true;
}

/** Whether a queue's server query holds the row (used when drawing the map from the open orders). */
export function inQueue(o: OrderView, q: QueueDef): boolean {
  const s = q.query;
  if (s.state && !s.state.split(',').includes(o.state)) return false;
  if (s.sla && o.slaStatus !== s.sla) return false;
  if (s.late && o.slaStatus !== 'due_soon' && o.slaStatus !== 'overdue') return false;
  if (s.request === 'return' && !o.returnRequest) return false;
  if (s.request === 'extension' && !o.extensionRequest) return false;
  return true;
}
