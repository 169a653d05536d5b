/**
 * Reference data the order pages share — the category tree and the organisations — loaded once
 * per session (they change rarely) and indexed for quick lookups.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../api';
import { type List as Items } from '../../../../platform/contract';
import { type Org } from '../../../../modules/identity/contract';
import { type CategoryView } from '../../../../modules/orders/contract';
import { ordersApi } from './ordersApi';

function cached<T>(load: () => Promise<T>) {
  let promise: Promise<T> | null = null;
  let value: T | undefined;
  return {
    get value() {
      return value;
    },
    get(): Promise<T> {
      if (!promise) {
        promise = load().then(
          (v) => {
            value = v;
            return v;
          },
          (e: unknown) => {
            promise = null; // try again next time
            throw e;
          },
        );
      }
      return promise;
    },
  };
}

const categoriesCache = cached(() => ordersApi.categories().then((r) => r.items));
const orgsCache = cached(() => api.get<Items<Org & { path?: string }>>('/api/orgs').then((r) => r.items));

function useCached<T>(c: ReturnType<typeof cached<T>>): { data: T | undefined; error: unknown } {
  const [data, setData] = useState<T | undefined>(c.value);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (data !== undefined) return;
    let live = true;
    c.get().then(
      (v) => live && setData(v),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [c, data]);
  return { data, error };
}

export interface CategoryIndex {
  list: CategoryView[];
  byCode: Map<string, CategoryView>;
  isLeaf: (code: string) => boolean;
  path: (code: string | null | undefined) => string | null;
}

export function useCategories(): CategoryIndex & { loading: boolean } {
  const { data } = useCached(categoriesCache);
  return useMemo(() => {
    const list = (data ?? []).filter((c) => c.active);
    const byCode = new Map(list.map((c) => [c.code, c]));
    return {
      list,
      byCode,
      loading: data === undefined,
      isLeaf: (code: string) => !!byCode.get(code)?.leaf,
      path: (code) => (code ? (byCode.get(code)?.path ?? code) : null),
    };
  }, [data]);
}

/** Kinds of organisation that may hold an order (server: action-service dispatch check). */
export const UNIT_KINDS = new Set(['department', 'community', 'unit', 'grid']);

export interface OrgIndex {
  list: Org[];
  byId: Map<string, Org>;
  name: (id: string | null | undefined) => string | null;
  communities: Org[];
  loading: boolean;
}

export function useOrgIndex(): OrgIndex {
  const { data } = useCached(orgsCache);
  return useMemo(() => {
    const list = data ?? [];
    const byId = new Map(list.map((o) => [o.id, o]));
    return {
      list,
      byId,
      name: (id) => (id ? (byId.get(id)?.name ?? null) : null),
      communities: list.filter((o) => o.kind === 'community').sort((a, b) => a.code.localeCompare(b.code)),
      loading: data === undefined,
    };
  }, [data]);
}
