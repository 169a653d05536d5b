/**
 * SQL lives in repositories: outside `*.repo.ts` / `repo.ts`, the migrations, the platform and the
 * demo generators, no file builds a Kysely query. A service reads and writes through its area's
 * repository, so the SQL of a table is in one place and a module's tables are visibly its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** A query builder's entry points and the raw `sql` tag (sql`…`, sql<T>`…`). */
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(<[^`]*>)?`/;

/** Where SQL may be written, and why. */
const ALLOWED: Array<[RegExp, string]> = [
  [/(^|\/)([\w-]+\.)?repo\.ts$/, 'a repository'],
  [/\/migrations\//, 'schema changes'],
  [/^platform\//, 'infrastructure: db, jobs, outbox, audit, idempotency own their tables'],
  [/\/demo\//, 'demo data generators write in bulk; runtime code never imports them'],
  [/\.test\.ts$/, 'tests set up rows directly'],
  [/^web\//, 'the browser (has no database; listed so the scan is total)'],
];

describe('repositories', () => {
  it('no Kysely query outside *.repo.ts, migrations, platform/ and demo/', () => {
    const offenders: string[] = [];
    for (const f of files(SRC)) {
      const rel = relative(SRC, f);
      if (ALLOWED.some(([re]) => re.test(rel))) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (QUERY.test(line)) offenders.push(`src/${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the scan recognises every query form it forbids', () => {
    for (const s of [
      "db.selectFrom('orders')",
      "  .insertInto('x')",
      "trx.updateTable('y')",
      "db.deleteFrom('z')",
      'sql`select 1`',
      'sql<{ n: number }>`select 1`',
    ])
      expect(QUERY.test(s), s).toBe(true);
    expect(QUERY.test('const selectFromList = 1; // sql is text')).toBe(false);
  });
});
