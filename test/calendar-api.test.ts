/**
 * The work calendar over HTTP: an admin enters a year the holiday package does not know (2027),
 * and day kinds, deadline arithmetic and the missing-year warnings follow; bad arrangements are
 * refused and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { login, type Client } from './helpers/client';

/** A made-up 2027 (2027-01-01 is a Friday): Fri 1, Mon 4 and Tue 5 off; Saturday the 9th worked. */
const MADE_UP_2027 = {
  holidays: ['2027-01-05', '2027-01-01', '2027-01-04'],
  workdays: ['2027-01-09'],
  source: '测试用安排 / test arrangement',
};
const KINDS_PLAIN = [
  'workday',
  'weekend',
  'weekend',
  'workday',
  'workday',
  'workday',
  'workday',
  'workday',
  'weekend',
  'weekend',
];
const KINDS_MADE_UP = [
  'holiday',
  'weekend',
  'weekend',
  'holiday',
  'holiday',
  'workday',
  'workday',
  'workday',
  'makeup_workday',
  'weekend',
];

/** Epoch ms of a Shanghai wall-clock time. */
const shanghai = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);
const FROM = shanghai('2026-12-31T10:00:00'); // Thursday, a working day in the package's 2026

describe.each(dialects('calendar API'))('calendar API (%s)', (dialect) => {
  let app: TestApp;
  let admin: Client;
  let dispatcher: Client;

  const stored = async () => app.platform.db.selectFrom('calendar_years').selectAll().execute();
  const auditSeq = async () =>
    Number((await app.platform.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
  const kinds = async (from = '2027-01-01', to = '2027-01-10') => {
    const res = await dispatcher.get(`/api/calendar/days?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    return res.body.items.map((d: { kind: string }) => d.kind);
  };
  const due = async (days: number) => {
    const res = await dispatcher.get(`/api/calendar/add?from=${FROM}&days=${days}`);
    expect(res.status).toBe(200);
    return res.body.due as number;
  };
  const warns2027 = (list: string[]) => list.some((w) => w.includes('2027'));
  const deleteOverride = async () => {
    if ((await stored()).length) expect((await admin.delete('/api/calendar/years/2027')).status).toBe(200);
  };

  beforeAll(async () => {
    app = await startTestApp(dialect, { trainingSamples: 200 });
    admin = await login(app, 'admin');
    dispatcher = await login(app, 'dispatcher');
  });
  afterAll(() => app?.dispose());

  it('counts plain weekends for 2027 and warns until a year is entered; then follows it', async () => {
    // before: the package has no 2027, so plain weekends and a warning in three places
    expect(await kinds()).toEqual(KINDS_PLAIN);
    // Thu 31 Dec + 3 working days = Tue 5 Jan (Fri 1, Mon 4, Tue 5), end of the office day
    expect(await due(3)).toBe(shanghai('2027-01-05T17:30:00'));
    const health = await app.http.inject({ method: 'GET', url: '/api/health' }).then((r) => r.json());
    expect(warns2027(health.calendarWarnings)).toBe(true);
    const years = await dispatcher.get('/api/calendar/years');
    expect(years.status).toBe(200);
    expect(warns2027(years.body.warnings)).toBe(true);
    expect(years.body.items.map((y: { year: number }) => y.year)).not.toContain(2027);
    const addWarnings = (await dispatcher.get(`/api/calendar/add?from=${FROM}&days=3`)).body.warnings;
    expect(warns2027(addWarnings)).toBe(true);

    const put = await admin.put('/api/calendar/years/2027', MADE_UP_2027);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-01-04', '2027-01-05'],
      workdays: ['2027-01-09'],
      source: MADE_UP_2027.source,
    });

    expect(await kinds()).toEqual(KINDS_MADE_UP);
    // Fri 1, Mon 4, Tue 5 are off: Wed 6, Thu 7, Fri 8
    expect(await due(3)).toBe(shanghai('2027-01-08T17:30:00'));
    // the worked Saturday counts: Wed 6 … Fri 8, Sat 9
    expect(await due(4)).toBe(shanghai('2027-01-09T17:30:00'));

    const healthAfter = await app.http.inject({ method: 'GET', url: '/api/health' }).then((r) => r.json());
    expect(warns2027(healthAfter.calendarWarnings)).toBe(false);
    const yearsAfter = (await dispatcher.get('/api/calendar/years')).body;
    expect(warns2027(yearsAfter.warnings)).toBe(false);
    expect(yearsAfter.items.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      year: 2027,
      source: 'override',
      note: MADE_UP_2027.source,
      holidays: ['2027-01-01', '2027-01-04', '2027-01-05'],
      workdays: ['2027-01-09'],
    });
    const audit = await app.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.year.put')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].entity_id).toBe('2027');

    // removing the override brings back plain weekends and the warning
    await deleteOverride();
    expect(await kinds()).toEqual(KINDS_PLAIN);
    expect(warns2027((await dispatcher.get('/api/calendar/years')).body.warnings)).toBe(true);
  });

  it('imports the text format: one "YYYY-MM-DD 休|班" line per day, notes and # comments allowed', async () => {
    const text = [
      '# 2027 年部分节假日安排（测试）',
      '2027-01-01 休  元旦',
      '2027-01-04 放假',
      '2027-01-05　holiday', // ideographic space, as pasted from a Chinese document
      '',
      '2027-01-09 班 调休上班',
    ].join('\n');
    const res = await admin.post('/api/calendar/years/2027/import', { text, source: '国办发明电（测试）' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-01-04', '2027-01-05'],
      workdays: ['2027-01-09'],
      source: '国办发明电（测试）',
    });
    expect(await kinds()).toEqual(KINDS_MADE_UP);
    expect(await due(3)).toBe(shanghai('2027-01-08T17:30:00'));
    await deleteOverride();
  });

  it('refuses the issue’s example import: 2027-01-04 is a Monday, and make-up working days fall on weekends', async () => {
    const before = await auditSeq();
    const res = await admin.post('/api/calendar/years/2027/import', { text: '2027-01-01 休\n2027-01-04 班' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_arrangement');
    expect(res.body.error.details.problems.join('\n')).toMatch(/2027-01-04 is a weekday/);
    expect(await stored()).toEqual([]);
    expect(await auditSeq()).toBe(before);
  });

  const badPuts: Array<[string, unknown, string]> = [
    ['an impossible date', { holidays: ['2027-02-30'], workdays: [] }, 'invalid_arrangement'],
    ['a date of another year', { holidays: ['2028-01-01'], workdays: [] }, 'invalid_arrangement'],
    ['a weekday as a make-up working day', { holidays: [], workdays: ['2027-01-04'] }, 'invalid_arrangement'],
    ['a day both off and worked', { holidays: ['2027-01-09'], workdays: ['2027-01-09'] }, 'invalid_arrangement'],
    ['not a date at all', { holidays: ['soon'], workdays: [] }, 'invalid_arrangement'],
    ['a date with a time', { holidays: ['2027-01-01T00:00'], workdays: [] }, 'invalid_request'],
    ['a missing list', { holidays: [] }, 'invalid_request'],
    ['an unknown field', { holidays: [], workdays: [], year: 2027 }, 'invalid_request'],
    ['a number for a date', { holidays: [20270101], workdays: [] }, 'invalid_request'],
    ['a list that is not a list', { holidays: '2027-01-01', workdays: [] }, 'invalid_request'],
  ];
  it.each(badPuts)('refuses %s with 400 and stores nothing', async (_what, body, code) => {
    const before = await auditSeq();
    const res = await admin.put('/api/calendar/years/2027', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await stored()).toEqual([]);
    expect(await auditSeq()).toBe(before);
    expect(await kinds()).toEqual(KINDS_PLAIN);
  });

  const badImports: Array<[string, string, string]> = [
    ['an unknown day word', '2027-01-01 休\n2027-01-02 周末', 'invalid_arrangement'],
    ['a line without a kind', '2027-01-01', 'invalid_arrangement'],
    ['a bad date', '2027-13-01 休', 'invalid_arrangement'],
    ['lines of another year', '2028-01-01 休', 'invalid_arrangement'],
    ['only comments', '# nothing here\n\n', 'invalid_arrangement'],
  ];
  it.each(badImports)('refuses an import with %s and stores nothing', async (_what, text, code) => {
    const before = await auditSeq();
    const res = await admin.post('/api/calendar/years/2027/import', { text });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await stored()).toEqual([]);
    expect(await auditSeq()).toBe(before);
  });

  it('refuses a year outside 1990–2200 in the path, and removing a year nobody entered', async () => {
    for (const year of ['1989', '2201', 'x', '2027.5']) {
      const res = await admin.put(`/api/calendar/years/${year}`, { holidays: [], workdays: [] });
      expect(res.status, year + ' ' + JSON.stringify(res.body)).toBe(400);
    }
    const del = await admin.delete('/api/calendar/years/2027');
    expect(del.status).toBe(400);
    expect(del.body.error.code).toBe('no_override');
    expect(await stored()).toEqual([]);
  });

  it('lets only calendar.manage change a year', async () => {
    const res = await dispatcher.put('/api/calendar/years/2027', MADE_UP_2027);
    expect(res.status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('refuses bad ranges and arithmetic questions with 400', async () => {
    const cases = [
      '/api/calendar/days?from=2027-01-10&to=2027-01-01',
      '/api/calendar/days?from=2027-02-30&to=2027-03-01',
      '/api/calendar/days?from=2020-01-01&to=2027-01-01',
      `/api/calendar/add?from=${FROM}`,
      `/api/calendar/add?from=${FROM}&days=1&hours=1`,
      `/api/calendar/add?from=${FROM}&days=1.5`,
      `/api/calendar/add?from=${FROM}&days=-1`,
      '/api/calendar/add?from=1e20&days=3',
    ];
    for (const url of cases) {
      const res = await dispatcher.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toEqual(expect.any(String));
    }
  });
});
