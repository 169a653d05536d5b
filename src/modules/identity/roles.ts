/** Roles and what each may do. One table, shown read-only on the admin 角色 page. */

export const ROLES = ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'leader', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  dispatcher: { zh: '中心调度员', en: 'Dispatcher' },
  handler: { zh: '部门/社区办理人', en: 'Handler' },
  clerk: { zh: '窗口人员', en: 'Window clerk' },
  pilot: { zh: '无人机飞手', en: 'Drone pilot' },
  leader: { zh: '领导', en: 'Leader' },
  citizen: { zh: '市民', en: 'Citizen' },
};

/** Roles whose data scope is the whole street; the others see their organisation's subtree. */
export const STREET_WIDE_ROLES: ReadonlySet<string> = new Set(['admin', 'dispatcher', 'leader']);

const ALL: Role[] = [...ROLES];
const STAFF: Role[] = ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'leader'];

/** permission → roles that hold it. API keys are granted permissions directly. */
export const GRANTS: Record<string, Role[]> = {
  // identity and administration
  'orgs.read': STAFF,
  'orgs.manage': ['admin'],
  // handlers list the users of their own organisation subtree (AdminService.users scopes the list)
  'users.read': ['admin', 'dispatcher', 'handler', 'leader'],
  'users.manage': ['admin'],
  'roles.read': ['admin'],
  'apikeys.manage': ['admin'],
  'pii.reveal': ['admin', 'dispatcher'],
  'audit.read': ['admin', 'leader'],
  'audit.verify': ['admin'],
  // the map and the calendar
  'geo.read': ALL,
  'geo.manage': ['admin'],
  'calendar.read': STAFF,
  'calendar.manage': ['admin'],
  // 一网统管 work orders
  'orders.create': ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'citizen'],
  'orders.read': ['admin', 'dispatcher', 'handler', 'leader'],
  'orders.dispatch': ['admin', 'dispatcher'],
  'orders.handle': ['handler'],
  'orders.supervise': ['admin', 'dispatcher', 'leader'],
  'orders.visit': ['admin', 'dispatcher'],
  'orders.configure': ['admin'],
  'orders.metrics': ['admin', 'dispatcher', 'leader'],
  'orders.own': ['citizen'],
  'notifications.read': ['admin', 'dispatcher', 'leader'],
};

/** Permissions an API key may be given (machine clients). */
export const API_KEY_PERMISSIONS = ['orders.create', 'orders.read', 'geo.read', 'open311.submit'];

export function permissionsOf(roles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const [perm, holders] of Object.entries(GRANTS)) {
    if (holders.some((r) => roles.includes(r))) out.add(perm);
  }
  return out;
}

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}
