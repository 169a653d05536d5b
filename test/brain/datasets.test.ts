/**
 * 部门数据 department datasets over HTTP on both engines: an admin defines a dataset; its
 * department uploads a GBK CSV and an .xlsx (made here with iconv-lite and exceljs); a file with
 * bad rows answers every row and column and changes nothing; a department's system pushes rows by
 * API key; versions keep who and when; the diff and the aggregates are checked against the raw rows.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ManualClock } from '../../src/platform/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { type Client, login, withApiKey } from '../helpers/client';
import { dialects } from '../helpers/env';

function multipart(name: string, data: Buffer) {
  const boundary = `----yiwangtest${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { boundary, payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

async function xlsx(rows: Array<Array<string | number | Date>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('在校生');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SCHEMA = {
  columns: [
    { name: 'school', label: '学校', type: 'text', required: true },
    { name: 'community', label: '社区', type: 'text' },
    { name: 'month', label: '月份', type: 'text' },
    { name: 'pupils', label: '在校生', type: 'number', unit: '人', required: true },
    { name: 'teachers', label: '教师', type: 'number', unit: '人' },
    { name: 'budget', label: '经费', type: 'number', unit: '万元' },
  ],
  communityColumn: 'community',
  periodColumn: 'month',
  keyColumn: 'school',
};

interface RawRow {
  rowNo: number;
  community: string | null;
  period: string | null;
  values: Record<string, number | string | null>;
}

describe.each(dialects('brain datasets'))('城市大脑 部门数据 (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let handler: Client;
  let leader: Client;
  let machine: Client;
  let eduId: string;
  let zfId: string;
  let c: Array<{ code: string; name: string }>;

  const upload = async (who: Client, code: string, name: string, data: Buffer) => {
    const { boundary, payload } = multipart(name, data);
    const res = await app.http.inject({
      method: 'POST',
      url: `/api/brain/datasets/${code}/versions`,
      payload,
      headers: {
        cookie: who.cookie!,
        'x-csrf-token': who.csrf!,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    return { status: res.statusCode, body: res.json() };
  };
  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const storedRows = async () =>
    Number(
      (
        await app.platform.db
          .selectFrom('brain_dataset_rows')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const allRows = async (code: string, version: number): Promise<RawRow[]> => {
    const out: RawRow[] = [];
    let after = 0;
    for (;;) {
      const page = await leader.get(`/api/brain/datasets/${code}/versions/${version}/rows?limit=2&after=${after}`);
      expect(page.status).toBe(200);
      out.push(...page.body.items);
      if (page.body.next === null) return out;
      after = page.body.next;
    }
  };
  /** Everything a refused request must leave as it was. */
  const snapshot = async (code: string) => ({
    audit: await auditSeq(),
    rows: await storedRows(),
    versions: (await leader.get(`/api/brain/datasets/${code}/versions`)).body.items.length,
    dataset: (await leader.get(`/api/brain/datasets/${code}`)).body,
  });

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = await login(app, 'admin');
    handler = await login(app, 'handler');
    leader = await login(app, 'leader');
    const key = await admin.post('/api/api-keys', { name: '教育局数据接口', permissions: ['brain.datasets.push'] });
    expect(key.status).toBe(201);
    machine = withApiKey(app, key.body.key);
    const orgs = await app.platform.db.selectFrom('orgs').select(['id', 'code']).execute();
    eduId = orgs.find((o) => o.code === 'GC-JY')!.id;
    zfId = orgs.find((o) => o.code === 'GC-ZF')!.id;
    c = (await app.geography.layer('community')).features
      .slice(0, 3)
      .map((f) => ({ code: f.properties.code, name: f.properties.name }));
  }, 120_000);
  afterAll(() => app?.dispose());

  it('defines a dataset; a bad schema, an unknown owner, a taken code and a non-admin are refused with nothing changed', async () => {
    const before = await auditSeq();
    const bad = await admin.post('/api/brain/datasets', {
      code: 'edu.schools',
      name: '学校与在校生',
      ownerOrgId: eduId,
      cadence: 'monthly',
      schema: { ...SCHEMA, periodColumn: 'pupils', keyColumn: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_schema');
    expect(bad.body.error.details.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'keyColumn',
      'periodColumn',
    ]);
    const noOrg = await admin.post('/api/brain/datasets', {
      code: 'edu.schools',
      name: '学校与在校生',
      ownerOrgId: 'no-such-org',
      cadence: 'monthly',
      schema: SCHEMA,
    });
    expect(noOrg.body.error.code).toBe('unknown_org');
    const body = { code: 'edu.schools', name: '学校与在校生', ownerOrgId: eduId, cadence: 'monthly', schema: SCHEMA };
    expect((await leader.post('/api/brain/datasets', body)).status).toBe(403);
    expect(await auditSeq()).toBe(before);

    const made = await admin.post('/api/brain/datasets', body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      code: 'edu.schools',
      ownerName: '教育办公室',
      version: 0,
      rowCount: 0,
      lastUpdatedAt: null,
    });
    expect(made.body.schema).toEqual({
      ...SCHEMA,
      columns: SCHEMA.columns.map((x) => x),
    });
    const again = await admin.post('/api/brain/datasets', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('dataset_exists');
    const zf = await admin.post('/api/brain/datasets', {
      code: 'zf.cases',
      name: '执法案件',
      ownerOrgId: zfId,
      cadence: 'quarterly',
      schema: {
        columns: [
          { name: 'community', label: '社区', type: 'text' },
          { name: 'quarter', label: '季度', type: 'text' },
          { name: 'cases', label: '案件数', type: 'number', unit: '件' },
        ],
        communityColumn: 'community',
        periodColumn: 'quarter',
        keyColumn: null,
      },
    });
    expect(zf.status).toBe(201);
    const list = await handler.get('/api/brain/datasets');
    expect(list.body.items.map((d: { code: string }) => d.code)).toEqual(['edu.schools', 'zf.cases']);
  });

  it('takes a GBK CSV as version 1, keeping who uploaded it and when', async () => {
    const csv = [
      '学校,社区,月份,在校生(人),教师(人),经费(万元)',
      `桂城中心小学,${c[0]!.name},2026年1月,"1,250",80,320.5`,
      `灯湖小学,${c[0]!.code},2026-01,900人,61,`,
      `平洲实验学校,${c[1]!.name},2026/1,640,45,150`,
    ].join('\r\n');
    const res = await upload(admin, 'edu.schools', '在校生-2026年1月.csv', iconv.encode(csv, 'gbk'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ version: 1, rowCount: 3, added: 3, removed: 0, changed: 0 });
    const rows = await allRows('edu.schools', 1);
    expect(rows.map((r) => [r.values.school, r.community, r.period, r.values.pupils, r.values.budget])).toEqual([
      ['桂城中心小学', c[0]!.code, '2026-01', 1250, 320.5],
      ['灯湖小学', c[0]!.code, '2026-01', 900, null],
      ['平洲实验学校', c[1]!.code, '2026-01', 640, 150],
    ]);
    const versions = await leader.get('/api/brain/datasets/edu.schools/versions');
    expect(versions.body.items).toEqual([
      {
        version: 1,
        source: 'upload',
        fileName: '在校生-2026年1月.csv',
        // the account name, as the audit trail records it (an API key's is apikey:<name>)
        uploadedBy: expect.any(String),
        uploadedByName: 'admin',
        uploadedAt: app.clock.now(),
        rowCount: 3,
      },
    ]);
  });

  it('refuses an .xlsx with bad cells by row and column, and changes nothing', async () => {
    const before = await snapshot('edu.schools');
    const file = await xlsx([
      ['学校', '社区', '月份', '在校生（人）', '教师', '经费'],
      ['桂城中心小学', c[0]!.name, '2026-02', 1260, 80, 330],
      ['灯湖小学', '不存在的社区', '2026-02', 'about 900', 61, '12元'],
      ['', c[1]!.code, '2026', 640, 45, 150],
      ['桂城中心小学', c[1]!.code, '2026-02', 1, 1, 1],
    ]);
    const res = await upload(admin, 'edu.schools', 'bad.xlsx', file);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_import');
    expect(
      res.body.error.details.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [3, 'community', 'unknown_community'],
      [3, 'pupils', 'not_a_number'],
      [3, 'budget', 'wrong_unit'],
      [4, 'school', 'required'],
      [4, 'month', 'period_too_coarse'],
      [5, 'school', 'duplicate'],
    ]);
    // a header in another unit is refused at row 1
    const unit = await upload(
      admin,
      'edu.schools',
      'unit.xlsx',
      await xlsx([
        ['学校', '社区', '月份', '在校生(万人)'],
        ['a', c[0]!.code, '2026-02', 1],
      ]),
    );
    expect(unit.body.error.details.errors).toEqual([
      expect.objectContaining({ row: 1, column: 'pupils', code: 'wrong_unit' }),
    ]);
    const junk = await upload(admin, 'edu.schools', 'junk.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(junk.status).toBe(400);
    expect(junk.body.error.code).toBe('unreadable_file');
    expect(await snapshot('edu.schools')).toEqual(before);
  });

  it('takes an .xlsx as version 2 and diffs it against version 1', async () => {
    const file = await xlsx([
      ['学校', '社区', '月份', '在校生(人)', '教师(人)', '经费(万元)'],
      ['桂城中心小学', c[0]!.name, '2026-01', 1250, 80, 320.5],
      ['灯湖小学', c[0]!.code, new Date(Date.UTC(2026, 0, 15)), 910, 61, 200],
      ['桂城第三小学', c[2]!.name, '2026年1月', 480, 30, 90],
    ]);
    const res = await upload(admin, 'edu.schools', '在校生.xlsx', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ version: 2, rowCount: 3, added: 1, removed: 1, changed: 1 });
    const diff = await leader.get('/api/brain/datasets/edu.schools/versions/2/diff');
    expect(diff.status).toBe(200);
    expect(diff.body.previous).toBe(1);
    expect(diff.body.keyColumn).toBe('school');
    expect(diff.body.added.map((r: { school: string }) => r.school)).toEqual(['桂城第三小学']);
    expect(diff.body.removed.map((r: { school: string }) => r.school)).toEqual(['平洲实验学校']);
    expect(diff.body.changed).toEqual([
      {
        key: '灯湖小学',
        columns: ['month', 'pupils', 'budget'],
        before: expect.objectContaining({ month: '2026-01', pupils: 900, budget: null }),
        after: expect.objectContaining({ month: '2026-01-15', pupils: 910, budget: 200 }),
      },
    ]);
    expect(diff.body.unchanged).toBe(1);
    const first = await leader.get('/api/brain/datasets/edu.schools/versions/1/diff');
    expect(first.body).toMatchObject({ previous: null, removed: [], changed: [], unchanged: 0 });
    expect(first.body.added).toHaveLength(3);
    expect((await leader.get('/api/brain/datasets/edu.schools/versions/9/diff')).status).toBe(404);
  });

  it('takes rows pushed by API key (merge by key) as version 3; a bad push and a session push change nothing', async () => {
    const before = await snapshot('edu.schools');
    const bad = await machine.post('/api/brain/datasets/edu.schools/rows', {
      rows: [
        { school: '桂城中心小学', community: c[0]!.code, month: '2026-02', pupils: 'x' },
        { school: '新校', community: c[0]!.code, month: '2026-02', pupils: 5, colour: 'red' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_import');
    expect(bad.body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [1, 'pupils'],
      [2, 'colour'],
    ]);
    const asAdmin = await admin.post('/api/brain/datasets/edu.schools/rows', { rows: [{ school: 'a' }] });
    expect(asAdmin.status).toBe(403);
    expect(await snapshot('edu.schools')).toEqual(before);

    (app.clock as ManualClock).advance(60_000);
    const ok = await machine.post('/api/brain/datasets/edu.schools/rows', {
      mode: 'merge',
      rows: [
        { school: '灯湖小学', community: c[0]!.code, month: '2026-02', pupils: 915, teachers: 62, budget: 210 },
        { school: '东约小学', community: c[1]!.name, month: '2026-02', pupils: 700, teachers: 50 },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ version: 3, rowCount: 4, added: 1, removed: 0, changed: 1 });
    const v = (await leader.get('/api/brain/datasets/edu.schools/versions')).body.items;
    expect(v.map((x: { version: number; source: string }) => [x.version, x.source])).toEqual([
      [3, 'push'],
      [2, 'upload'],
      [1, 'upload'],
    ]);
    expect(v[0]).toMatchObject({ uploadedByName: 'apikey:教育局数据接口', fileName: null, rowCount: 4 });
  });

  it('aggregates per community and period equal the sums recomputed from the raw rows', async () => {
    const raw = await allRows('edu.schools', 3);
    expect(raw).toHaveLength(4);
    const want = new Map<
      string,
      { rows: number; pupils: number; teachers: number; budget: number; budgetRows: number }
    >();
    for (const r of raw) {
      const k = `${r.community}|${r.period}`;
      const cell = want.get(k) ?? { rows: 0, pupils: 0, teachers: 0, budget: 0, budgetRows: 0 };
      cell.rows++;
      cell.pupils += Number(r.values.pupils);
      cell.teachers += Number(r.values.teachers ?? 0);
      if (typeof r.values.budget === 'number') {
        cell.budget += r.values.budget;
        cell.budgetRows++;
      }
      want.set(k, cell);
    }
    const agg = await leader.get('/api/brain/datasets/edu.schools/aggregates');
    expect(agg.status).toBe(200);
    expect(agg.body.version).toBe(3);
    expect(agg.body.units).toEqual({ pupils: '人', teachers: '人', budget: '万元' });
    expect(agg.body.items).toHaveLength(want.size);
    for (const cell of agg.body.items) {
      const w = want.get(`${cell.community}|${cell.period}`)!;
      expect(cell.rows).toBe(w.rows);
      expect(cell.sums.pupils).toBe(w.pupils);
      expect(cell.sums.teachers).toBe(w.teachers);
      expect(cell.sums.budget).toBeCloseTo(w.budget, 9);
      expect(cell.counts.budget).toBe(w.budgetRows);
    }
    // the merge kept the January rows and added February's: both periods are there
    expect(new Set(agg.body.items.map((x: { period: string }) => x.period))).toEqual(new Set(['2026-01', '2026-02']));
    const one = await leader.get(`/api/brain/datasets/edu.schools/aggregates?community=${c[0]!.code}&period=2026-02`);
    expect(one.body.items).toEqual([
      expect.objectContaining({
        community: c[0]!.code,
        period: '2026-02',
        rows: 1,
        sums: { pupils: 915, teachers: 62, budget: 210 },
      }),
    ]);
    const older = await leader.get('/api/brain/datasets/edu.schools/aggregates?version=1');
    expect(older.body.items.reduce((s: number, x: { sums: { pupils: number } }) => s + x.sums.pupils, 0)).toBe(
      1250 + 900 + 640,
    );
    expect(agg.body.provenance).toMatchObject({
      dataset: 'edu.schools',
      ownerOrgId: eduId,
      ownerName: '教育办公室',
      cadence: 'monthly',
      version: 3,
      lastUpdatedAt: app.clock.now(),
      lastUpdatedBy: 'apikey:教育局数据接口',
    });
    const prov = await handler.get('/api/brain/datasets/edu.schools/provenance');
    expect(prov.body).toEqual(agg.body.provenance);
  });

  it('lets only the owner department upload; a GB18030 CSV with a BOM-less header reads', async () => {
    const csv = `社区,季度,案件数(件)\n${c[0]!.name},2026年第一季度,12\n${c[1]!.code},2026Q1,7件\n`;
    const mine = await upload(handler, 'zf.cases', '案件.csv', iconv.encode(csv, 'gb18030'));
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.rowCount).toBe(2);
    const rows = await allRows('zf.cases', 1);
    expect(rows.map((r) => [r.community, r.period, r.values.cases])).toEqual([
      [c[0]!.code, '2026-Q1', 12],
      [c[1]!.code, '2026-Q1', 7],
    ]);
    const before = await auditSeq();
    const theirs = await upload(handler, 'edu.schools', 'x.csv', Buffer.from('学校\na'));
    expect(theirs.status).toBe(403);
    expect(await auditSeq()).toBe(before);
  });

  it('edits a schema for the versions to come, keeping the old versions as they were checked', async () => {
    const edited = await admin.patch('/api/brain/datasets/zf.cases', {
      cadence: 'monthly',
      schema: {
        columns: [
          { name: 'community', label: '社区', type: 'text' },
          { name: 'month', label: '月份', type: 'text' },
          { name: 'cases', label: '案件数', type: 'number', unit: '件' },
        ],
        communityColumn: 'community',
        periodColumn: 'month',
        keyColumn: null,
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.cadence).toBe('monthly');
    const old = await leader.get('/api/brain/datasets/zf.cases/aggregates?version=1');
    expect(old.body.items.map((x: { period: string }) => x.period)).toEqual(['2026-Q1', '2026-Q1']);
    const bad = await upload(handler, 'zf.cases', 'q.csv', Buffer.from(`社区,季度,案件数\n${c[0]!.code},2026Q2,3\n`));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: { code: string }) => e.code)).toEqual([
      'unknown_column',
      'missing_column',
    ]);
    expect((await admin.patch('/api/brain/datasets/nope', { name: 'x' })).status).toBe(404);
  });
});
