import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Http } from '../http';
import { forbidden, unauthorized, AppError } from '../errors';
import { AUTHENTICATED, PUBLIC, can, type Principal } from './principal';
import { safeEqual } from './tokens';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route says who may call it: 'public', 'authenticated' or a permission name. */
    permission?: string;
    /** Routes whose writes are not cookie-driven (e.g. login itself) skip the CSRF check. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'yw_session';

export interface Authenticator {
  /** Resolves a session cookie value to a principal (and refreshes nothing). */
  bySession(token: string): Promise<Principal | null>;
  /** Resolves an API key to a principal. */
  byApiKey(key: string): Promise<Principal | null>;
}

export interface RouteRecord {
  method: string;
  url: string;
  permission: string;
}

/** Routes registered by plugins (docs UI, static files of the web app) are public by nature. */
const isPluginRoute = (url: string) =>
  url === '/' || url === '/*' || url.startsWith('/api/docs') || url.startsWith('/assets/');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerKey(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' ? header : null;
}

/**
 * Installs authentication and authorisation: a route without a declared permission fails at
 * start-up, and every request is checked against its route's permission before its handler runs.
 */
export function installAuth(app: Http, auth: Authenticator, routes: RouteRecord[]): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let permission = route.config?.permission;
    if (!permission) {
      if (isPluginRoute(route.url)) {
        permission = PUBLIC;
        route.config = { ...(route.config ?? {}), permission };
      } else {
        throw new Error(`route ${methods.join(',')} ${route.url} declares no permission`);
      }
    }
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url: route.url, permission });
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const permission = req.routeOptions.config?.permission ?? PUBLIC;
    const key = bearerKey(req);
    let principal: Principal | null = null;
    if (key) {
      principal = await auth.byApiKey(key);
      if (!principal) throw new AppError(401, 'invalid_api_key', 'API key is unknown or revoked');
    } else {
      const token = req.cookies?.[SESSION_COOKIE];
      if (token) {
        principal = await auth.bySession(token);
        if (!principal) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    req.principal = principal;
    if (permission === PUBLIC) return;
    if (!principal) throw unauthorized();
    if (principal.kind === 'user' && !SAFE_METHODS.has(req.method) && req.routeOptions.config?.csrf !== false) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError(403, 'csrf', 'missing or wrong x-csrf-token header (read it from GET /api/me)');
      }
    }
    if (permission !== AUTHENTICATED && !can(principal, permission)) {
      throw forbidden(`需要权限 ${permission} / requires permission ${permission}`, { permission });
    }
  });
}

export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthorized();
  return req.principal;
}
