/**
 * A queue's rows with keyset paging ("load more" follows the server's `next` cursor), and a
 * `refresh` that reloads what is on screen in place (for live updates) without losing the pages
 * already loaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { listAll, ordersApi } from '../../components/ordersApi';
import { useApiError } from '../../../../components/useApiError';
import { type OrderQuery, type OrderView, type QueueCounts } from '../../../../../modules/orders/contract';

export const PAGE = 100;

export interface OrderList {
  rows: OrderView[];
  next: string | null;
  loading: boolean;
  loadMore: () => void;
  refresh: () => void;
}

/** `key` identifies the query: when it changes the list starts over. */
export function useOrderList(query: OrderQuery, key: string): OrderList {
  const showError = useApiError();
  const [rows, setRows] = useState<OrderView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  /** Server rows fetched so far, so a refresh fetches as many. */
  const fetched = useRef(0);
  const state = useRef({ query, next });
  state.current = { query, next };
  const showErrorRef = useRef(showError);
  showErrorRef.current = showError;

  const load = useCallback(async (mode: 'reset' | 'more' | 'refresh') => {
    const req = ++latest.current;
    const { query: q, next: cursor } = state.current;
    const limit = q.limit ?? PAGE;
    setLoading(true);
    try {
      let items: OrderView[];
      let nextCursor: string | null;
      if (mode === 'refresh' && fetched.current > limit) {
        // Reload everything on screen, following the cursor as far as it went before.
        const all = await listAll({ ...q, limit: undefined }, fetched.current);
        items = all.items.slice(0, fetched.current);
        nextCursor = all.truncated || all.items.length > items.length ? cursorAfter(items, q) : null;
      } else {
        const page = await ordersApi.list({ ...q, limit, before: mode === 'more' ? (cursor ?? undefined) : undefined });
        items = page.items;
        nextCursor = page.next;
      }
      if (req !== latest.current) return;
      const shown = items;
      if (mode === 'more') {
        fetched.current += items.length;
        setRows((old) => {
          const seen = new Set(old.map((o) => o.id));
          return [...old, ...shown.filter((o) => !seen.has(o.id))];
        });
      } else {
        fetched.current = items.length;
        setRows(shown);
      }
      setNext(nextCursor);
    } catch (e) {
      if (req === latest.current) showErrorRef.current(e);
    } finally {
      if (req === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setRows([]);
    setNext(null);
    fetched.current = 0;
    void load('reset');
  }, [key, load]);

  return {
    rows,
    next,
    loading,
    loadMore: useCallback(() => void load('more'), [load]),
    refresh: useCallback(() => void load('refresh'), [load]),
  };
}

/** The keyset cursor after the last row (as the server makes it), or the offset for deadline order. */
function cursorAfter(items: OrderView[], q: OrderQuery): string | null {
  const last = items[items.length - 1];
  if (!last) return null;
  return q.sort === 'deadline' ? String(items.length) : `${last.createdAt}_${last.id}`;
}

/** The tab counts (GET /api/orders/counts), reloadable; they stay as they were when a reload fails. */
export function useQueueCounts() {
  const [value, setValue] = useState<QueueCounts | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    ordersApi.counts(ctl.signal).then(
      (c) => !ctl.signal.aborted && setValue(c),
      () => undefined,
    );
    return () => ctl.abort();
  }, [tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value, reload };
}

/** All open orders in the caller's scope (for the map), reloadable; nothing is loaded while `enabled` is false. */
export function useOpenOrders(enabled: boolean, cap = 3000) {
  const [data, setData] = useState<{ items: OrderView[]; truncated: boolean } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const ctl = new AbortController();
    listAll({ open: true }, cap, ctl.signal).then(
      (r) => !ctl.signal.aborted && setData(r),
      () => undefined, // the counts simply stay as they were; the table reports errors
    );
    return () => ctl.abort();
  }, [enabled, cap, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { open: data?.items ?? null, truncated: enabled && (data?.truncated ?? false), reload };
}
