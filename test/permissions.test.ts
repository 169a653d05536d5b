/**
 * Every registered route × every demo role (and anonymous) against a permission table written
 * out by hand. The table is the specification: changing a grant in src/modules/identity/roles.ts,
 * or adding a route with a permission missing here, fails this suite until the table is updated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from './helpers/env';
import { startTestApp, type TestApp } from './helpers/app';
import { anonymous, login, type Client } from './helpers/client';
import { apiRoutes, endsSession, fillPath, type RouteShape } from './helpers/routes';

const ROLES = ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'leader', 'citizen'] as const;
type Role = (typeof ROLES)[number];
const STAFF: Role[] = ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'leader'];

/** permission → the roles that hold it ('public': everyone, even anonymous). */
const EXPECTED: Record<string, readonly Role[] | 'public'> = {
  public: 'public',
  authenticated: ROLES,
  // identity and administration
  'orgs.read': STAFF,
  'orgs.manage': ['admin'],
  'users.read': ['admin', 'dispatcher', 'handler', 'leader'],
  'users.manage': ['admin'],
  'roles.read': ['admin'],
  'apikeys.manage': ['admin'],
  'pii.reveal': ['admin', 'dispatcher'],
  'audit.read': ['admin', 'leader'],
  'audit.verify': ['admin'],
  // the map and the calendar
  'geo.read': ROLES,
  'geo.manage': ['admin'],
  'geo.gazetteer.search': ['admin', 'dispatcher', 'handler', 'clerk', 'pilot'],
  'calendar.read': STAFF,
  'calendar.manage': ['admin'],
  // 一网统管 work orders
  'orders.create': ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'citizen'],
  'orders.read': ['admin', 'dispatcher', 'handler', 'clerk', 'leader'],
  'orders.dispatch': ['admin', 'dispatcher'],
  'orders.handle': ['handler'],
  'orders.supervise': ['admin', 'dispatcher', 'leader'],
  'orders.visit': ['admin', 'dispatcher'],
  'orders.configure': ['admin'],
  'orders.metrics': ['admin', 'dispatcher', 'leader'],
  'orders.own': ['citizen'],
  'notifications.read': ['admin', 'dispatcher', 'leader'],
  // 无人机指挥调度 drones
  'drones.read': ['admin', 'dispatcher', 'pilot', 'leader'],
  'drones.fly': ['admin', 'pilot'],
  'drones.manage': ['admin'],
  'drones.review': ['admin', 'dispatcher', 'pilot'],
  // 一网通办 government services
  'services.read': ['admin', 'clerk', 'handler', 'leader'],
  'services.catalogue.manage': ['admin'],
  'services.cases.accept': ['admin', 'clerk'],
  'services.cases.review': ['admin', 'handler'],
  'services.cases.read': ['admin', 'clerk', 'handler', 'leader'],
  'services.ratings.manage': ['admin', 'handler', 'leader'],
  'services.hall.counter': ['admin', 'clerk'],
  'services.hall.admin': ['admin'],
  // 城市大脑 city brain
  'brain.read': ['admin', 'dispatcher', 'leader'],
  'brain.manage': ['admin'],
  'brain.datasets.read': ['admin', 'dispatcher', 'handler', 'leader'],
  'brain.datasets.manage': ['admin'],
  'brain.datasets.upload': ['admin', 'handler'],
  // held by API keys only (machine clients)
  'open311.submit': [],
  'hotline.callerid': [],
  'drones.findings.submit': [],
  'brain.datasets.push': [],
  'brain.readings.submit': [],
};

const allowed = (permission: string, role: Role | null): boolean => {
  const holders = EXPECTED[permission];
  if (holders === 'public') return true;
  return role !== null && holders.includes(role);
};

describe.each(dialects('permissions'))('route × role permissions (%s)', (dialect) => {
  let app: TestApp;
  let routes: RouteShape[];
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    app = await startTestApp(dialect);
    routes = apiRoutes(app);
    for (const role of ROLES) clients.set(role, await login(app, role));
  });
  afterAll(() => app?.dispose());

  it('knows every registered route’s permission', () => {
    expect(routes.length).toBeGreaterThan(20);
    const unknown = routes
      .filter((r) => !(r.permission in EXPECTED))
      .map((r) => `${r.method} ${r.url}: ${r.permission}`);
    expect(unknown, 'add these permissions to EXPECTED').toEqual([]);
  });

  it('gives each role exactly the permissions in the table (GET /api/me)', async () => {
    for (const role of ROLES) {
      const me = await clients.get(role)!.get('/api/me');
      expect(me.status).toBe(200);
      const want = Object.entries(EXPECTED)
        .filter(([perm, holders]) => holders !== 'public' && perm !== 'authenticated' && holders.includes(role))
        .map(([perm]) => perm)
        .sort();
      expect(me.body.permissions, role).toEqual(want);
    }
  });

  it('answers every route for every role as the table says', async () => {
    const problems: string[] = [];
    let checked = 0;
    // session-ending routes go last, each with a throwaway login, so the shared sessions survive
    const ordered = [...routes.filter((r) => !endsSession(r)), ...routes.filter(endsSession)];
    for (const route of ordered) {
      const url = fillPath(route);
      const body = route.method === 'GET' ? undefined : {};
      for (const role of [null, ...ROLES] as const) {
        let client = role ? clients.get(role)! : anonymous(app);
        if (role && endsSession(route)) client = await login(app, role);
        const res = await client.request(route.method, url, body);
        checked++;
        const where = `${route.method} ${url} [${route.permission}] as ${role ?? 'anonymous'} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
        if (allowed(route.permission, role)) {
          // Open311 (GeoReport v2) itself answers 403 in its own format when a submission has no
          // api_key: that is the protocol's rule, not the platform's guard
          const open311Own = route.url.startsWith('/open311/') && Array.isArray(res.body);
          if (((res.status === 401 || res.status === 403) && !open311Own) || res.status >= 500)
            problems.push(`should pass the guard: ${where}`);
        } else if (role === null) {
          if (res.status !== 401 || res.body?.error?.code !== 'unauthorized')
            problems.push(`should be 401 unauthorized: ${where}`);
        } else if (res.status !== 403 || res.body?.error?.code !== 'forbidden') {
          problems.push(`should be 403 forbidden: ${where}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(routes.length * (ROLES.length + 1));
  }, 180_000); // ~600 requests: seconds on an idle machine, far more on a busy CI box
});
