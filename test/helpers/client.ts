import type { App } from '../../src/app';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A logged-in (or anonymous) HTTP client over app.inject, carrying the cookie and CSRF token. */
export class Client {
  constructor(
    private app: App,
    public cookie: string | null = null,
    public csrf: string | null = null,
    public apiKey: string | null = null,
  ) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (this.apiKey) h.authorization = `Bearer ${this.apiKey}`;
    const res = await this.app.http.inject({
      method: method as any,
      url,
      headers: h,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    let parsed: any = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed, headers: res.headers as Record<string, unknown> };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', url, body ?? {}, headers);
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
}

export const DEMO_PASSWORD = 'yiwang-demo';

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'yw_session')!;
  return new Client(app, `yw_session=${c.value}`, JSON.parse(res.body).csrfToken);
}

export const anonymous = (app: App) => new Client(app);
export const withApiKey = (app: App, key: string) => new Client(app, null, null, key);
