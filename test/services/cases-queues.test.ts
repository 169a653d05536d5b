/**
 * The window's and the department's queues and the ID-number lookup on both engines: a case moves
 * through 预审 → 待受理 → 待补正 → 待受理 → the department's queue (clock read at each day, due-soon
 * and overdue filters) → 待送达; the lookup finds the applicant's cases masked and is audited once
 * per call; bad input is a 4xx that writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardCheckChar } from '../../src/modules/services/cases/applicant';
import { LOOKUP_AUDIT } from '../../src/modules/services/cases/queues.service';
import { ManualClock } from '../../src/platform/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, type Client, login } from '../helpers/client';
import { dialects } from '../helpers/env';
import { testGuide } from '../helpers/services';

const sh = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
const idNo = (first17: string) => `${first17}${idCardCheckChar(first17)}`;
const PERSON = { kind: 'person', idNo: idNo('44060219850505432'), name: '陈队列', phone: '13912345678' };
type Row = { id: string; clock: Record<string, unknown> | null; applicantIdNo: string; stepName: string | null };

describe.each(dialects('services case queues'))('services case queues (%s)', (dialect) => {
  let app: TestApp;
  let clock: ManualClock;
  let admin: Client;
  let clerk: Client;
  let handler: Client;
  let citizen: Client;
  let centreId: string;
  let itemId: string;
  let pre = '';
  let main = '';

  const at = async (time: string) => {
    clock.set(sh(time));
    [admin, clerk, handler, citizen] = await Promise.all(
      ['admin', 'clerk', 'handler', 'citizen'].map((u) => login(app, u)),
    );
  };
  const act = async (who: Client, id: string, body: Record<string, unknown>) => {
    const r = await who.post(`/api/services/cases/${id}/actions`, body);
    expect(r.status, `${body.type}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  const windowQueue = async (kind: string) => {
    const r = await clerk.get(`/api/services/cases/queues/window?kind=${kind}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items as Row[];
  };
  const deptQueue = async (query = '') => {
    const r = await handler.get(`/api/services/cases/queues/department${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items as Row[];
  };
  const count = async (table: 'audit_log' | 'svc_cases' | 'svc_case_steps') =>
    Number(
      (
        await app.platform.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const lookups = async () =>
    Number(
      (
        await app.platform.db
          .selectFrom('audit_log')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('action', '=', LOOKUP_AUDIT)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    clock = new ManualClock(sh('2026-03-02 09:00'));
    app = await startTestApp(dialect, { clock });
    admin = await login(app, 'admin');
    const orgs = await app.identity.directory.orgs();
    const zf = orgs.find((x) => x.code === 'GC-ZF')!;
    centreId = (await anonymous(app).get('/api/services/sites?kind=centre')).body.items[0].id;
    const guide = testGuide({
      name: '队列测试事项',
      codePrefix: 'QT997',
      n: 1,
      department: { id: zf.id, name: zf.name },
      siteId: centreId,
    });
    const created = await admin.post('/api/services/items', guide);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await admin.post(`/api/services/items/${created.body.id}/publish`, {})).status).toBe(200);
    itemId = created.body.id;
  }, 180_000);
  afterAll(() => app?.dispose());

  it('moves a case through the window queues and the department queue with its clock', async () => {
    await at('2026-03-02 09:00');
    const draft = async () => {
      const r = await citizen.post('/api/services/cases', {
        itemId,
        applicant: PERSON,
        situation: { applicant: ['self'] },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    pre = await draft();
    main = await draft();
    await act(citizen, pre, { type: 'request_pre_review' });
    await act(citizen, main, { type: 'request_pre_review' });
    expect((await windowQueue('pre_review')).map((r) => r.id)).toEqual([pre, main]);
    expect(await windowQueue('acceptance')).toEqual([]);
    await act(clerk, main, { type: 'pass_pre_review' });

    const preQueue = await windowQueue('pre_review');
    const p = preQueue.find((r) => r.id === pre);
    expect(p?.clock).toMatchObject({ limitDays: 2, status: 'running', elapsedDays: 0 });
    expect(p?.applicantIdNo).toBe(`440602********${PERSON.idNo.slice(-4)}`);
    expect(preQueue.map((r) => r.id)).toEqual([pre]);
    expect((await windowQueue('acceptance')).map((r) => r.id)).toEqual([main]);

    await act(clerk, main, {
      type: 'request_correction',
      items: [{ materialId: 'form', name: '申请表', problem: '缺少签字' }],
    });
    expect((await windowQueue('correction')).map((r) => r.id)).toEqual([main]);
    expect(await windowQueue('acceptance')).toEqual([]);
    await act(citizen, main, { type: 'supply_correction', materialIds: ['form'] });
    await act(clerk, main, { type: 'record_originals', method: 'window' });
    await act(clerk, main, { type: 'accept' });
    expect(await windowQueue('acceptance')).toEqual([]);

    // 5 working days from Tue 03-03 … Mon 03-09 (accepted Mon 03-02)
    const q0 = (await deptQueue()).find((r) => r.id === main);
    expect(q0).toMatchObject({ stepName: '审查', clock: { limitDays: 5, remainingDays: 5, status: 'running' } });
    expect(await deptQueue('?clock=overdue')).toEqual([]);

    await at('2026-03-09 10:00');
    const soon = await deptQueue('?clock=due_soon');
    expect(soon.map((r) => r.id)).toEqual([main]);
    expect(soon[0].clock).toMatchObject({ status: 'due_soon', elapsedDays: 4, remainingDays: 1 });

    await at('2026-03-11 10:00');
    const late = await deptQueue('?clock=overdue');
    expect(late.map((r) => r.id)).toEqual([main]);
    // due Mon 03-09; Tue 03-10 and Wed 03-11 are late
    expect(late[0].clock).toMatchObject({ status: 'overdue', dueDate: '2026-03-09' });
    expect((late[0].clock as { overdueDays: number }).overdueDays).toBeGreaterThan(0);
    expect(await deptQueue('?clock=due_soon')).toEqual([]);

    await act(handler, main, { type: 'pass_step', opinion: '符合条件' });
    await act(handler, main, { type: 'decide', outcome: 'granted', text: '准予许可' });
    expect((await deptQueue()).map((r) => r.id)).not.toContain(main);
    expect((await windowQueue('handout')).map((r) => r.id)).toEqual([main]);
    await act(clerk, main, {
      type: 'deliver',
      method: 'window',
      recipient: { kind: 'proxy', name: '陈代领', proof: 'receipt', authorisation: '委托书 2026-001' },
    });
    expect(await windowQueue('handout')).toEqual([]);
  });

  it('looks up the applicant’s earlier cases by ID number, masked and audited', async () => {
    const before = await lookups();
    const r = await clerk.post('/api/services/cases/lookup', { idNo: ` ${PERSON.idNo.toLowerCase()} ` });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.idNo).not.toContain(PERSON.idNo.slice(6, 14));
    expect(r.body.items.map((x: Row) => x.id).sort()).toEqual([pre, main].sort());
    expect(JSON.stringify(r.body)).not.toContain(PERSON.idNo);
    expect(await lookups()).toBe(before + 1);
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', LOOKUP_AUDIT)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit)).not.toContain(PERSON.idNo);

    const other = await clerk.post('/api/services/cases/lookup', { idNo: idNo('11010119700101001') });
    expect(other.body).toMatchObject({ items: [], total: 0 });
    expect(await lookups()).toBe(before + 2);
  });

  it('answers bad input with a 4xx and changes nothing', async () => {
    const audit = await count('audit_log');
    const cases = await count('svc_cases');
    const steps = await count('svc_case_steps');
    const wrongCheck = `${PERSON.idNo.slice(0, 17)}${PERSON.idNo[17] === '0' ? '1' : '0'}`;
    const bad: Array<[Client, string, string, Record<string, unknown> | undefined, number, string?]> = [
      [clerk, 'POST', '/api/services/cases/lookup', { idNo: wrongCheck }, 400, 'invalid_id_no'],
      [clerk, 'POST', '/api/services/cases/lookup', { idNo: '440602199902301234' }, 400, 'invalid_id_no'],
      [clerk, 'POST', '/api/services/cases/lookup', { idNo: PERSON.idNo, extra: 1 }, 400],
      [citizen, 'POST', '/api/services/cases/lookup', { idNo: PERSON.idNo }, 403],
      [clerk, 'GET', '/api/services/cases/queues/window?kind=everything', undefined, 400],
      [clerk, 'GET', '/api/services/cases/queues/window', undefined, 400],
      [clerk, 'GET', '/api/services/cases/queues/window?kind=acceptance&siteId=elsewhere', undefined, 403],
      [clerk, 'GET', '/api/services/cases/queues/department', undefined, 403],
      [handler, 'GET', '/api/services/cases/queues/department?clock=late', undefined, 400],
      [handler, 'GET', '/api/services/cases/queues/department?departmentId=elsewhere', undefined, 403],
      [handler, 'GET', '/api/services/cases/queues/department?limit=0', undefined, 400],
      [citizen, 'GET', '/api/services/cases/queues/window?kind=acceptance', undefined, 403],
    ];
    for (const [who, method, path, body, status, code] of bad) {
      const r = method === 'POST' ? await who.post(path, body) : await who.get(path);
      expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
      expect(typeof r.body.error?.code).toBe('string');
      if (code) expect(r.body.error.code).toBe(code);
    }
    expect(await count('audit_log')).toBe(audit);
    expect(await count('svc_cases')).toBe(cases);
    expect(await count('svc_case_steps')).toBe(steps);
  });
});
