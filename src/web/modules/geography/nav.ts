/** The map, and the administration of communities, grids, places and the 地名库 (gazetteer). */
import { BookOutlined, EnvironmentOutlined, GlobalOutlined } from '@ant-design/icons';
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
  {
    key: 'admin-gazetteer',
    group: 'admin',
    path: '/admin/gazetteer',
    labelKey: 'nav.admin.gazetteer',
    icon: BookOutlined,
    permission: 'geo.manage',
    order: 51,
    page: () => import('./pages/gazetteer/GazetteerPage'),
  },
];
