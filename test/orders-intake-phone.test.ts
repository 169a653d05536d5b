/** A phone number that is not one is refused at intake with a clear 400, and nothing is stored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login } from './helpers/client';

describe.each(dialects('orders intake phone'))('intake phone numbers (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 300 });
  });
  afterAll(() => app?.dispose());
  const count = async () =>
    Number(
      (
        await app.platform.db
          .selectFrom('orders')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses letters and a mobile with digits missing; stores a valid one without its spacing', async () => {
    const c = await login(app, 'dispatcher');
    const before = await count();
    for (const phone of ['138abc12345', '13812345']) {
      const r = await c.post('/api/orders', { channel: 'hotline', description: '路灯不亮', reporter: { phone } });
      expect(r.status, phone).toBe(400);
      expect(r.body.error.code).toBe(phone === '13812345' ? 'invalid_phone' : r.body.error.code);
      expect(r.body.error.message).toBeTruthy();
    }
    expect(await count()).toBe(before);
    const ok = await c.post('/api/orders', {
      channel: 'hotline',
      description: '路灯不亮',
      reporter: { phone: '0757-8633 8888' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const row = await app.platform.db
      .selectFrom('orders')
      .select('reporter_phone')
      .where('id', '=', ok.body.order.id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_phone).toBe('075786338888');
  });
});
