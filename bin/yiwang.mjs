#!/usr/bin/env node
// The `yiwang` command runs the built server (dist/server/b-<hash>/main.js, an esbuild bundle of src/).
// When the bundle is missing or older than src/, it is rebuilt first (about a second) if esbuild is
// installed; an install without dev dependencies runs the bundle it was shipped with.
import { pathToFileURL } from 'node:url';
import { buildServer, isCurrent, serverEntry } from '../scripts/build-lib.mjs';

if (!isCurrent('server')) {
  let esbuild = true;
  try {
    await import('esbuild');
  } catch {
    esbuild = false;
  }
  if (esbuild) await buildServer();
  else if (!serverEntry()) {
    console.error('yiwang: the server is not built and esbuild is not installed; run `npm ci && npm run build`');
    process.exit(1);
  }
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(serverEntry()).href);
process.exitCode = await main(process.argv.slice(2));
