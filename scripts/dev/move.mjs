#!/usr/bin/env node
/**
 * Moves source files and rewrites every relative import that names them (src/, test/, bench/,
 * scripts/). Usage: node scripts/dev/move.mjs old1:new1 [old2:new2 …]  — paths from the repo root;
 * a folder moves with everything in it. Uses `git mv`, so history follows the files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const EXT = ['.ts', '.tsx', '.mjs', '.js'];
const SPEC = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (EXT.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

/** The file a relative specifier names, or null (a package, an asset). */
function resolveSpec(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const c of [base, ...EXT.map((x) => base + x), ...EXT.map((x) => join(base, 'index' + x))])
    if (existsSync(c) && statSync(c).isFile()) return c;
  if (existsSync(base)) return base; // an asset (.css) or folder
  return null;
}

const pairs = process.argv.slice(2).map((a) => a.split(':').map((p) => resolve(root, p)));
if (!pairs.length) throw new Error('usage: move.mjs old:new …');
const files = ['src', 'test', 'bench', 'scripts']
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) => walk(join(root, d)));

/** old absolute path → new absolute path, for every file that moves. */
const moved = new Map();
for (const [from, to] of pairs) {
  if (statSync(from).isDirectory()) {
    for (const f of walk(from)) moved.set(f, join(to, relative(from, f)));
    for (const f of readdirSync(from, { recursive: true }))
      if (!moved.has(join(from, f)) && statSync(join(from, f)).isFile()) moved.set(join(from, f), join(to, f));
  } else moved.set(from, to);
}
const newPath = (p) => moved.get(p) ?? p;

// compute every file's new text from its old location, then move, then write
const rewrites = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(SPEC, (all, lead, q, spec) => {
    const target = resolveSpec(file, spec);
    if (!target) return all;
    const nt = newPath(target);
    const nf = newPath(file);
    if (nt === target && nf === file) return all;
    let rel = relative(dirname(nf), nt);
    // keep the specifier's style: no extension, or folder/index left implicit
    // (a dotted name like './orders.en' has no extension: only a specifier naming the file itself has one)
    const hadExt = resolve(dirname(file), spec) === target;
    if (!hadExt) {
      rel = rel.replace(/\.(ts|tsx|mjs|js)$/, '');
      if (!/\/index$/.test(spec) && !spec.endsWith('/index')) {
        const pointedAtIndex = /(^|\/)index\.(ts|tsx|js|mjs)$/.test(target) && !spec.endsWith('index');
        if (pointedAtIndex) rel = rel.replace(/\/index$/, '').replace(/^index$/, '.');
      }
    }
    if (!rel.startsWith('.')) rel = './' + rel;
    return `${lead}${q}${rel}${q}`;
  });
  if (out !== text) rewrites.set(newPath(file), out);
}
for (const [from, to] of moved) {
  mkdirSync(dirname(to), { recursive: true });
  execFileSync('git', ['mv', '-k', from, to], { cwd: root });
  if (existsSync(from)) execFileSync('mv', [from, to]);
}
for (const [file, text] of rewrites) writeFileSync(file, text);
console.log(`moved ${moved.size} files; rewrote imports in ${rewrites.size}`);
