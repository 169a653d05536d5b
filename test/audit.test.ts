/**
 * The hash-chained audit log against tampering done straight in the database, through the API
 * (POST /api/audit/verify) and the CLI (`yiwang audit verify`, exit 1 naming the row); and the
 * rule that a state change and its audit row commit together or not at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dialects, PG_URL } from './helpers/env';
import { appendSchema, startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';
import { childEnv, spawnNode } from './helpers/child';
import { hashRow } from '../src/platform/audit';

/** Cases that start the CLI: a cold `node bin/yiwang.mjs` takes seconds, far more on a busy machine. */
const CLI_TIMEOUT = 150_000;

describe.each(dialects('audit'))('audit chain (%s)', (dialect) => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.dispose()));
  });

  /** A fresh app with some history: seed, logins, an organisation, a user, the user's login. */
  async function withHistory(): Promise<{ app: TestApp; admin: Client; rows: number }> {
    const app = await startTestApp(dialect, { trainingSamples: 200 });
    apps.push(app);
    const admin = await login(app, 'admin');
    const street = (await admin.get('/api/orgs')).body.items.find((o: any) => o.kind === 'street');
    expect(
      (await admin.post('/api/orgs', { parentId: street.id, name: '审计测试科', kind: 'department', code: 'AUDIT-T' }))
        .status,
    ).toBe(201);
    const orgId = (await admin.get('/api/orgs')).body.items.find((o: any) => o.code === 'AUDIT-T').id;
    expect(
      (
        await admin.post('/api/users', {
          username: 'auditee',
          name: '审计对象',
          password: 'auditee-password',
          orgId,
          roles: ['clerk'],
        })
      ).status,
    ).toBe(201);
    await login(app, 'auditee', 'auditee-password');
    const verified = await admin.post('/api/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ ok: true, checked: expect.any(Number) });
    const rows = verified.body.checked as number;
    expect(rows).toBeGreaterThanOrEqual(6);
    return { app, admin, rows };
  }

  const db = (app: TestApp) => app.platform.db;
  const row = (app: TestApp, seq: number) =>
    db(app).selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();

  /** `yiwang audit verify` against the app's database, as an operator would run it. */
  async function cli(app: TestApp): Promise<{ code: number | string; out: string; err: string }> {
    const env = childEnv(
      app.dialect === 'postgres'
        ? { DATABASE_URL: appendSchema(PG_URL!, app.pgSchema!), DATA_DIR: app.dataDir }
        : { DATA_DIR: app.dataDir },
    );
    const child = spawnNode(['bin/yiwang.mjs', 'audit', 'verify'], { env });
    const code = await child.exited(120_000);
    return { code, out: child.stdout(), err: child.stderr() };
  }

  /** The API names the first bad row; with `cli`, so does the CLI (a child process costs seconds: not every case). */
  async function expectBroken(
    app: TestApp,
    admin: Client,
    seq: number,
    problem: string | RegExp,
    opts: { cli: boolean },
  ) {
    const res = await admin.post('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.firstBad.seq).toBe(seq);
    expect(res.body.firstBad.problem).toMatch(problem);
    expect(res.body.checked).toBe(seq - 1);
    if (!opts.cli) return;
    const run = await cli(app);
    expect(run.code, run.out + run.err).toBe(1);
    expect(run.err).toContain(`audit chain BROKEN at row ${seq} (${res.body.firstBad.problem})`);
  }

  it(
    'verifies an intact chain, through the API and the CLI (exit 0)',
    async () => {
      const { app, rows } = await withHistory();
      const actions = (await db(app).selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
        (r) => r.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['seed.demo', 'auth.login', 'org.create', 'user.create']));
      const run = await cli(app);
      expect(run.code, run.out + run.err).toBe(0);
      expect(run.out).toContain(`audit chain OK: ${rows} rows verified`);
    },
    CLI_TIMEOUT,
  );

  it(
    '(a) finds a row whose content was changed: altered',
    async () => {
      const { app, admin, rows } = await withHistory();
      const seq = Math.floor(rows / 2);
      await db(app)
        .updateTable('audit_log')
        .set({ after: JSON.stringify({ forged: true }) })
        .where('seq', '=', seq)
        .execute();
      await expectBroken(app, admin, seq, 'altered', { cli: true });
    },
    CLI_TIMEOUT,
  );

  it(
    '(b) finds a deleted middle row: deleted',
    async () => {
      const { app, admin, rows } = await withHistory();
      const seq = Math.floor(rows / 2);
      await db(app).deleteFrom('audit_log').where('seq', '=', seq).execute();
      await expectBroken(app, admin, seq, 'deleted', { cli: true });
    },
    CLI_TIMEOUT,
  );

  it('(c) finds two rows whose contents were swapped: out_of_order', async () => {
    const { app, admin, rows } = await withHistory();
    const seq = Math.floor(rows / 2);
    const [x, y] = [await row(app, seq), await row(app, seq + 1)];
    const content = ({ seq: _s, ...rest }: typeof x) => rest;
    await db(app).updateTable('audit_log').set(content(y)).where('seq', '=', seq).execute();
    await db(app)
      .updateTable('audit_log')
      .set(content(x))
      .where('seq', '=', seq + 1)
      .execute();
    await expectBroken(app, admin, seq, /^(out_of_order|altered)$/, { cli: false });
  });

  it('(c) finds a forged row put in the place of a real one, with or without a recomputed hash', async () => {
    const { app, admin, rows } = await withHistory();
    const seq = Math.floor(rows / 2);
    const real = await row(app, seq);
    const forged = {
      ...real,
      action: 'user.create',
      actor_name: 'nobody',
      after: JSON.stringify({ username: 'ghost' }),
    };
    // a careless forger leaves a hash that does not match the row
    await db(app)
      .updateTable('audit_log')
      .set({ ...forged, hash: 'f'.repeat(64) })
      .where('seq', '=', seq)
      .execute();
    await expectBroken(app, admin, seq, 'altered', { cli: false });
    // a careful one recomputes it: the row fits its predecessor, but the next row no longer follows it
    await db(app)
      .updateTable('audit_log')
      .set({ hash: hashRow({ ...forged, seq }) })
      .where('seq', '=', seq)
      .execute();
    await expectBroken(app, admin, seq + 1, 'out_of_order', { cli: false });
  });

  it('(c) finds a row appended out of order past the head: out_of_order', async () => {
    const { app, admin, rows } = await withHistory();
    const last = await row(app, rows);
    const fake = { ...last, seq: rows + 1, action: 'org.create', prev_hash: 'e'.repeat(64) };
    await db(app)
      .insertInto('audit_log')
      .values({ ...fake, hash: hashRow(fake) })
      .execute();
    await expectBroken(app, admin, rows + 1, 'out_of_order', { cli: false });
  });

  it(
    '(d) finds rows deleted at the end: head_mismatch',
    async () => {
      const { app, admin, rows } = await withHistory();
      await db(app)
        .deleteFrom('audit_log')
        .where('seq', '>', rows - 2)
        .execute();
      // rows-1 and rows are gone: the first missing row is rows-1
      await expectBroken(app, admin, rows - 1, 'head_mismatch', { cli: true });
    },
    CLI_TIMEOUT,
  );

  it('commits nothing when the audit row cannot be written (state and audit in one transaction)', async () => {
    const { app, admin, rows } = await withHistory();
    const street = (await admin.get('/api/orgs')).body.items.find((o: any) => o.kind === 'street');
    const count = async (table: 'orgs' | 'users' | 'sessions' | 'calendar_years' | 'events') =>
      Number(
        (
          await db(app)
            .selectFrom(table)
            .select(({ fn }) => fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      orgs: await count('orgs'),
      users: await count('users'),
      sessions: await count('sessions'),
      calendar: await count('calendar_years'),
      events: await count('events'),
    };

    // make every audit insert fail, as a full disk or a lost table would
    await sql`alter table audit_log rename to audit_log_away`.execute(db(app));
    try {
      const org = await admin.post('/api/orgs', {
        parentId: street.id,
        name: '不该存在',
        kind: 'department',
        code: 'NO-AUDIT',
      });
      expect(org.status).toBe(500);
      expect(org.body.error.code).toBe('internal');
      const user = await admin.post('/api/users', {
        username: 'no-audit',
        name: '不该存在',
        password: 'long-enough-pw',
        orgId: street.id,
        roles: ['clerk'],
      });
      expect(user.status).toBe(500);
      const year = await admin.put('/api/calendar/years/2027', { holidays: ['2027-01-01'], workdays: [] });
      expect(year.status).toBe(500);
      const loginRes = await app.http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'leader', password: 'yiwang-demo' },
      });
      expect(loginRes.statusCode).toBe(500);
      expect(loginRes.cookies.find((c) => c.name === 'yw_session')).toBeUndefined();
    } finally {
      await sql`alter table audit_log_away rename to audit_log`.execute(db(app));
    }

    expect({
      orgs: await count('orgs'),
      users: await count('users'),
      sessions: await count('sessions'),
      calendar: await count('calendar_years'),
      events: await count('events'),
    }).toEqual(before);
    expect(
      await db(app).selectFrom('orgs').select('id').where('code', '=', 'NO-AUDIT').executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db(app).selectFrom('users').select('id').where('username', '=', 'no-audit').executeTakeFirst(),
    ).toBeUndefined();
    // the calendar in memory did not move either: 2027-01-01 (a Friday) is still a plain workday
    expect((await admin.get('/api/calendar/days?from=2027-01-01&to=2027-01-01')).body.items[0].kind).toBe('workday');
    const verified = await admin.post('/api/audit/verify');
    expect(verified.body).toEqual({ ok: true, checked: rows });
    // and once the table is back, the same request works and is audited
    expect(
      (await admin.post('/api/orgs', { parentId: street.id, name: '现在可以', kind: 'department', code: 'NO-AUDIT' }))
        .status,
    ).toBe(201);
    expect((await admin.post('/api/audit/verify')).body).toEqual({ ok: true, checked: rows + 1 });
  });
});
