/**
 * The Open311 GeoReport v2 facade over HTTP: conformance to the spec's field lists in JSON and
 * XML (parsed back with fast-xml-parser), the GET /requests filters, POST with a form body and
 * api_key checks, hostile input, and mySociety's servicerequestupdates following staff actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { anonymous, login, withApiKey, type Client, type Reply } from './helpers/client';
import type { ManualClock } from '../src/platform/clock';

const V2 = '/open311/v2';
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T01:00:00Z'); // the test clock's start: Monday 09:00 in Beijing
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** The spec's field lists (GeoReport v2, Service Discovery, mySociety's updates). */
const DISCOVERY_FIELDS = ['changeset', 'contact', 'key_service', 'endpoints'];
const ENDPOINT_FIELDS = ['specification', 'url', 'changeset', 'type', 'formats'];
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
const POST_FIELDS = ['service_request_id', 'service_notice', 'account_id'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const UPDATE_FIELDS = ['update_id', 'service_request_id', 'status', 'description', 'updated_datetime', 'media_url'];
const UPDATE_STATUSES = [
  'open',
  'closed',
  'fixed',
  'in_progress',
  'action_scheduled',
  'investigating',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
  'reopen',
];

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'error', 'request_update', 'endpoint', 'format', 'attribute', 'value'].includes(name),
});

/** Parses an XML reply after checking it is well-formed, declared UTF-8 and served as text/xml. */
function parseXml(res: Reply): any {
  expect(String(res.headers['content-type'])).toMatch(/^text\/xml; charset=utf-8/);
  const text = String(res.body);
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text);
}

const form = (fields: Record<string, string | string[]>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) u.append(k, x);
  return u.toString();
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

/** The spec's error list, in JSON. */
function expectErrors(res: Reply, status: number, text?: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  expect(Array.isArray(res.body), String(JSON.stringify(res.body)).slice(0, 300)).toBe(true);
  expect(res.body.length).toBeGreaterThan(0);
  for (const e of res.body) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
  }
  if (text) expect(res.body.map((e: any) => e.description).join(' | ')).toMatch(text);
}

describe.each(dialects('open311'))('Open311 GeoReport v2 (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let dispatcher: Client;
  let handler: Client;
  let key: string;
  let readOnlyKey: string;
  let revokedKey: string;
  let place: { code: string; name: string; lng: number; lat: number };
  const anon = () => anonymous(app);
  const clock = () => app.clock as ManualClock;

  const post = (fields: Record<string, string | string[]>, format = 'json', headers: Record<string, string> = {}) =>
    anon().request('POST', `${V2}/requests.${format}`, form(fields), { ...FORM, ...headers });
  const submit = async (extra: Record<string, string | string[]> = {}) => {
    const res = await post({
      api_key: key,
      service_code: '010401',
      lat: String(place.lat),
      long: String(place.lng),
      description: '路灯不亮',
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body[0].service_request_id as string;
  };
  const staffOrder = async (number: string) => {
    const res = await dispatcher.get(`/api/orders?q=${number}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0];
  };
  /** Sessions last 12 hours: log in again after the clock moved on. */
  const relogin = async () => {
    dispatcher = await login(app, 'dispatcher');
    handler = await login(app, 'handler');
  };
  const act = async (client: Client, id: string, body: object) => {
    const res = await client.post(`/api/orders/${id}/actions`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    admin = await login(app, 'admin');
    dispatcher = await login(app, 'dispatcher');
    handler = await login(app, 'handler');
    const made = await admin.post('/api/api-keys', { name: 'FixMyStreet 对接', permissions: ['open311.submit'] });
    expect(made.status).toBe(201);
    key = made.body.key;
    readOnlyKey = (await admin.post('/api/api-keys', { name: '只读', permissions: ['orders.read'] })).body.key;
    const gone = await admin.post('/api/api-keys', { name: '已吊销', permissions: ['open311.submit'] });
    revokedKey = gone.body.key;
    expect((await admin.post(`/api/api-keys/${gone.body.id}/revoke`)).status).toBe(200);
    const f = (await app.geography.places()).features[0];
    const [lng, lat] = (f.geometry as any).coordinates;
    place = { code: String(f.id), name: String((f.properties as any).name), lng, lat };
  });
  afterAll(() => app?.dispose());

  describe('conformance', () => {
    it('discovery: every field, in JSON and XML', async () => {
      const res = await anon().get(`${V2}/discovery.json`);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^application\/json; charset=utf-8/);
      expect(Object.keys(res.body).sort()).toEqual([...DISCOVERY_FIELDS].sort());
      expect(res.body.changeset).toMatch(ISO);
      expect(res.body.endpoints).toHaveLength(1);
      const ep = res.body.endpoints[0];
      expect(Object.keys(ep).sort()).toEqual([...ENDPOINT_FIELDS].sort());
      expect(ep).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      });
      expect(ep.url).toMatch(/^https?:\/\/.+\/open311\/v2$/);
      const doc = parseXml(await anon().get(`${V2}/discovery.xml`)).discovery;
      expect(Object.keys(doc).sort()).toEqual([...DISCOVERY_FIELDS].sort());
      expect(doc.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
      expect(doc.endpoints.endpoint[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
    });

    it('services: one per active leaf category, every field with its type, same in XML', async () => {
      const res = await anon().get(`${V2}/services.json`);
      expect(res.status).toBe(200);
      const leaves = app.orders.categories.all().filter((c) => c.leaf && c.active);
      expect(res.body.map((s: any) => s.service_code)).toEqual(leaves.map((c) => c.code));
      for (const s of res.body) {
        expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
        expect(typeof s.service_code).toBe('string');
        expect(typeof s.service_name).toBe('string');
        expect(typeof s.metadata).toBe('boolean');
        expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
      }
      const lamp = res.body.find((s: any) => s.service_code === '010401');
      expect(lamp).toMatchObject({ service_name: '路灯故障', group: '城市管理', metadata: true, type: 'realtime' });
      expect(lamp.description).toContain('市政设施');
      expect(lamp.keywords).toContain('市政设施');
      const doc = parseXml(await anon().get(`${V2}/services.xml`));
      expect(doc.services.service).toHaveLength(res.body.length);
      for (const s of doc.services.service) expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
      expect(doc.services.service[0].service_code).toBe(res.body[0].service_code); // leading zeros kept
      expect(['true', 'false']).toContain(doc.services.service[0].metadata);
    });

    it('service definition: urgency (singlevaluelist) and address_detail (string), in JSON and XML; unknown → 404', async () => {
      const res = await anon().get(`${V2}/services/010401.json`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['attributes', 'service_code']);
      expect(res.body.service_code).toBe('010401');
      const [urgency, detail] = res.body.attributes;
      for (const a of res.body.attributes) {
        for (const f of ATTRIBUTE_FIELDS) expect(a).toHaveProperty(f);
        expect(typeof a.variable).toBe('boolean');
        expect(typeof a.required).toBe('boolean');
        expect(Number.isInteger(a.order)).toBe(true);
      }
      expect(urgency).toMatchObject({ code: 'urgency', datatype: 'singlevaluelist', required: false, order: 1 });
      expect(urgency.values.map((v: any) => v.key)).toEqual(['normal', 'urgent', 'emergency']);
      for (const v of urgency.values) expect(Object.keys(v).sort()).toEqual(['key', 'name']);
      expect(detail).toMatchObject({ code: 'address_detail', datatype: 'string', required: false, order: 2 });
      const doc = parseXml(await anon().get(`${V2}/services/010401.xml`)).service_definition;
      expect(doc.service_code).toBe('010401');
      expect(doc.attributes.attribute.map((a: any) => a.code)).toEqual(['urgency', 'address_detail']);
      expect(doc.attributes.attribute[0].values.value.map((v: any) => v.key)).toEqual([
        'normal',
        'urgent',
        'emergency',
      ]);
      expectErrors(await anon().get(`${V2}/services/999999.json`), 404, /999999/);
      expectErrors(await anon().get(`${V2}/services/01.json`), 404); // a branch, not a leaf
      const xmlErr = await anon().get(`${V2}/services/999999.xml`);
      expect(xmlErr.status).toBe(404);
      expect(parseXml(xmlErr).errors.error[0]).toEqual({ code: '404', description: expect.stringContaining('999999') });
    });

    it('an unknown format suffix is a 404 with the error list', async () => {
      for (const url of [
        '/services.html',
        '/services.yaml',
        '/discovery.txt',
        '/requests.csv',
        '/services/010401.htm',
        '/nope.json',
        '/services',
      ]) {
        expectErrors(await anon().get(`${V2}${url}`), 404);
      }
      expect((await post({ api_key: key }, 'html')).status).toBe(404);
    });
  });

  describe('POST requests', () => {
    it('creates an order from a form body; it shows in GET (JSON and XML) and in the staff API', async () => {
      const res = await post({
        api_key: key,
        service_code: '010401',
        lat: String(place.lat),
        long: String(place.lng),
        address_string: '南海大道 1 号',
        'attribute[urgency]': 'urgent',
        'attribute[address_detail]': '东门路灯',
        email: 'wang@example.com',
        device_id: 'dev-42',
        account_id: 'acc-7',
        first_name: '小明',
        last_name: '王',
        phone: '139 1234 0001',
        description: '路灯整晚不亮\n请尽快处理，电话 13912340001',
        media_url: 'https://img.example.com/a.jpg',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toHaveLength(1);
      expect(Object.keys(res.body[0]).sort()).toEqual([...POST_FIELDS].sort());
      const number = res.body[0].service_request_id;
      expect(number).toMatch(/^GC\d{13}$/);
      expect(res.body[0].account_id).toBe('acc-7');
      expect(res.body[0].service_notice).toContain(number);

      const got = await anon().get(`${V2}/requests/${number}.json`);
      expect(got.status).toBe(200);
      expect(got.body).toHaveLength(1);
      const r = got.body[0];
      expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
      expect(r).toMatchObject({
        service_request_id: number,
        status: 'open',
        service_code: '010401',
        service_name: '路灯故障',
        address: '南海大道 1 号 东门路灯',
        media_url: 'https://img.example.com/a.jpg',
        address_id: null,
        zipcode: null,
      });
      expect(r.description).toContain('路灯整晚不亮\n请尽快处理');
      expect(r.description).not.toContain('media_url');
      expect(r.requested_datetime).toBe('2026-03-02T09:00:00+08:00');
      expect(r.updated_datetime).toMatch(ISO);
      expect(typeof r.lat).toBe('number');
      expect(typeof r.long).toBe('number');
      expect(r.lat).toBeCloseTo(place.lat, 6);
      // the reporter is never published, not even a phone number typed into the text
      const text = JSON.stringify(got.body);
      for (const secret of ['王小明', '小明', '13912340001', 'wang@example.com', 'acc-7', 'dev-42'])
        expect(text).not.toContain(secret);
      expect(r.description).toContain('139****0001');

      const doc = parseXml(await anon().get(`${V2}/requests/${number}.xml`));
      const x = doc.service_requests.request[0];
      expect(Object.keys(x).sort()).toEqual([...REQUEST_FIELDS].sort());
      expect(x.service_request_id).toBe(number);
      expect(x.address_id).toBe('');

      // the staff see it as an ordinary work order from channel open311
      const order = await staffOrder(number);
      expect(order).toMatchObject({
        channel: 'open311',
        categoryCode: '010401',
        urgency: 'urgent',
        address: '南海大道 1 号 东门路灯',
      });
      expect(order.sourceRef).toBe('open311:account_id=acc-7;device_id=dev-42');
      expect(order.reporter).toMatchObject({ name: '王*明', phone: '139****0001', masked: true });
      const detail = await dispatcher.get(`/api/orders/${order.id}`);
      expect(detail.status).toBe(200);
      expect(JSON.stringify(detail.body)).toContain('https://img.example.com/a.jpg');
      // the order's timeline and audit say the API key did it
      const audit = await app.platform.db
        .selectFrom('audit_log')
        .select(['actor_name', 'action'])
        .where('entity_id', '=', order.id)
        .execute();
      expect(audit.find((a) => a.action === 'order.create')?.actor_name).toBe('apikey:FixMyStreet 对接');
    });

    it('takes JSON bodies, XML answers, address_string or address_id alone, and a key in the Authorization header', async () => {
      const json = await anon().post(`${V2}/requests.json`, {
        api_key: key,
        service_code: '010402',
        address_string: '桂城街道 海五路',
        attribute: { urgency: 'emergency' },
      });
      expect(json.status, JSON.stringify(json.body)).toBe(200);
      expect((await staffOrder(json.body[0].service_request_id)).urgency).toBe('emergency');

      const asXml = await post({ api_key: key, service_code: '010402', address_id: place.code }, 'xml');
      expect(asXml.status).toBe(200);
      const created = parseXml(asXml).service_requests.request[0];
      expect(Object.keys(created).sort()).toEqual([...POST_FIELDS].sort());
      const viaPlace = (await anon().get(`${V2}/requests/${created.service_request_id}.json`)).body[0];
      expect(viaPlace.address).toBe(place.name);
      expect(viaPlace.lat).toBeCloseTo(place.lat, 6);
      expect(viaPlace.description).toBe('道路破损'); // no description: the service's name

      const header = await withApiKey(app, key).request(
        'POST',
        `${V2}/requests.json`,
        form({ service_code: '010402', address_string: '灯湖东路' }),
        FORM,
      );
      expect(header.status, JSON.stringify(header.body)).toBe(200);
    });

    it('honours Idempotency-Key: a retry returns the same service_request_id', async () => {
      const fields = { api_key: key, service_code: '010402', address_string: '重试路 1 号', description: '重试' };
      const a = await post(fields, 'json', { 'idempotency-key': 'fms-retry-1' });
      const b = await post(fields, 'json', { 'idempotency-key': 'fms-retry-1' });
      expect(a.status).toBe(200);
      expect(b.body[0].service_request_id).toBe(a.body[0].service_request_id);
      expect(b.headers['idempotent-replayed']).toBe('true');
    });

    it('refuses a missing, unknown, revoked or too-weak api_key with 403 and the error list', async () => {
      const fields = { service_code: '010401', address_string: '某路' };
      const count = async () =>
        Number(
          (
            await app.platform.db
              .selectFrom('orders')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      expectErrors(await post(fields), 403, /api_key is required/);
      expectErrors(await post({ ...fields, api_key: 'nonsense' }), 403, /invalid api_key/);
      expectErrors(await post({ ...fields, api_key: revokedKey }), 403, /invalid api_key/);
      expectErrors(await post({ ...fields, api_key: readOnlyKey }), 403, /open311\.submit/);
      expectErrors(
        await anon().request('POST', `${V2}/requests.json`, form(fields), {
          ...FORM,
          authorization: 'Bearer yw_000000000000_nope-nope-nope-nope-nope',
        }),
        403,
      );
      const asXml = await post(fields, 'xml');
      expect(asXml.status).toBe(403);
      expect(parseXml(asXml).errors.error[0]).toMatchObject({ code: '403' });
      // a logged-in user is not an Open311 client
      expectErrors(await dispatcher.request('POST', `${V2}/requests.json`, form(fields), FORM), 403);
      expect(await count()).toBe(before);
    });

    it('refuses bad fields with 400 and lists every problem', async () => {
      const at = { lat: String(place.lat), long: String(place.lng) };
      expectErrors(await post({ api_key: key, service_code: '999999', ...at }), 400, /service_code 999999/);
      expectErrors(await post({ api_key: key, service_code: '01', ...at }), 400, /service_code/);
      expectErrors(await post({ api_key: key, service_code: '010401' }), 400, /location is required/);
      expectErrors(await post({ api_key: key, service_code: '010401', lat: '23' }), 400, /together/);
      const many = await post({ api_key: key, lat: 'abc', long: '500', email: 'nope', phone: 'call me' });
      expectErrors(many, 400);
      expect(many.body.length).toBeGreaterThanOrEqual(4);
      expectErrors(
        await post({ api_key: key, service_code: '010401', ...at, description: 'x'.repeat(4001) }),
        400,
        /4000/,
      );
      expectErrors(
        await post({ api_key: key, service_code: '010401', ...at, 'attribute[urgency]': 'extreme' }),
        400,
        /urgency/,
      );
      expectErrors(
        await post({ api_key: key, service_code: '010401', ...at, 'attribute[urgency][]': ['urgent', 'normal'] }),
        400,
        /one value/,
      );
      expectErrors(await post({ api_key: key, service_code: '010401', address_id: 'NOWHERE' }), 400, /address_id/);
      expectErrors(
        await post({ api_key: key, service_code: '010401', ...at, media_url: 'javascript:alert(1)' }),
        400,
        /media_url/,
      );
      expectErrors(await post({ api_key: key, service_code: ['010401', '010402'], ...at }), 400, /more than once/);
      // unknown attributes are ignored (FixMyStreet sends its own, e.g. fixmystreet_id)
      expect(
        (await post({ api_key: key, service_code: '010401', ...at, 'attribute[fixmystreet_id]': '123' })).status,
      ).toBe(200);
    });
  });

  describe('GET requests filters', () => {
    let old: string;
    let recent: string;
    let closed: string;

    beforeAll(async () => {
      clock().set(T0 - 50 * DAY);
      old = await submit({ service_code: '010403', description: '井盖缺失（旧）' });
      clock().set(T0 - 10 * DAY);
      recent = await submit({ service_code: '010403', description: '井盖缺失（新）' });
      closed = await submit({ service_code: '010404', description: '护栏损坏，已撤销' });
      clock().set(T0);
      await act(dispatcher, (await staffOrder(closed)).id, { type: 'cancel', reason: '市民撤回' });
    });

    const numbers = (res: Reply) => {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.map((r: any) => r.service_request_id) as string[];
    };

    it('defaults to the last 90 days, newest first, and filters by service_code (comma list)', async () => {
      const all = numbers(await anon().get(`${V2}/requests.json`));
      expect(all).toEqual(expect.arrayContaining([old, recent, closed]));
      const times = (await anon().get(`${V2}/requests.json`)).body.map((r: any) => Date.parse(r.requested_datetime));
      expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
      expect(numbers(await anon().get(`${V2}/requests.json?service_code=010403`)).sort()).toEqual([old, recent].sort());
      expect(numbers(await anon().get(`${V2}/requests.json?service_code=010403,010404`)).sort()).toEqual(
        [old, recent, closed].sort(),
      );
    });

    it('filters by status (open|closed) with the documented mapping', async () => {
      const open = numbers(await anon().get(`${V2}/requests.json?service_code=010403,010404&status=open`));
      expect(open.sort()).toEqual([old, recent].sort());
      const shut = await anon().get(`${V2}/requests.json?service_code=010403,010404&status=closed`);
      expect(numbers(shut)).toEqual([closed]);
      expect(shut.body[0]).toMatchObject({
        status: 'closed',
        status_notes: expect.stringContaining('撤销'),
        updated_datetime: '2026-03-02T09:00:00+08:00',
      });
      expect(
        numbers(await anon().get(`${V2}/requests.json?service_code=010403,010404&status=open,closed`)),
      ).toHaveLength(3);
      expectErrors(await anon().get(`${V2}/requests.json?status=pending`), 400, /open or closed/);
    });

    it('filters by start_date and end_date (ISO 8601) and refuses a window over 90 days', async () => {
      const sc = 'service_code=010403,010404';
      const q = (s: string) => anon().get(`${V2}/requests.json?${sc}&${s}`);
      expect(
        numbers(
          await q(`start_date=${encodeURIComponent('2026-02-01T00:00:00+08:00')}&end_date=2026-03-02T02:00:00Z`),
        ).sort(),
      ).toEqual([recent, closed].sort());
      expect(numbers(await q('end_date=2026-02-01T00:00:00Z'))).toEqual([old]);
      expect(numbers(await q('start_date=2026-01-01&end_date=2026-01-31'))).toEqual([old]);
      // an unencoded '+' arrives as a space: still read as +08:00
      expect(numbers(await q('start_date=2026-02-01T00:00:00+08:00'))).toHaveLength(2);
      expectErrors(await q('start_date=2025-10-01T00:00:00Z&end_date=2026-03-01T00:00:00Z'), 400, /90 days/);
      expectErrors(await q('start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z'), 400, /after/);
      expectErrors(await q('start_date=yesterday'), 400, /ISO 8601/);
      expectErrors(await q('end_date=2026-02-30'), 400, /ISO 8601/);
    });

    it('service_request_id (comma list) overrides every other filter; page and page_size page through', async () => {
      const res = await anon().get(
        `${V2}/requests.json?service_request_id=${old},${closed.toLowerCase()},GC0000&status=open&start_date=2026-03-01T00:00:00Z&service_code=999999`,
      );
      expect(numbers(res).sort()).toEqual([old, closed].sort());
      const p1 = numbers(await anon().get(`${V2}/requests.json?service_code=010403,010404&page_size=2`));
      const p2 = numbers(await anon().get(`${V2}/requests.json?service_code=010403,010404&page_size=2&page=2`));
      expect(p1).toHaveLength(2);
      expect([...p1, ...p2].sort()).toEqual([old, recent, closed].sort());
      expectErrors(await anon().get(`${V2}/requests.json?page_size=1001`), 400, /page_size/);
      expectErrors(await anon().get(`${V2}/requests.json?page=0`), 400, /page/);
    });

    it('GET requests/{id}: one request; unknown → 404 in JSON and XML; tokens/{token} → the request id', async () => {
      const one = await anon().get(`${V2}/requests/${recent}.json`);
      expect(numbers(one)).toEqual([recent]);
      expectErrors(await anon().get(`${V2}/requests/GC2099010100001.json`), 404, /not found/);
      const x = await anon().get(`${V2}/requests/GC2099010100001.xml`);
      expect(x.status).toBe(404);
      expect(parseXml(x).errors.error).toHaveLength(1);
      const id = (await staffOrder(recent)).id;
      const token = await anon().get(`${V2}/tokens/${id}.json`);
      expect(token.status).toBe(200);
      expect(token.body).toEqual([{ service_request_id: recent, token: id }]);
      expect(parseXml(await anon().get(`${V2}/tokens/${id}.xml`)).service_requests.request[0]).toEqual({
        service_request_id: recent,
        token: id,
      });
      expectErrors(await anon().get(`${V2}/tokens/nope.json`), 404);
    });

    it("the list in XML has the spec's element names and every field", async () => {
      const doc = parseXml(await anon().get(`${V2}/requests.xml?service_code=010403,010404`));
      expect(doc.service_requests.request).toHaveLength(3);
      for (const r of doc.service_requests.request) {
        expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
        expect(['open', 'closed']).toContain(r.status);
        expect(r.requested_datetime).toMatch(ISO);
      }
      const empty = parseXml(await anon().get(`${V2}/requests.xml?service_code=999999`));
      expect(empty.service_requests).toBe('');
    });
  });

  describe('servicerequestupdates (mySociety)', () => {
    it('follows the order as the staff dispatch, sign, reply, approve and visit', async () => {
      clock().set(T0 + DAY);
      await relogin();
      const number = await submit({ service_code: '010401', description: '路灯闪烁' });
      const id = (await staffOrder(number)).id;
      const unit = app.orders.units.all().find((u) => u.code === 'GC-ZF')!;
      clock().advance(60_000);
      await act(dispatcher, id, { type: 'dispatch', unitId: unit.id });
      clock().advance(60_000);
      await act(handler, id, { type: 'sign' });
      clock().advance(60_000);
      await act(handler, id, { type: 'submit_reply', reply: '已更换灯泡，联系电话 13700001111' });
      clock().advance(60_000);
      await act(dispatcher, id, { type: 'approve_reply' });
      clock().advance(60_000);
      await act(dispatcher, id, { type: 'visit', result: 'satisfied' });

      const window = `start_date=${encodeURIComponent('2026-03-03T00:00:00+08:00')}&end_date=${encodeURIComponent('2026-03-04T00:00:00+08:00')}`;
      const res = await anon().get(`${V2}/servicerequestupdates.json?${window}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const mine = res.body.filter((u: any) => u.service_request_id === number);
      for (const u of res.body) {
        expect(Object.keys(u).sort()).toEqual([...UPDATE_FIELDS].sort());
        expect(UPDATE_STATUSES).toContain(u.status);
        expect(u.updated_datetime).toMatch(ISO);
      }
      expect(mine.map((u: any) => u.status)).toEqual([
        'open',
        'investigating',
        'in_progress',
        'in_progress',
        'fixed',
        'closed',
      ]);
      expect(mine[1].description).toContain(unit.name);
      expect(mine[4].description).toContain('已更换灯泡');
      expect(mine[4].description).not.toContain('13700001111');
      expect(new Set(mine.map((u: any) => u.update_id)).size).toBe(6);

      const doc = parseXml(await anon().get(`${V2}/servicerequestupdates.xml?${window}`));
      const updates = doc.service_requests_updates.request_update.filter((u: any) => u.service_request_id === number);
      expect(updates.map((u: any) => u.status)).toEqual(mine.map((u: any) => u.status));
      for (const u of updates) expect(Object.keys(u).sort()).toEqual([...UPDATE_FIELDS].sort());

      const now = await anon().get(`${V2}/requests/${number}.json`);
      expect(now.body[0]).toMatchObject({
        status: 'closed',
        agency_responsible: unit.name,
        status_notes: expect.stringContaining('已更换灯泡'),
      });
      expect(now.body[0].expected_datetime).toMatch(ISO);
      clock().set(T0);
    });

    it('publishes merges as duplicate and reopens after an unsatisfied visit', async () => {
      clock().set(T0 + 2 * DAY);
      await relogin();
      const main = await submit({ service_code: '010401', description: '路灯坏了（主）' });
      const dup = await submit({ service_code: '010401', description: '路灯坏了（重复）' });
      const mainId = (await staffOrder(main)).id;
      await act(dispatcher, (await staffOrder(dup)).id, { type: 'merge', mainOrderId: mainId });
      await act(dispatcher, mainId, { type: 'direct_reply', reply: '已通知供电所' });
      await act(dispatcher, mainId, { type: 'visit', result: 'unsatisfied', note: '还是不亮' });
      const res = await anon().get(
        `${V2}/servicerequestupdates.json?start_date=${encodeURIComponent('2026-03-04T00:00:00+08:00')}`,
      );
      const of = (n: string) => res.body.filter((u: any) => u.service_request_id === n).map((u: any) => u.status);
      expect(of(dup)).toEqual(['open', 'duplicate']);
      expect(of(main)).toEqual(['open', 'closed', 'reopen']);
      const merged = (await anon().get(`${V2}/requests/${dup}.json`)).body[0];
      expect(merged).toMatchObject({ status: 'closed', status_notes: expect.stringContaining(main) });
      expect((await anon().get(`${V2}/requests/${main}.json`)).body[0].status).toBe('open');
      expectErrors(
        await anon().get(
          `${V2}/servicerequestupdates.json?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z`,
        ),
        400,
        /90 days/,
      );
      clock().set(T0);
    });
  });

  describe('hostile input', () => {
    it("never answers 500, always the spec's error list, XML always well-formed", async () => {
      const probes: Array<[string, string, string?, Record<string, string>?]> = [
        ['GET', '/requests.json?start_date=%00'],
        ['GET', '/requests.json?status=open&status=closed&status=x'],
        ['GET', '/requests.json?service_code[]=x'],
        ['GET', `/requests.json?service_request_id=${Array.from({ length: 1500 }, (_, i) => `GC${i}`).join(',')}`],
        ['GET', `/requests.json?service_request_id=${'x'.repeat(5000)}`],
        ['GET', '/requests.json?page=99999999999999999999&page_size=-1'],
        ['GET', '/requests.json?start_date=9999-12-31T00:00:00Z'],
        ['GET', '/requests.json?start_date=2026-03-01T25:00:00Z'],
        ['GET', '/requests.json?end_date=2026-03-01T00:00:00%2B99:00'],
        ['GET', '/requests/%00.json'],
        ['GET', '/requests/x%00y.xml'],
        ['GET', '/requests.json?service_code=%00'],
        ['GET', '/servicerequestupdates.xml?x%00=1'],
        ['GET', '/servicerequestupdates.json?page_size=abc'],
        ['POST', '/requests.json', 'hello', { 'content-type': 'text/plain' }],
        ['POST', '/requests.json', '{"api_key":', { 'content-type': 'application/json' }],
        ['POST', '/requests.json', '[1,2]', { 'content-type': 'application/json' }],
        ['POST', '/requests.xml', '%zz=%%&a', FORM],
        ['POST', '/requests.json', `api_key=${'k'.repeat(300)}`, FORM],
        ['POST', '/requests.json', 'x'.repeat(1_100_000), FORM],
      ];
      const withKey = (s: string) => s.replace('KEY', key);
      probes.push(
        ['POST', '/requests.json', withKey('api_key=KEY&service_code=010401&lat=1e999&long=1'), FORM],
        ['POST', '/requests.json', withKey('api_key=KEY&service_code=010401&address_string=%00'), FORM],
        ['POST', '/requests.json', withKey('api_key=KEY&service_code=010401&address_string=a&attribute=5'), FORM],
        [
          'POST',
          '/requests.json',
          JSON.stringify({ api_key: 'x', service_code: { a: 1 }, lat: [1], attribute: [1] }),
          { 'content-type': 'application/json' },
        ],
        [
          'POST',
          '/requests.json',
          JSON.stringify({ api_key: key, service_code: { a: 1 }, lat: [1], attribute: { urgency: { x: 1 } } }),
          { 'content-type': 'application/json' },
        ],
        [
          'POST',
          '/requests.xml',
          withKey('api_key=KEY&service_code=010401&lat=23&long=113&attribute[urgency][]=a&attribute[%5D=1'),
          FORM,
        ],
      );
      // paths the platform's router refuses before any route (bad percent-encoding, a parameter
      // over its 100-character limit) answer in the platform's error form, never a 500
      for (const path of [
        '/services/%E0%A4%A.json',
        `/requests/${'9'.repeat(400)}.json`,
        `/tokens/${'x'.repeat(5000)}.xml`,
      ]) {
        expect((await anon().get(`${V2}${path}`)).status, path).toBe(400);
      }
      expectErrors(await anon().get(`${V2}/requests/${'9'.repeat(60)}.json`), 404);
      for (const [method, path, payload, headers] of probes) {
        const res = await anon().request(method, `${V2}${path}`, payload, headers);
        const where = `${method} ${path.slice(0, 80)} → ${res.status} ${String(typeof res.body === 'string' ? res.body : JSON.stringify(res.body)).slice(0, 200)}`;
        expect(res.status, where).toBeGreaterThanOrEqual(200);
        expect(res.status, where).toBeLessThan(500);
        if (path.includes('.xml')) parseXml(res);
        if (path.includes('%00')) expect(res.status, where).toBe(400);
        if (res.status >= 400) {
          if (path.includes('.xml')) expect(parseXml(res).errors.error.length, where).toBeGreaterThan(0);
          else expectErrors(res, res.status);
          expect([400, 403, 404], where).toContain(res.status);
        }
      }
    });

    it('keeps the XML well-formed when descriptions hold control characters and markup', async () => {
      const number = await submit({ description: 'a\u0001b\u001fc <script>&amp; "q" \ud83d\ude00 ]]>' });
      const res = await anon().get(`${V2}/requests/${number}.xml`);
      const r = parseXml(res).service_requests.request[0];
      expect(r.description).toContain('<script>&amp; "q" 😀 ]]>');
      expect((await anon().get(`${V2}/requests/${number}.json`)).body[0].description).toContain('<script>');
    });
  });
});
