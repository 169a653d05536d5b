/**
 * The API contract is complete: every route in the OpenAPI document declares what it answers,
 * and what a handler returns beyond the declared fields never reaches the client (the response
 * schema is the serialiser — a guard against unmasked personal data slipping into a view).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type as T } from '@sinclair/typebox';
import pino from 'pino';
import { startTestApp, type TestApp } from '../helpers/app';
import { createHttp } from '../../src/platform/http';

describe('OpenAPI: every route has a response schema', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sqlite');
  });
  afterAll(() => app?.dispose());

  it('declares a success response (with a body schema, or a described file/stream) on every operation', () => {
    const doc = app.http.swagger() as { paths: Record<string, Record<string, any>> };
    const missing: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^(2\d\d|101)$/.test(code));
        const described = ok.some(
          ([, r]: [string, any]) =>
            r.content && Object.values(r.content).every((c: any) => c.schema && Object.keys(c.schema).length > 0),
        );
        const isStream = ok.some(([code, r]: [string, any]) => code === '101' && r.description);
        if (!described && !isStream) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(operations).toBeGreaterThan(70);
    expect(missing, 'add response: { 200: … } from the module contract').toEqual([]);
  });

  it('object responses name their properties (no open-ended object at the top)', () => {
    const doc = app.http.swagger() as { paths: Record<string, Record<string, any>> };
    const open: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops))
        for (const [code, r] of Object.entries<any>(op.responses ?? {})) {
          const s = r.content?.['application/json']?.schema;
          if (s?.type === 'object' && !s.properties && !s.additionalProperties) open.push(`${method} ${path} ${code}`);
        }
    expect(open).toEqual([]);
  });
});

describe('the response schema is the serialiser', () => {
  it('drops what a handler returns beyond the declared fields, nested ones included', async () => {
    const http = createHttp({ logger: pino({ level: 'silent' }) });
    http.get(
      '/t',
      {
        schema: {
          response: {
            200: T.Object({ name: T.String(), reporter: T.Object({ phone: T.String() }) }),
          },
        },
      },
      async () =>
        ({
          name: 'x',
          secret: 'id-card',
          reporter: { phone: '138****0000', rawPhone: '13800000000' },
        }) as any,
    );
    const res = await http.inject({ method: 'GET', url: '/t' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'x', reporter: { phone: '138****0000' } });
    await http.close();
  });
});
