import type { App } from '../../src/app';
import type { RouteRecord } from '../../src/platform/auth/hooks';

/**
 * What the cross-route suites (permissions, bad input) need to know about each registered route:
 * its path and query parameters and its body schema, read from the app's own OpenAPI document so
 * a new route is covered the day it is added.
 */
export type JsonSchema = Record<string, any>;

export interface RouteShape extends RouteRecord {
  params: Record<string, JsonSchema>;
  query: Record<string, JsonSchema & { required?: boolean }>;
  body: JsonSchema | null;
}

/** Docs UI and static files of the web app: registered by plugins, public by nature. */
export const isPluginRoute = (url: string) => url === '/' || url === '/*' || url.startsWith('/api/docs');

/** Every API route the app registered (plugin routes left out), with its parameters. */
export function apiRoutes(app: App): RouteShape[] {
  const doc = app.http.swagger() as { paths: Record<string, Record<string, any>> };
  return app.routes
    .filter((r) => !isPluginRoute(r.url))
    .map((r) => {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const params: RouteShape['params'] = {};
      const query: RouteShape['query'] = {};
      for (const p of op?.parameters ?? []) {
        if (p.in === 'path') params[p.name] = p.schema ?? {};
        if (p.in === 'query') query[p.name] = { ...(p.schema ?? {}), required: !!p.required };
      }
      // hidden routes (schema.hide) are not in the document; their path params are still there
      for (const m of r.url.matchAll(/:(\w+)/g)) params[m[1]] ??= {};
      return { ...r, params, query, body: op?.requestBody?.content?.['application/json']?.schema ?? null };
    });
}

const isNumeric = (s: JsonSchema) => s.type === 'integer' || s.type === 'number';

/** A harmless value of the right type: 'x' for text, the minimum (or 1) for a number. */
export function dummyValue(s: JsonSchema): string {
  if (isNumeric(s)) return String(s.minimum ?? 1);
  if (Array.isArray(s.enum)) return String(s.enum[0]);
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-03-02';
  return 'x';
}

/** A harmless path parameter: Open311's `.:format` wants json or xml; others as dummyValue. */
export const dummyParam = (name: string, s: JsonSchema) => (name === 'format' ? 'json' : dummyValue(s));

/** The route's URL with every path parameter replaced (URL-encoding is up to the caller). */
export function fillPath(route: RouteShape, value: (name: string, schema: JsonSchema) => string = dummyParam): string {
  return route.url.replace(/:(\w+)/g, (_m, name: string) => value(name, route.params[name] ?? {}));
}

/** Candidates for a string field, tried in order against its length limits and pattern. */
const STRING_CANDIDATES = [
  'x',
  'xx',
  'x1',
  '12',
  '2026-03-02',
  '13800000000',
  '110101199003071234',
  'X_1',
  'x@example.org',
];

function plausibleString(s: JsonSchema): string {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Infinity;
  const re = s.pattern ? new RegExp(s.pattern, 'u') : null;
  const fits = (v: string) => v.length >= min && v.length <= max && (!re || re.test(v));
  return [...STRING_CANDIDATES, 'x'.repeat(Math.max(min, 1))].find(fits) ?? 'x';
}

function plausibleNumber(s: JsonSchema): number {
  const lo = s.minimum ?? s.exclusiveMinimum ?? -Infinity;
  const hi = s.maximum ?? s.exclusiveMaximum ?? Infinity;
  const fits = (n: number) =>
    (s.type !== 'integer' || Number.isInteger(n)) &&
    (s.minimum === undefined || n >= s.minimum) &&
    (s.maximum === undefined || n <= s.maximum) &&
    (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum) &&
    (s.exclusiveMaximum === undefined || n < s.exclusiveMaximum);
  const mid = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : NaN;
  return (
    [s.minimum, 1, 0, Math.ceil(mid), mid, Math.floor(lo) + 1, s.maximum].find(
      (n) => n !== undefined && Number.isFinite(n) && fits(n),
    ) ?? 1
  );
}

/** A body that passes the schema (not necessarily the business rules): required fields only. */
export function plausibleBody(s: JsonSchema | null): unknown {
  if (!s) return {};
  if (s.anyOf) return plausibleBody(s.anyOf[0]);
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = plausibleBody(s.properties?.[k] ?? {});
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => plausibleBody(s.items ?? {}));
    case 'integer':
    case 'number':
      return plausibleNumber(s);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return plausibleString(s);
    default:
      return 'x';
  }
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a refusal has the API's error body: `{ error: { code, message } }`, or under /open311/
 * the GeoReport v2 error list that spec prescribes (`[{ code, description }]`, or `<errors>` XML).
 * A URL the router refuses before any route runs (bad %-encoding) gets the API's format even
 * under /open311/: no module has seen it yet.
 */
export function isErrorBody(url: string, body: any, contentType: unknown): boolean {
  const api = typeof body?.error?.code === 'string' && typeof body?.error?.message === 'string';
  if (url.startsWith('/open311/')) {
    if (String(contentType).includes('xml')) return typeof body === 'string' && body.includes('<errors>');
    return (
      api ||
      (Array.isArray(body) &&
        body.length > 0 &&
        body.every((e) => typeof e?.code === 'number' && typeof e?.description === 'string'))
    );
  }
  return api;
}

/** Routes that end the caller's own session: run them with a throwaway login. */
export const endsSession = (r: RouteRecord) => r.url === '/api/auth/logout';
