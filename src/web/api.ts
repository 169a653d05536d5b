/**
 * The one HTTP client of the web app: JSON in and out (or a multipart form, or a file to
 * download), extra headers such as Idempotency-Key, the CSRF header on every write, server
 * errors `{error:{code,message,details}}` thrown as ApiError by one reader, and 401 handed to
 * the auth layer (which sends the user to the login page).
 */
import { inLanguage, pageLanguage } from './serverText';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The auth provider registers this; without it a 401 reloads into the login page. */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A multipart body instead of JSON (file uploads). */
  form?: FormData;
  /** Extra headers (Idempotency-Key …). */
  headers?: Record<string, string>;
  /** The CSRF token when the page has its own session object (public pages outside the provider). */
  csrf?: string | null;
  /** Do not treat 401 as "session gone" (login form, the initial /api/me probe). */
  allow401?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function goToLogin(): void {
  if (onUnauthorized) {
    onUnauthorized();
    return;
  }
  if (!window.location.pathname.startsWith('/login')) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?next=${next}`);
  }
}

/** The server's error envelope as an ApiError; a body without one keeps the status line. */
export async function readError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: fall through to the status line */
  }
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (err && typeof err.message === 'string') {
    // one language at a time: the side of the server's bilingual text the page is shown in
    return new ApiError(
      res.status,
      err.code ?? `http_${res.status}`,
      inLanguage(err.message, pageLanguage()),
      err.details,
    );
  }
  // No error envelope (e.g. /api/health's 503 report): keep the body for the caller.
  return new ApiError(
    res.status,
    `http_${res.status}`,
    `${res.status} ${res.statusText || 'error'}`,
    body ?? undefined,
  );
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  const write = method !== 'GET' && method !== 'HEAD';
  const csrf = opts.csrf ?? csrfToken;
  if (write && csrf) headers['x-csrf-token'] = csrf;
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form; // the browser sets the multipart boundary
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (write) {
    // Fastify refuses an empty body declared as JSON; send an empty object instead.
    headers['content-type'] = 'application/json';
    body = '{}';
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', (e as Error).message || 'network error');
  }
  if (res.status === 401 && !opts.allow401) goToLogin();
  if (!res.ok) throw await readError(res);
  return res;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file from the API (an export, an attachment), with the session cookie. */
export async function fetchBlob(path: string, query?: Query): Promise<Blob> {
  return (await send('GET', path, { query })).blob();
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};
