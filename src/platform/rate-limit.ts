import rateLimit from '@fastify/rate-limit';
import { AppError } from './errors';
import type { Http } from './http';

/**
 * Per-address limits for routes anyone may call without logging in (the citizen's report and
 * tracking pages). @fastify/rate-limit keeps the counts in this node's memory, so with N nodes
 * behind a balancer an address may make up to N× the limit — still a bound on abuse. The address
 * is the socket's, or X-Forwarded-For's with TRUST_PROXY=on.
 */
export async function registerRateLimits(app: Http, trustProxy: boolean): Promise<void> {
  // Behind a proxy without TRUST_PROXY every citizen has the proxy's address and shares one
  // limit: say so once, the first time a forwarded request shows it.
  if (!trustProxy) {
    let warned = false;
    app.addHook('onRequest', async (req) => {
      if (warned || req.headers['x-forwarded-for'] === undefined) return;
      warned = true;
      req.log.warn(
        "X-Forwarded-For arrives but TRUST_PROXY is off: per-address limits and audit rows see the proxy's address; set TRUST_PROXY=on behind a reverse proxy",
      );
    });
  }
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new AppError(
        429,
        'rate_limited',
        `请求过于频繁，请 ${seconds} 秒后再试 / too many requests from this address; retry in ${seconds} s`,
        { retryAfterSeconds: seconds },
      );
    },
  });
}

/** Route config: at most `max` requests per address in `windowMs` (0 = no limit). */
export function perAddress(
  max: number,
  windowMs: number,
  /** Routes with the same group share one count (one lookup offered as GET and as POST). */
  groupId?: string,
): { rateLimit?: { max: number; timeWindow: number; groupId?: string } } {
  return max > 0 ? { rateLimit: { max, timeWindow: windowMs, ...(groupId ? { groupId } : {}) } } : {};
}
