/**
 * 常用语 over HTTP, on both engines: the demo phrases are there for staff, per purpose and per
 * category line; the admin replaces one purpose's list (audited, trimmed, the others untouched);
 * bounds (≤50 per purpose, 1..500 characters, known categories, no repeats) are 400; a non-admin 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

describe.each(dialects('orders phrases'))('常用语 (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let handler: Client;
  let dispatcher: Client;
  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
    admin = await login(app, 'admin');
    handler = await login(app, 'handler');
    dispatcher = await login(app, 'dispatcher');
  });
  afterAll(() => app?.dispose());

  it('staff read the demo phrases, per purpose and for a category’s line', async () => {
    const all = await handler.get('/api/order-phrases');
    expect(all.status).toBe(200);
    for (const purpose of ['reply', 'direct_answer', 'return'])
      expect(all.body.items.filter((p: { purpose: string }) => p.purpose === purpose).length, purpose).toBeGreaterThan(
        2,
      );
    const replies = await handler.get('/api/order-phrases?purpose=reply');
    expect(new Set(replies.body.items.map((p: { purpose: string }) => p.purpose))).toEqual(new Set(['reply']));
    // for 010101 (占道经营): the phrases for every category and those of 0101, not 0102's or 0201's
    const line = await handler.get('/api/order-phrases?purpose=reply&categoryCode=010101');
    const codes = new Set(line.body.items.map((p: { categoryCode: string | null }) => p.categoryCode));
    expect(codes).toEqual(new Set([null, '0101']));
    expect(line.body.items.some((p: { text: string }) => p.text.includes('{地址}'))).toBe(true);
    expect((await (await login(app, 'citizen')).get('/api/order-phrases')).status).toBe(403);
  });

  it('the admin replaces one purpose’s list, audited; the other purposes stay', async () => {
    const directBefore = (await admin.get('/api/order-phrases?purpose=direct_answer')).body.items;
    const seq = await auditSeq();
    const r = await admin.put('/api/order-phrases', {
      purpose: 'return',
      phrases: [{ text: '  不属本单位职责，请改派。 ' }, { text: '地址不在本辖区。', categoryCode: '0101' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items).toEqual([
      { purpose: 'return', text: '不属本单位职责，请改派。', categoryCode: null },
      { purpose: 'return', text: '地址不在本辖区。', categoryCode: '0101' },
    ]);
    expect(r.body.updatedAt).toEqual(expect.any(Number));
    expect(await auditSeq()).toBe(seq + 1);
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'after'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'orders.phrases.update', entity_id: 'orders.phrases.return' });
    expect(JSON.parse(audit.after!).count).toBe(2);
    expect((await handler.get('/api/order-phrases?purpose=return')).body.items).toHaveLength(2);
    expect((await admin.get('/api/order-phrases?purpose=direct_answer')).body.items).toEqual(directBefore);
    // emptying a list is allowed
    const empty = await admin.put('/api/order-phrases', { purpose: 'return', phrases: [] });
    expect(empty.body.items).toEqual([]);
  });

  it('refuses what is out of bounds with 400 and changes nothing', async () => {
    const before = (await admin.get('/api/order-phrases?purpose=reply')).body.items;
    const seq = await auditSeq();
    const cases: Array<[string, unknown, string]> = [
      ['51 phrases', Array.from({ length: 51 }, (_, i) => ({ text: `第${i}条` })), 'invalid_request'],
      ['an empty text', [{ text: '' }], 'invalid_request'],
      ['only spaces', [{ text: '   ' }], 'invalid_phrase'],
      ['501 characters', [{ text: '字'.repeat(501) }], 'invalid_request'],
      ['an unknown category', [{ text: '好', categoryCode: '9999' }], 'invalid_category'],
      ['a repeat', [{ text: '好' }, { text: ' 好' }], 'duplicate_phrase'],
      ['an extra field', [{ text: '好', note: 1 }], 'invalid_request'],
    ];
    for (const [what, phrases, code] of cases) {
      const r = await admin.put('/api/order-phrases', { purpose: 'reply', phrases });
      expect(r.status, what).toBe(400);
      expect(r.body.error.code, what).toBe(code);
    }
    expect((await admin.put('/api/order-phrases', { purpose: 'nope', phrases: [] })).status).toBe(400);
    // 50 of 500 characters each are fine
    const max = Array.from({ length: 50 }, (_, i) => ({ text: `${i}`.padEnd(500, '字') }));
    const ok = await admin.put('/api/order-phrases', { purpose: 'direct_answer', phrases: max });
    expect(ok.status).toBe(200);
    expect(ok.body.items).toHaveLength(50);
    expect(await auditSeq()).toBe(seq + 1);
    expect((await admin.get('/api/order-phrases?purpose=reply')).body.items).toEqual(before);
  });

  it('a non-admin may not change them (403)', async () => {
    for (const c of [handler, dispatcher]) {
      const r = await c.put('/api/order-phrases', { purpose: 'reply', phrases: [{ text: '改一下' }] });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
  });
});
