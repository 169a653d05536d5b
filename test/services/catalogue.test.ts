/**
 * 一网通办 catalogue and sites over HTTP on both engines: the demo catalogue, an item's life
 * (draft → versions → withdrawn, old versions readable), the public guide and its situations →
 * materials, Chinese search with filters, the .xlsx round-trip with row/column errors (a bad file
 * changes nothing), sites with windows and hours from the working calendar, and bad input.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, type Client, login } from '../helpers/client';
import { dialects } from '../helpers/env';
import { testGuide } from '../helpers/services';

function multipart(data: Buffer) {
  const boundary = `----yiwangtest${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="catalogue.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { boundary, payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

describe.each(dialects('services catalogue'))('services catalogue (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let clerk: Client;
  let citizen: Client;
  let dept: { id: string; name: string };
  let centreId: string;

  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const q = (s: string) => encodeURIComponent(s);

  const importXlsx = async (data: Buffer, query = '') => {
    const { boundary, payload } = multipart(data);
    const res = await app.http.inject({
      method: 'POST',
      url: `/api/services/items/import${query}`,
      payload,
      headers: {
        cookie: admin.cookie!,
        'x-csrf-token': admin.csrf!,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    return { status: res.statusCode, body: res.json() };
  };

  /** A valid 主项 guide of the test's own (unique basic code n). */
  const guide = (n: number, extra: Record<string, unknown> = {}) =>
    testGuide(
      {
        name: `测试事项${n}：临时摊点经营备案`,
        codePrefix: 'QT999',
        n,
        department: dept,
        siteId: centreId,
        formName: '备案申请表',
      },
      {
        itemType: 'other_power',
        legalBasis: '《城市市容和环境卫生管理条例》',
        specialSteps: [{ name: '现场勘查', limitDays: 3, counted: false }],
        onlineDepth: 'online_accept',
        ...extra,
      },
    );

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = await login(app, 'admin');
    clerk = await login(app, 'clerk');
    citizen = await login(app, 'citizen');
    const orgs = await app.identity.directory.orgs();
    const zf = orgs.find((o) => o.code === 'GC-ZF')!;
    dept = { id: zf.id, name: zf.name };
    centreId = (await anonymous(app).get('/api/services/sites?kind=centre')).body.items[0].id;
  }, 120_000);
  afterAll(() => app?.dispose());

  it('seeds the demo catalogue: 150+ handled items over the 26 departments, the centre’s halls and 99 windows', async () => {
    const sites = (await anonymous(app).get('/api/services/sites')).body.items;
    const centre = sites.find((s: { kind: string }) => s.kind === 'centre');
    expect(centre.halls).toHaveLength(5);
    expect(sites.filter((s: { kind: string }) => s.kind === 'community').length).toBeGreaterThanOrEqual(10);
    expect(sites.reduce((n: number, s: { windows: unknown[] }) => n + s.windows.length, 0)).toBe(99);
    expect(centre.windows.filter((w: { kind: string }) => w.kind === 'comprehensive').length).toBe(30);
    const filters = (await anonymous(app).get('/api/services/catalogue/filters')).body;
    expect(filters.departments).toHaveLength(26);
    const all = (await anonymous(app).get('/api/services/catalogue?limit=1')).body;
    expect(all.total).toBeGreaterThanOrEqual(200);
    const handled = await app.platform.db
      .selectFrom('svc_catalogue as c')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('svc_items as k').select('k.id').whereRef('k.parent_id', '=', 'c.item_id'))),
      )
      .executeTakeFirstOrThrow();
    expect(Number(handled.n)).toBeGreaterThanOrEqual(150);
    expect(centre.itemCount).toBe(all.total);
  });

  it('searches in Chinese words, character pairs and pinyin initials, with filters', async () => {
    const a = anonymous(app);
    const transfer = (await a.get(`/api/services/catalogue?q=${q('不动产转移登记')}&limit=5`)).body;
    expect(transfer.items[0].name).toContain('转移登记');
    const provident = (await a.get(`/api/services/catalogue?q=${q('我要怎么办公积金提取')}&limit=3`)).body;
    expect(provident.items[0].name).toContain('住房公积金提取');
    expect(provident.terms).not.toContain('怎么');
    const initials = (await a.get('/api/services/catalogue?q=jzz')).body;
    expect(initials.items.map((i: { name: string }) => i.name)).toContain('居住证申领');
    const filters = (await a.get('/api/services/catalogue/filters')).body;
    const ga = filters.departments.find((d: { name: string }) => d.name.includes('派出所'));
    const byDept = (await a.get(`/api/services/catalogue?department=${ga.id}&limit=100`)).body;
    expect(byDept.total).toBe(ga.count);
    expect(byDept.items.every((i: { departmentId: string }) => i.departmentId === ga.id)).toBe(true);
    const birth = (await a.get(`/api/services/catalogue?lifeEvent=birth&q=${q('登记')}&limit=100`)).body;
    expect(birth.items.map((i: { name: string }) => i.name)).toContain('出生登记');
    const online = (await a.get('/api/services/catalogue?onlineDepth=full_online&limit=100')).body;
    expect(online.items.every((i: { visits: number }) => i.visits === 0)).toBe(true);
    const community = filters.sites.find((s: { name: string }) => s.name.startsWith('叠滘'));
    const atCommunity = (await a.get(`/api/services/catalogue?site=${community.id}&limit=100`)).body;
    expect(atCommunity.total).toBe(community.count);
    expect(atCommunity.total).toBeLessThan(online.total + byDept.total + 200);
    expect((await a.get(`/api/services/catalogue?q=${q('的')}`)).body).toEqual({ items: [], total: 0, terms: [] });
  });

  it('takes an item from draft through two published versions to withdrawn, each change audited; old versions stay readable', async () => {
    const before = await auditSeq();
    const created = await admin.post('/api/services/items', guide(1));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', version: 0, draftDirty: true, level: 'main' });
    expect(created.body.code).toBe('QT999001000000-440605011000-000-115113010833722043-1-00');
    expect(await auditSeq()).toBe(before + 1);
    // a draft is not public
    expect((await anonymous(app).get(`/api/services/guides/${id}`)).status).toBe(404);
    const ids = async (text: string) =>
      (await anonymous(app).get(`/api/services/catalogue?q=${q(text)}&limit=100`)).body.items.map(
        (i: { itemId: string }) => i.itemId,
      );
    expect(await ids('临时摊点经营备案')).not.toContain(id);

    const v1 = await admin.post(`/api/services/items/${id}/publish`, { note: '首次发布' });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ status: 'published', version: 1, draftDirty: false });
    expect((await admin.post(`/api/services/items/${id}/publish`, {})).body.error.code).toBe('nothing_to_publish');
    const pub = await anonymous(app).get(`/api/services/guides/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ version: 1, departmentName: dept.name, withdrawn: false });
    expect(pub.body.sites[0].id).toBe(centreId);
    expect((await ids('临时摊点经营备案'))[0]).toBe(id);

    // situations → materials, on the public guide
    const self = await anonymous(app).post(`/api/services/guides/${id}/materials`, {
      answers: { applicant: ['self'] },
    });
    expect(self.body.materials.map((m: { key: string }) => m.key)).toEqual(['form']);
    const agent = await anonymous(app).post(`/api/services/guides/${id}/materials`, {
      answers: { applicant: ['agent'] },
    });
    expect(agent.body.materials.map((m: { key: string }) => m.key)).toEqual(['form', 'poa']);
    expect(
      (await anonymous(app).post(`/api/services/guides/${id}/materials`, { answers: {} })).body.unanswered,
    ).toEqual(['applicant']);
    const badAnswer = await anonymous(app).post(`/api/services/guides/${id}/materials`, {
      answers: { applicant: ['boss'] },
    });
    expect(badAnswer.status).toBe(400);
    expect(badAnswer.body.error.code).toBe('invalid_answers');

    // a second version: the draft changes, the public guide stays at v1 until published
    const edited = await admin.put(
      `/api/services/items/${id}`,
      guide(1, { name: '测试事项1：临时摊点经营备案（新版）', promisedLimitDays: 3 }),
    );
    expect(edited.body).toMatchObject({ status: 'published', version: 1, draftDirty: true });
    expect((await anonymous(app).get(`/api/services/guides/${id}`)).body.guide.promisedLimitDays).toBe(5);
    const v2 = await admin.post(`/api/services/items/${id}/publish`, {});
    expect(v2.body.version).toBe(2);
    expect(v2.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await anonymous(app).get(`/api/services/guides/${id}`)).body.guide.promisedLimitDays).toBe(3);
    const old = await anonymous(app).get(`/api/services/guides/${id}/versions/1`);
    expect(old.body).toMatchObject({
      version: 1,
      guide: { promisedLimitDays: 5, name: '测试事项1：临时摊点经营备案' },
    });
    expect((await anonymous(app).get(`/api/services/guides/${id}/versions/3`)).status).toBe(404);

    // staff read the admin list; a citizen may not
    expect((await clerk.get(`/api/services/items?q=${q('临时摊点')}`)).body.items[0].id).toBe(id);
    expect((await citizen.get('/api/services/items')).status).toBe(403);
    expect((await clerk.post('/api/services/items', guide(2))).status).toBe(403);

    const gone = await admin.delete(`/api/services/items/${id}`);
    expect(gone.body).toMatchObject({ status: 'withdrawn', deleted: false });
    expect((await anonymous(app).get(`/api/services/guides/${id}`)).status).toBe(404);
    expect((await anonymous(app).get(`/api/services/guides/${id}/versions/2`)).body.withdrawn).toBe(true);
    expect(await ids('临时摊点经营备案')).not.toContain(id);
    // a draft never published is deleted outright
    const draft = await admin.post('/api/services/items', guide(3));
    expect((await admin.delete(`/api/services/items/${draft.body.id}`)).body.deleted).toBe(true);
    expect((await admin.get(`/api/services/items/${draft.body.id}`)).status).toBe(404);
  });

  it('refuses a guide that breaks the rules with every problem by path, changing nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ promisedLimitDays: 30 }, 'promisedLimitDays'],
      [{ implementingBodyCode: '115113010833722044' }, 'implementingBodyCode'],
      [{ areaCode: '990605011000' }, 'areaCode'],
      [{ departmentId: 'nope' }, 'departmentId'],
      [{ siteIds: ['nope'] }, 'siteIds.0'],
      [{ onlineDepth: 'full_online', visits: 1 }, 'visits'],
      [{ level: 'task', taskCode: '001' }, 'parentId'],
      [{ basicCode: 'QT99900400000X' }, 'basicCode'],
      [
        { materials: [{ ...guide(4).materials[1], when: [{ question: 'ghost', values: ['x'] }] }] },
        'materials.0.when.0.question',
      ],
    ];
    for (const [extra, path] of cases) {
      const before = await auditSeq();
      const res = await admin.post('/api/services/items', guide(4, extra));
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('invalid_guide');
      expect(
        res.body.error.details.problems.map((p: { path: string }) => p.path),
        path,
      ).toContain(path);
      expect(await auditSeq()).toBe(before);
    }
    // the same implementation code twice
    const first = await admin.post('/api/services/items', guide(5));
    expect(first.status).toBe(201);
    const twice = await admin.post('/api/services/items', guide(5, { name: '另一个' }));
    expect(twice.body.error.details.problems[0].path).toBe('basicCode');
    // schema-level refusals
    expect((await admin.post('/api/services/items', { ...guide(6), extra: 1 })).status).toBe(400);
    expect((await admin.post('/api/services/items', { ...guide(6), legalLimitDays: '20' })).status).toBe(400);
    expect((await admin.get('/api/services/catalogue?onlineDepth=deep')).status).toBe(400);
    expect((await admin.put('/api/services/items/nope', guide(6))).status).toBe(404);
  });

  it('exports the catalogue as .xlsx and imports it back: unchanged, then changed and new rows, published as versions', async () => {
    const raw = await app.http.inject({
      method: 'GET',
      url: '/api/services/items/export.xlsx',
      headers: { cookie: clerk.cookie! },
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toContain('spreadsheetml');
    const file = raw.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const items = wb.getWorksheet('事项目录')!;
    const count = (await admin.get('/api/services/items?limit=1')).body.total;
    expect(items.rowCount - 1).toBe(count);
    expect(wb.getWorksheet('申请材料')!.rowCount).toBeGreaterThan(count);

    // the same file again: nothing to change (drafts never published are published; a withdrawn item stays so)
    const drafts = (await admin.get('/api/services/items?status=draft')).body.total;
    const same = await importXlsx(file);
    expect(same.status, JSON.stringify(same.body).slice(0, 500)).toBe(200);
    expect(same.body).toMatchObject({ created: 0, updated: 0, published: drafts });
    expect(same.body.unchanged).toBe(count);

    // rename one item, add a new one with a question and a material
    const header = (ws: ExcelJS.Worksheet) => {
      const h: Record<string, number> = {};
      ws.getRow(1).eachCell((c, n) => {
        h[String(c.value)] = n;
      });
      return h;
    };
    const hi = header(items);
    const row2 = items.getRow(2);
    const renamedCode = String(row2.getCell(hi['实施编码']).value);
    const oldName = String(row2.getCell(hi['事项名称']).value);
    row2.getCell(hi['事项名称']).value = `${oldName}（导入修订）`;
    const copy = items.addRow([]);
    row2.eachCell((c, n) => {
      copy.getCell(n).value = c.value;
    });
    copy.getCell(hi['实施编码']).value = '';
    copy.getCell(hi['上级事项实施编码']).value = '';
    copy.getCell(hi['事项层级']).value = '主项';
    copy.getCell(hi['业务办理项编码']).value = '000';
    copy.getCell(hi['基本编码']).value = 'QT99977700' + '0000';
    copy.getCell(hi['事项名称']).value = '导入新增：夜间施工备案';
    const ws = wb.getWorksheet('办理情形')!;
    const hq = header(ws);
    const qr = ws.addRow([]);
    const newCode = `QT999777000000-440605011000-000-${String(row2.getCell(hi['实施主体统一社会信用代码']).value)}-1-00`;
    qr.getCell(hq['实施编码']).value = newCode;
    qr.getCell(hq['问题编码']).value = 'night';
    qr.getCell(hq['问题']).value = '是否夜间施工？';
    qr.getCell(hq['选项']).value = 'yes=是\nno=否';
    const wm = wb.getWorksheet('申请材料')!;
    const hm = header(wm);
    const mr = wm.addRow([]);
    mr.getCell(hm['实施编码']).value = newCode;
    mr.getCell(hm['材料编码']).value = 'noise';
    mr.getCell(hm['材料名称']).value = '噪声防治承诺书';
    mr.getCell(hm['材料形式']).value = '原件';
    mr.getCell(hm['份数']).value = 1;
    mr.getCell(hm['是否必要']).value = '是';
    mr.getCell(hm['纸质']).value = '是';
    mr.getCell(hm['电子']).value = '否';
    mr.getCell(hm['来源渠道']).value = '告知承诺';
    mr.getCell(hm['适用情形']).value = 'night=yes';
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importXlsx(changed);
    expect(r.status, JSON.stringify(r.body).slice(0, 800)).toBe(200);
    expect(r.body).toMatchObject({ created: 1, updated: 1 });
    const found = (await anonymous(app).get(`/api/services/catalogue?q=${q('夜间施工备案')}`)).body.items[0];
    expect(found.name).toBe('导入新增：夜间施工备案');
    const newGuide = (await anonymous(app).get(`/api/services/guides/${found.itemId}`)).body.guide;
    expect(newGuide.materials.find((m: { key: string }) => m.key === 'noise')).toMatchObject({
      source: 'promise',
      when: [{ question: 'night', values: ['yes'] }],
    });
    const renamed = (await admin.get(`/api/services/items?q=${q(renamedCode)}`)).body.items[0];
    expect(renamed.name).toBe(`${oldName}（导入修订）`);
    expect(renamed.version).toBeGreaterThanOrEqual(2);

    // a bad file: every problem by sheet, row and column, and nothing changes
    const credit3 = items.getRow(3).getCell(hi['实施主体统一社会信用代码']).value;
    items.getRow(3).getCell(hi['实施主体统一社会信用代码']).value = '115113010833722044';
    items.getRow(4).getCell(hi['办件类型']).value = '马上办';
    items.getRow(5).getCell(hi['承诺办结时限（工作日）']).value = 999;
    items.getRow(2).getCell(hi['事项名称']).value = '不应写入的名称';
    mr.getCell(hm['适用情形']).value = 'ghost=yes';
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const seq = await auditSeq();
    const refused = await importXlsx(bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_file');
    const errors = refused.body.error.details.errors as Array<{ sheet: string; row: number; column: string | null }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '事项目录', row: 3, column: '实施主体统一社会信用代码' }),
        expect.objectContaining({ sheet: '事项目录', row: 4, column: '办件类型' }),
      ]),
    );
    expect(await auditSeq()).toBe(seq);
    expect((await admin.get(`/api/services/items?q=${q(renamedCode)}`)).body.items[0].name).toBe(
      `${oldName}（导入修订）`,
    );
    // once the item rows are right, the rules of the guide report theirs (promised > legal, the unknown question)
    items.getRow(3).getCell(hi['实施主体统一社会信用代码']).value = credit3;
    items.getRow(4).getCell(hi['办件类型']).value = '承诺件';
    const rules = await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rules.status).toBe(400);
    const ruleErrors = rules.body.error.details.errors as Array<{ sheet: string; row: number; column: string | null }>;
    expect(ruleErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '事项目录', row: 5, column: '承诺办结时限（工作日）' }),
        expect.objectContaining({ sheet: '申请材料', row: mr.number, column: '适用情形' }),
      ]),
    );
    expect(await auditSeq()).toBe(seq);
    expect((await admin.get(`/api/services/items?q=${q(renamedCode)}`)).body.items[0].name).toBe(
      `${oldName}（导入修订）`,
    );
    // not a workbook, no sheet
    expect((await importXlsx(Buffer.from('not a zip'))).body.error.code).toBe('invalid_file');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('其他');
    expect((await importXlsx(Buffer.from(await empty.xlsx.writeBuffer()))).body.error.details.errors[0].sheet).toBe(
      '事项目录',
    );
    expect(await auditSeq()).toBe(seq);
  }, 120_000);

  it('keeps sites and windows, and gives opening hours from the working calendar across the 2026 Spring Festival', async () => {
    const site = await admin.post('/api/services/sites', {
      code: 'T-SITE',
      name: '测试社区行政服务中心',
      kind: 'community',
      address: '桂城街道测试路 1 号',
      lng: 113.15,
      lat: 23.03,
      halls: [{ code: 'A', name: '大厅' }],
      hours: {
        weekly: {
          '1': [
            { from: '09:00', to: '12:00' },
            { from: '14:00', to: '20:00', extended: true },
          ],
        },
        makeupAs: 1,
      },
    });
    expect(site.status).toBe(201);
    const w = await admin.post(`/api/services/sites/${site.body.id}/windows`, {
      number: 'A01',
      hallCode: 'A',
      kind: 'comprehensive',
      name: '综合窗口',
    });
    expect(w.status).toBe(201);
    expect(
      (
        await admin.post(`/api/services/sites/${site.body.id}/windows`, {
          number: 'A01',
          kind: 'comprehensive',
          name: 'x',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await admin.post(`/api/services/sites/${site.body.id}/windows`, {
          number: 'A02',
          hallCode: 'Z',
          kind: 'comprehensive',
          name: 'x',
        })
      ).body.error.code,
    ).toBe('unknown_hall');
    expect((await admin.patch(`/api/services/windows/${w.body.id}`, { active: false })).body.active).toBe(false);
    const bad = await admin.patch(`/api/services/sites/${site.body.id}`, {
      hours: { weekly: { '1': [{ from: '12:00', to: '09:00' }] } },
    });
    expect(bad.body.error.code).toBe('invalid_hours');

    // 2026-02-14 (Sat) and 02-28 (Sat) are make-up working days; 02-15 … 02-23 the Spring Festival holiday
    const days = (await anonymous(app).get(`/api/services/sites/${site.body.id}/days?from=2026-02-09&days=21`)).body
      .days as Array<{
      date: string;
      kind: string;
      periods: unknown[];
    }>;
    expect(days).toHaveLength(21);
    const monday = days.find((d) => d.date === '2026-02-09')!;
    expect(monday.periods).toHaveLength(2);
    for (const d of days) {
      if (d.kind === 'holiday') expect(d.periods, d.date).toEqual([]);
      if (d.kind === 'makeup_workday') expect(d.periods, d.date).toEqual(monday.periods);
    }
    expect(days.find((d) => d.date === '2026-02-17')!.kind).toBe('holiday');
    expect(days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)).toContain('2026-02-14');
    expect((await anonymous(app).get(`/api/services/sites/${site.body.id}/days?from=2026-02-30`)).status).toBe(400);
  });
});
