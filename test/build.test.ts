/**
 * The built server production runs: `scripts/build.mjs --server` leaves a current bundle that
 * `bin/yiwang.mjs` runs, which needs neither the TypeScript loader nor the web build tools.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnNode } from './helpers/child';
// @ts-expect-error plain ESM script without types
import { inputHash, isCurrent, serverEntry } from '../scripts/build-lib.mjs';

describe('built server', () => {
  it('is current after a build, and its code names no dev-only package', async () => {
    const build = spawnNode([join(ROOT, 'scripts', 'build.mjs'), '--server'], { env: process.env });
    expect(await build.exited(60_000)).toBe(0);
    expect(isCurrent('server')).toBe(true);
    const entry: string = serverEntry();
    expect(entry).toContain(`b-${(inputHash('server') as string).slice(0, 16)}`);
    const dir = dirname(entry);
    const files = [
      entry,
      ...readdirSync(join(dir, 'chunks'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(dir, 'chunks', f)),
    ];
    const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const pkg of ['tsx', 'vite', '@vitejs/plugin-react', 'esbuild', 'vitest']) {
      expect(code, pkg).not.toMatch(new RegExp(`from\\s*["']${pkg.replace('/', '\\/')}["']`));
    }
  }, 90_000);

  it('answers `help` without loading the server code (code-split)', async () => {
    const c = spawnNode([join(ROOT, 'bin', 'yiwang.mjs'), 'help'], { env: process.env });
    expect(await c.exited(30_000)).toBe(0);
    expect(c.stdout()).toContain('yiwang start');
    // the entry itself imports no server dependency; they come with the lazily loaded chunks
    expect(readFileSync(serverEntry(), 'utf8')).not.toMatch(/from\s*["'](fastify|kysely|better-sqlite3|pg|aedes)["']/);
  }, 60_000);
});
