/**
 * The two calls api.ts cannot make: a JSON POST with an Idempotency-Key header, and a multipart
 * file upload. Both send the session's CSRF token (from /api/me) and throw ApiError like api.ts.
 */
import { ApiError } from '../../api';
import type { UploadedFile } from '../../../platform/api.contract';

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error?.message)
      return new ApiError(res.status, body.error.code ?? `http_${res.status}`, body.error.message, body.error.details);
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, `http_${res.status}`, `${res.status} ${res.statusText || 'error'}`);
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch (e) {
    throw new ApiError(0, 'network', (e as Error).message || 'network error');
  }
}

/** A fresh key for one logical submission (kept across retries of the same form). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export async function postIdempotent<T>(
  url: string,
  body: unknown,
  opts: { idempotencyKey: string; csrf?: string | null },
): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'idempotency-key': opts.idempotencyKey,
  };
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  const res = await send(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

export type { UploadedFile };

export async function uploadFile(file: Blob, name: string, csrf: string | null | undefined): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await send('/api/files', { method: 'POST', headers, body: form });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as UploadedFile;
}
