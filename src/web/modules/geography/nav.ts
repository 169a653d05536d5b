/** The map, and the administration of communities, grids and places. */
import { EnvironmentOutlined, GlobalOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../navTypes';

export const geographyNav: NavEntry[] = [
  {
    key: 'map',
    path: '/map',
    labelKey: 'nav.map',
    icon: EnvironmentOutlined,
    permission: 'geo.read',
    order: 10,
    page: () => import('./pages/map/MapPage'),
  },
  {
    key: 'admin-geo',
    group: 'admin',
    path: '/admin/geo',
    labelKey: 'nav.admin.geo',
    icon: GlobalOutlined,
    permission: 'geo.manage',
    order: 50,
    page: () => import('./pages/geo/GeoPage'),
  },
];
