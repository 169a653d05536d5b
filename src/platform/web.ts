import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Http } from './http';

export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

/** Serves the built web app; any non-API GET falls back to index.html (client-side routing). */
export async function serveWeb(app: Http): Promise<void> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    app.get('/', { config: { permission: 'public' } }, async (_req, reply) =>
      reply.type('text/html').send('<p>The web UI is not built. Run <code>npm run build</code>, or start with <code>npm start</code>.</p>'));
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIR, wildcard: true, index: ['index.html'], maxAge: '1h' });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/open311/') && !/\.\w+$/.test(path)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${path}` } });
  });
}
