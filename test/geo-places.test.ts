/**
 * 地名库 (gazetteer) over HTTP, on both engines: the demo entries are searchable by name, alias and
 * address (normalised); an admin imports .xlsx or CSV (upsert by name + address, community found
 * by point-in-polygon, audited); a file with any bad row changes nothing and lists row + column;
 * search is for the staff who register orders, list/import/delete for the admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

function multipart(name: string, data: Buffer) {
  const boundary = `----yiwangtest${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { boundary, payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

type Hit = {
  id: string;
  name: string;
  address: string;
  communityCode: string | null;
  communityName: string | null;
  lng: number;
};

describe.each(dialects('geo places'))('地名库 gazetteer (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let dispatcher: Client;
  let citizen: Client;
  let leader: Client;

  const upload = async (c: Client, name: string, data: Buffer, query = '') => {
    const { boundary, payload } = multipart(name, data);
    const res = await app.http.inject({
      method: 'POST',
      url: `/api/geo/gazetteer/import${query}`,
      payload,
      headers: {
        cookie: c.cookie!,
        'x-csrf-token': c.csrf!,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    return { status: res.statusCode, body: res.json() };
  };
  const search = async (q: string, c: Client = dispatcher) => {
    const res = await c.get(`/api/geo/gazetteer?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return res.body.items as Hit[];
  };
  const lookup = async (lng: number, lat: number) =>
    (await dispatcher.get(`/api/geo/lookup?lng=${lng}&lat=${lat}`)).body.community?.code ?? null;
  const total = async () => (await admin.get('/api/geo/gazetteer/entries?limit=1')).body.total as number;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    admin = await login(app, 'admin');
    dispatcher = await login(app, 'dispatcher');
    citizen = await login(app, 'citizen');
    leader = await login(app, 'leader');
  }, 120_000);
  afterAll(() => app?.dispose());

  it('finds the demo places by name prefix, by alias, and names their community', async () => {
    const hits = await search('桂城地铁');
    expect(hits[0].name).toBe('桂城地铁站');
    expect(hits[0].communityName).toBe('东二社区');
    expect(hits[0].communityCode).toBe(await lookup(hits[0].lng, (hits[0] as unknown as { lat: number }).lat));
    expect((await search('地铁桂城站'))[0].name).toBe('桂城地铁站');
    // full-width and the city prefix make no difference
    expect((await search('佛山市 千灯湖公园'))[0].name).toBe('千灯湖公园');
    expect((await search('千灯湖社区居委会'))[0].name).toBe('千灯湖社区党群服务中心');
  });

  it('imports a CSV: rows created, community by point-in-polygon, audited; again: updated, not doubled', async () => {
    const before = await total();
    const csv = [
      'name,kind,address,lng,lat,alias',
      '星汇大厦,building,灯湖东路1号,113.1535,23.0515,星汇',
      '"海三路口公交站",bus_stop,"海三路, 近东二",113.1625,23.0365,',
    ].join('\r\n');
    const r = await upload(admin, 'places.csv', Buffer.from(`\ufeff${csv}`));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ created: 2, updated: 0, total: 2 });
    expect(await total()).toBe(before + 2);
    // by address, with the number in Chinese numerals and no spaces
    const byAddress = await search('灯湖东路一号');
    expect(byAddress.map((h) => h.name)).toContain('星汇大厦');
    const hit = byAddress.find((h) => h.name === '星汇大厦')!;
    expect(hit.communityCode).toBe(await lookup(113.1535, 23.0515));
    expect(hit.communityName).toBe('灯湖社区');
    expect((await search('星汇'))[0].name).toBe('星汇大厦');
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'geo.gazetteer.import')
      .execute();
    expect(audit.length).toBe(1);

    const again = await upload(admin, 'places.csv', Buffer.from(csv.replace('113.1535,23.0515', '113.154,23.0512')));
    expect(again.body).toEqual({ created: 0, updated: 2, total: 2 });
    expect(await total()).toBe(before + 2);
    expect((await search('星汇大厦'))[0].lng).toBeCloseTo(113.154, 6);
  });

  it('imports an .xlsx with Chinese headers and kinds', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('地名');
    ws.addRow(['名称', '类型', '地址', '经度', '纬度']);
    ws.addRow(['映月湖小学', '学校', '映月路8号', 113.1215, 23.0485]);
    const r = await upload(admin, 'places.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.created).toBe(1);
    const hit = (await search('映月湖小学'))[0];
    expect(hit.communityName).toBe('映月社区');
  });

  it('a file with any bad row imports nothing and lists each problem with its row and column', async () => {
    const before = await total();
    const audits = async () => (await app.platform.db.selectFrom('audit_log').select('action').execute()).length;
    const auditBefore = await audits();
    const csv = [
      'name,kind,address,lng,lat',
      '好的一行大厦,building,桂澜北路9号,113.1375,23.0485',
      '坏纬度,building,桂澜北路10号,113.1375,123.5',
      '坏类型,castle,桂澜北路11号,113.1375,23.0485',
      ',road,无名路,113.1375,23.0485',
    ].join('\n');
    const r = await upload(admin, 'bad.csv', Buffer.from(csv));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_file');
    expect(r.body.error.details.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'lat' }),
      expect.objectContaining({ row: 4, column: 'kind' }),
      expect.objectContaining({ row: 5, column: 'name' }),
    ]);
    expect(await total()).toBe(before);
    expect(await search('好的一行大厦')).toEqual([]);
    expect(await audits()).toBe(auditBefore);

    const noHeader = await upload(admin, 'bad.csv', Buffer.from('名称,地址\n某地,某路'));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 1, column: 'lng' })]),
    );
    const notAFile = await upload(admin, 'x.xlsx', Buffer.from('PK\u0003\u0004garbage'));
    expect(notAFile.status).toBe(400);
    expect(notAFile.body.error.code).toBe('unreadable_file');
  });

  it('search is for the staff who register orders; list, import and delete for the admin', async () => {
    expect((await citizen.get('/api/geo/gazetteer?q=桂城')).status).toBe(403);
    expect((await leader.get('/api/geo/gazetteer?q=桂城')).status).toBe(403);
    expect((await dispatcher.get('/api/geo/gazetteer/entries')).status).toBe(403);
    const denied = await upload(dispatcher, 'x.csv', Buffer.from('name,kind,address,lng,lat\n'));
    expect(denied.status).toBe(403);
    const id = (await search('星汇大厦'))[0].id;
    expect((await dispatcher.delete(`/api/geo/gazetteer/${id}`)).status).toBe(403);

    const list = await admin.get('/api/geo/gazetteer/entries?q=星汇&limit=10');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: Hit) => x.id)).toContain(id);
    expect((await admin.delete(`/api/geo/gazetteer/${id}`)).status).toBe(200);
    expect((await search('星汇大厦')).map((h) => h.id)).not.toContain(id);
    expect((await admin.delete(`/api/geo/gazetteer/${id}`)).status).toBe(404);
  });
});
