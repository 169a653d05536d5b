/**
 * The navigation registry: every page of the app is one entry here or in a module's `modules/<m>/nav.ts`, and the side menu and the
 * router are both built from it. To add a page, add an entry (and its label to both
 * i18n dictionaries):
 *
 *   { key: 'orders', path: '/orders', routePath: '/orders/*', labelKey: 'nav.orders',
 *     icon: FileTextOutlined, permission: 'orders.read', order: 20,
 *     page: () => import('./modules/orders/pages/OrdersPage') }
 *
 * The menu shows an entry only when /api/me's permissions cover `permission` (names from
 * src/modules/identity/roles.ts GRANTS; 'orders.*' = any orders.… permission, see permissions.ts;
 * a list = all of them) and, with `notFor`, the user does not hold that one (citizens do not get the
 * staff's forms); a group shows when any of its entries shows. The menu item
 * carries data-testid="nav-<key>".
 */
import {
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { NavEntry, NavGroup } from './navTypes';
import { canAll } from './permissions';
import { geographyNav } from './modules/geography/nav';
import { identityNav } from './modules/identity/nav';
import { ordersNav } from './modules/orders/nav';
import { dronesNav, dronesNavGroups } from './modules/drones/nav';
import { servicesNav, servicesNavGroups } from './modules/services/nav';
import { brainNav, brainNavGroups } from './modules/brain/nav';

export type { NavEntry, NavGroup, PageModule } from './navTypes';

export const navGroups: NavGroup[] = [
  { key: 'admin', labelKey: 'nav.admin', icon: SettingOutlined, order: 900 },
  { key: 'orders', labelKey: 'nav.orders', icon: FileTextOutlined, order: 20 },
  ...dronesNavGroups,
  ...servicesNavGroups,
  ...brainNavGroups,
];

/** The shell's own pages (home, audit log, working calendar); each module lists its own in its nav.ts. */
const shellNav: NavEntry[] = [
  {
    key: 'home',
    path: '/',
    labelKey: 'nav.home',
    icon: DashboardOutlined,
    order: 0,
    page: () => import('./pages/home/HomePage'),
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
];

export const navEntries: NavEntry[] = [
  ...shellNav,
  ...geographyNav,
  ...ordersNav,
  ...identityNav,
  ...dronesNav,
  ...servicesNav,
  ...brainNav,
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
  const shown = navEntries.filter((e) => !e.hidden && canAll(can, e.permission) && !(e.notFor && can(e.notFor)));
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
