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
  return app.routes.filter((r) => !isPluginRoute(r.url)).map((r) => {
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

/** The route's URL with every path parameter replaced (URL-encoding is up to the caller). */
export function fillPath(route: RouteShape, value: (name: string, schema: JsonSchema) => string = (_n, s) => dummyValue(s)): string {
  return route.url.replace(/:(\w+)/g, (_m, name: string) => value(name, route.params[name] ?? {}));
}

/** A body that passes the schema's types (not necessarily the business rules): required fields only. */
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
    case 'array': return [];
    case 'integer': case 'number': return s.minimum ?? 1;
    case 'boolean': return false;
    case 'null': return null;
    case 'string': return 'x';
    default: return 'x';
  }
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that end the caller's own session: run them with a throwaway login. */
export const endsSession = (r: RouteRecord) => r.url === '/api/auth/logout';
