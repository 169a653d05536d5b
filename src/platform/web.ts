import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Http } from './http';

/** The project root: the nearest folder above this file with a package.json (src/platform/ in
 *  development, dist/server/ when bundled — the same answer from both). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const WEB_DIR = join(projectRoot(dirname(fileURLToPath(import.meta.url))), 'dist', 'web');

/**
 * Serves the built web app; any non-API GET falls back to index.html (client-side routing).
 * The fallback is a `GET /*` route, not a not-found handler: createHttp already owns the
 * instance's one not-found handler (the JSON 404), and Fastify refuses a second.
 */
export async function serveWeb(app: Http): Promise<void> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html')
        .send('<p>The web UI is not built. Run <code>npm run build</code>, or start with <code>npm start</code>.</p>'),
    );
    return;
  }
  // serve: false: the plugin only provides reply.sendFile; the one `GET /*` route below serves files.
  await app.register(fastifyStatic, { root: WEB_DIR, serve: false, maxAge: '1h' });
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0];
    if (path.startsWith('/api/') || path.startsWith('/open311/')) return reply.callNotFound();
    if (!/\.\w+$/.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    // A missing file answers with the JSON 404 (the plugin calls the not-found handler).
    return reply.sendFile((req.params as { '*': string })['*']);
  });
}
