/** System administration of organisations, users, roles and API keys. */
import { ApartmentOutlined, KeyOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../navTypes';

export const identityNav: NavEntry[] = [
  // 系统管理
  {
    key: 'admin-orgs',
    group: 'admin',
    path: '/admin/orgs',
    labelKey: 'nav.admin.orgs',
    icon: ApartmentOutlined,
    permission: 'orgs.manage',
    order: 10,
    page: () => import('./pages/orgs/OrgsPage'),
  },
  {
    key: 'admin-users',
    group: 'admin',
    path: '/admin/users',
    labelKey: 'nav.admin.users',
    icon: TeamOutlined,
    permission: 'users.manage',
    order: 20,
    page: () => import('./pages/users/UsersPage'),
  },
  {
    key: 'admin-roles',
    group: 'admin',
    path: '/admin/roles',
    labelKey: 'nav.admin.roles',
    icon: SafetyCertificateOutlined,
    permission: 'roles.read',
    order: 30,
    page: () => import('./pages/roles/RolesPage'),
  },
  {
    key: 'admin-api-keys',
    group: 'admin',
    path: '/admin/api-keys',
    labelKey: 'nav.admin.apiKeys',
    icon: KeyOutlined,
    permission: 'apikeys.manage',
    order: 40,
    page: () => import('./pages/apikeys/ApiKeysPage'),
  },
];
