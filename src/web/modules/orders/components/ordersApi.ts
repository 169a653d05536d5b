/** Calls of the work-order API, through the shared client (src/web/api.ts). */
import { api, request } from '../../../api';
import {
  type ActionType,
  type CallerHistory,
  type CategorySuggestion,
  type CategoryView,
  type OrderDetail,
  type OrderPage,
  type OrderQuery,
  type IntakeResult,
  type NewOrderBody,
  type QueueCounts,
} from '../../../../modules/orders/contract';
import type { UploadedFile } from '../../../../platform/api.contract';

const enc = encodeURIComponent;

export const ordersApi = {
  list: (q: OrderQuery, signal?: AbortSignal) => api.get<OrderPage>('/api/orders', { ...q }, { signal }),
  counts: (signal?: AbortSignal) => api.get<QueueCounts>('/api/orders/counts', undefined, { signal }),
  detail: (id: string, signal?: AbortSignal) => api.get<OrderDetail>(`/api/orders/${enc(id)}`, undefined, { signal }),
  act: (id: string, type: ActionType, fields: Record<string, unknown> = {}) =>
    api.post<OrderDetail>(`/api/orders/${enc(id)}/actions`, { ...fields, type }),
  reveal: (id: string) => api.post<{ name: string | null; phone: string | null }>(`/api/orders/${enc(id)}/reveal`),
  callerHistory: (phone: string, signal?: AbortSignal) =>
    api.get<CallerHistory>(`/api/callers/${enc(phone)}/orders`, undefined, { signal }),
  categories: (signal?: AbortSignal) =>
    api.get<{ items: CategoryView[] }>('/api/order-categories', undefined, { signal }),
  suggest: (text: string, signal?: AbortSignal) =>
    api.post<{ items: CategorySuggestion[] }>('/api/order-categories/suggest', { text }, { signal }),
  lookup: (lng: number, lat: number, signal?: AbortSignal) =>
    api.get<{
      community: { code: string; name: string } | null;
      grid: { code: string; name: string } | null;
      inStreet: boolean;
    }>('/api/geo/lookup', { lng, lat }, { signal }),
};

/** 登记工单. The same key and body twice make one order (the server replays its answer). */
export function createOrder(
  body: NewOrderBody,
  idempotencyKey: string,
  csrfToken: string | undefined,
): Promise<IntakeResult> {
  return postIdempotent<IntakeResult>('/api/orders', body, idempotencyKey, csrfToken);
}

export type { UploadedFile };

/** One attachment, multipart field "file" (the server sniffs the real type). */
export function uploadFile(
  file: File | Blob,
  name: string,
  csrfToken: string | null | undefined,
): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, name);
  return request<UploadedFile>('POST', '/api/files', { form, csrf: csrfToken, allow401: true });
}

/** A POST the server replays for the same key (a retried submission makes one order). */
export function postIdempotent<T>(
  path: string,
  body: unknown,
  idempotencyKey: string,
  csrfToken: string | null | undefined,
): Promise<T> {
  return request<T>('POST', path, {
    body,
    headers: { 'idempotency-key': idempotencyKey },
    csrf: csrfToken,
    allow401: true,
  });
}

/** A random v4 UUID; crypto.randomUUID exists only on https/localhost, getRandomValues everywhere. */
export function uuid(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      /* insecure context: fall through */
    }
  }
  const b = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Full paging through a list (for counts and the map), stopping at `cap` rows. */
export async function listAll(
  q: OrderQuery,
  cap: number,
  signal?: AbortSignal,
): Promise<{ items: OrderPage['items']; truncated: boolean }> {
  const items: OrderPage['items'] = [];
  let before: string | undefined;
  for (;;) {
    const page = await ordersApi.list({ ...q, limit: 500, before }, signal);
    items.push(...page.items);
    if (!page.next || items.length >= cap) return { items, truncated: !!page.next };
    before = page.next;
  }
}
