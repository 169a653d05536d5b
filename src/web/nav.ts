/**
 * The navigation registry: every page of the app is one entry here, and the side menu and the
 * router are both built from it. To add a page, add an entry (and its label to both
 * i18n dictionaries):
 *
 *   { key: 'orders', path: '/orders', routePath: '/orders/*', labelKey: 'nav.orders',
 *     icon: FileTextOutlined, permission: 'orders.read', order: 20,
 *     page: () => import('./pages/orders/OrdersPage') }
 *
 * The menu shows an entry only when /api/me's permissions cover `permission` (names from
 * src/modules/identity/roles.ts GRANTS; 'orders.*' = any orders.… permission, see permissions.ts);
 * a group shows when any of its entries shows. The menu item
 * carries data-testid="nav-<key>".
 */
import type { ComponentType } from 'react';
import {
  ApartmentOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CameraOutlined,
  ControlOutlined,
  PhoneOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  PartitionOutlined,
  SolutionOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from './i18n/zh-CN';

export type PageModule = { default: ComponentType };

export interface NavEntry {
  /** Unique; the menu item gets data-testid="nav-<key>". */
  key: string;
  /** Where the menu links to. */
  path: string;
  /** Route pattern when it differs from `path`, e.g. '/orders/*' for pages with sub-routes. */
  routePath?: string;
  labelKey: MessageKey;
  icon?: ComponentType;
  /** Permission needed to see the entry and open the page; none = any logged-in user. */
  permission?: string;
  /** Key of a NavGroup to nest under; none = top level. */
  group?: string;
  /** Sort order within its level (smaller first). */
  order?: number;
  /** The page, loaded on demand (one chunk per page). */
  page: () => Promise<PageModule>;
  /** A route without a menu item. */
  hidden?: boolean;
}

export interface NavGroup {
  key: string;
  labelKey: MessageKey;
  icon?: ComponentType;
  order?: number;
}

export const navGroups: NavGroup[] = [
  { key: 'admin', labelKey: 'nav.admin', icon: SettingOutlined, order: 900 },
  { key: 'orders', labelKey: 'nav.orders', icon: FileTextOutlined, order: 20 },
];

export const navEntries: NavEntry[] = [
  {
    key: 'home',
    path: '/',
    labelKey: 'nav.home',
    icon: DashboardOutlined,
    order: 0,
    page: () => import('./pages/home/HomePage'),
  },
  {
    key: 'map',
    path: '/map',
    labelKey: 'nav.map',
    icon: EnvironmentOutlined,
    permission: 'geo.read',
    order: 10,
    page: () => import('./pages/map/MapPage'),
  },

  // 一网统管 · 工单
  {
    key: 'orders-new',
    group: 'orders',
    path: '/orders/new',
    labelKey: 'nav.orders.new',
    icon: FormOutlined,
    permission: 'orders.create',
    order: 10,
    page: () => import('./pages/orders/hotline/HotlinePage'),
  },
  {
    key: 'orders-dispatch',
    group: 'orders',
    path: '/orders',
    labelKey: 'nav.orders.dispatch',
    icon: PartitionOutlined,
    permission: 'orders.dispatch',
    order: 20,
    page: () => import('./pages/orders/DispatchWorkbenchPage'),
  },
  {
    key: 'orders-unit',
    group: 'orders',
    path: '/orders/unit',
    labelKey: 'nav.orders.unit',
    icon: SolutionOutlined,
    permission: 'orders.handle',
    order: 30,
    page: () => import('./pages/orders/UnitWorkbenchPage'),
  },
  {
    key: 'orders-detail',
    group: 'orders',
    path: '/orders/:id',
    labelKey: 'nav.orders.detail',
    permission: 'orders.read',
    hidden: true,
    page: () => import('./pages/orders/detail/OrderDetailPage'),
  },

  // 一网统管 · 督办、回访、考核、网格巡查
  {
    key: 'supervision',
    group: 'orders',
    path: '/supervision',
    labelKey: 'nav.ops.supervision',
    icon: AlertOutlined,
    permission: 'orders.supervise',
    order: 40,
    page: () => import('./pages/supervision/SupervisionPage'),
  },
  {
    key: 'visits',
    group: 'orders',
    path: '/visits',
    labelKey: 'nav.ops.visits',
    icon: PhoneOutlined,
    permission: 'orders.visit',
    order: 50,
    page: () => import('./pages/supervision/VisitsPage'),
  },
  {
    key: 'evaluation',
    group: 'orders',
    path: '/evaluation',
    labelKey: 'nav.ops.evaluation',
    icon: BarChartOutlined,
    permission: 'orders.metrics',
    order: 60,
    page: () => import('./pages/evaluation/EvaluationPage'),
  },
  {
    key: 'inspect',
    group: 'orders',
    path: '/inspect',
    labelKey: 'nav.ops.inspect',
    icon: CameraOutlined,
    permission: 'orders.create',
    order: 70,
    page: () => import('./pages/citizen/InspectPage'),
  },

  // 系统管理
  {
    key: 'admin-orgs',
    group: 'admin',
    path: '/admin/orgs',
    labelKey: 'nav.admin.orgs',
    icon: ApartmentOutlined,
    permission: 'orgs.manage',
    order: 10,
    page: () => import('./pages/admin/orgs/OrgsPage'),
  },
  {
    key: 'admin-users',
    group: 'admin',
    path: '/admin/users',
    labelKey: 'nav.admin.users',
    icon: TeamOutlined,
    permission: 'users.manage',
    order: 20,
    page: () => import('./pages/admin/users/UsersPage'),
  },
  {
    key: 'admin-roles',
    group: 'admin',
    path: '/admin/roles',
    labelKey: 'nav.admin.roles',
    icon: SafetyCertificateOutlined,
    permission: 'roles.read',
    order: 30,
    page: () => import('./pages/admin/roles/RolesPage'),
  },
  {
    key: 'admin-api-keys',
    group: 'admin',
    path: '/admin/api-keys',
    labelKey: 'nav.admin.apiKeys',
    icon: KeyOutlined,
    permission: 'apikeys.manage',
    order: 40,
    page: () => import('./pages/admin/apikeys/ApiKeysPage'),
  },
  {
    key: 'admin-geo',
    group: 'admin',
    path: '/admin/geo',
    labelKey: 'nav.admin.geo',
    icon: GlobalOutlined,
    permission: 'geo.manage',
    order: 50,
    page: () => import('./pages/admin/geo/GeoPage'),
  },
  {
    key: 'admin-audit',
    group: 'admin',
    path: '/admin/audit',
    labelKey: 'nav.admin.audit',
    icon: AuditOutlined,
    permission: 'audit.read',
    order: 60,
    page: () => import('./pages/admin/audit/AuditPage'),
  },
  {
    key: 'admin-calendar',
    group: 'admin',
    path: '/admin/calendar',
    labelKey: 'nav.admin.calendar',
    icon: CalendarOutlined,
    permission: 'calendar.read',
    order: 70,
    page: () => import('./pages/admin/calendar/CalendarPage'),
  },
  {
    key: 'admin-orders',
    group: 'admin',
    path: '/admin/orders',
    labelKey: 'nav.ops.admin.orders',
    icon: ControlOutlined,
    permission: 'orders.configure',
    order: 80,
    page: () => import('./pages/orders-admin/OrdersAdminPage'),
  },
];

const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 500) - (b.order ?? 500);

export interface VisibleNav {
  top: Array<
    | { kind: 'entry'; entry: NavEntry; order: number }
    | { kind: 'group'; group: NavGroup; entries: NavEntry[]; order: number }
  >;
}

/** The menu tree a user may see, sorted; groups without visible entries drop out. */
export function visibleNav(can: (permission: string | undefined) => boolean): VisibleNav['top'] {
  const shown = navEntries.filter((e) => !e.hidden && can(e.permission));
  const top: VisibleNav['top'] = shown
    .filter((e) => !e.group)
    .map((entry) => ({ kind: 'entry' as const, entry, order: entry.order ?? 500 }));
  for (const group of navGroups) {
    const entries = shown.filter((e) => e.group === group.key).sort(byOrder);
    if (entries.length) top.push({ kind: 'group', group, entries, order: group.order ?? 500 });
  }
  return top.sort(byOrder);
}

/** The entry whose path best matches a location (longest prefix), for the menu's selection. */
export function entryForPath(pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const e of navEntries) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/');
    if (match && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
