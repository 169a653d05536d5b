#!/usr/bin/env node
// The `yiwang` command: runs src/main.ts through tsx's loader (no separate compile step).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(join(root, 'src', 'main.ts'));
process.exitCode = await main(process.argv.slice(2));
