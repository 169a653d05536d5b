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
  // the 地名库 search of the address box: the staff who register orders
  'geo.gazetteer.search': ['admin', 'dispatcher', 'handler', 'clerk', 'pilot'],
  'calendar.read': STAFF,
  'calendar.manage': ['admin'],
  // 一网统管 work orders
  'orders.create': ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'citizen'],
  // a clerk reads the orders they registered themselves (queries.service scopeOf)
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
  // 一网通办 government services: the catalogue's drafts and administration (published guides are public)
  'services.read': ['admin', 'clerk', 'handler', 'leader'],
  'services.catalogue.manage': ['admin'],
  // 办件 cases: the comprehensive window accepts and hands out, the departments review and approve;
  // an applicant's own cases need only a login (the cases service checks ownership)
  'services.cases.accept': ['admin', 'clerk'],
  'services.cases.review': ['admin', 'handler'],
  'services.cases.read': ['admin', 'clerk', 'handler', 'leader'],
  // 好差评: departments rectify bad ratings (call-back, fix, 不实差评); leaders review staff appeals
  'services.ratings.manage': ['admin', 'handler', 'leader'],
  // 取号叫号: window clerks issue tickets and work their counter; admins set up groups and counters
  'services.hall.counter': ['admin', 'clerk'],
  'services.hall.admin': ['admin'],
  // 城市大脑 city brain: cameras (and, as they come, devices and alarms) seen by leaders and dispatchers
  'brain.read': ['admin', 'dispatcher', 'leader'],
  'brain.manage': ['admin'],
  // 部门数据 department datasets: read by the centre, leaders and the departments; defined by admins;
  // uploaded by the owner department's staff (the versions service checks the department)
  'brain.datasets.read': ['admin', 'dispatcher', 'handler', 'leader'],
  'brain.datasets.manage': ['admin'],
  'brain.datasets.upload': ['admin', 'handler'],
};

/** Permissions an API key may be given (machine clients). */
export const API_KEY_PERMISSIONS = [
  'orders.create',
  'orders.read',
  'geo.read',
  'open311.submit',
  'hotline.callerid',
  'drones.findings.submit',
  // IoT gateways pushing device readings in batches (城市大脑)
  'brain.readings.submit',
  // a provincial 事项管理系统 pushing item changes
  'services.catalogue.manage',
  // a department's system pushing dataset rows (部门数据)
  'brain.datasets.push',
];

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
