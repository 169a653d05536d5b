/** 无人机指挥调度 pages for the menu and the router: the live command map and the device registry. */
import { AimOutlined, ClusterOutlined, RocketOutlined } from '@ant-design/icons';
import type { NavEntry, NavGroup } from '../../navTypes';
import { StopOutlined } from '@ant-design/icons';
import { BarChartOutlined, BranchesOutlined, BulbOutlined, CameraOutlined } from '@ant-design/icons';
import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';

export const dronesNavGroups: NavGroup[] = [{ key: 'drones', labelKey: 'nav.drones', icon: RocketOutlined, order: 30 }];

export const dronesNav: NavEntry[] = [
  {
    key: 'drones-live',
    group: 'drones',
    path: '/drones',
    labelKey: 'nav.drones.live',
    icon: AimOutlined,
    permission: 'drones.read',
    order: 10,
    page: () => import('./pages/live/LiveMapPage'),
  },
  {
    key: 'drones-devices',
    group: 'drones',
    path: '/drones/devices',
    labelKey: 'nav.drones.devices',
    icon: ClusterOutlined,
    permission: 'drones.read',
    order: 20,
    page: () => import('./pages/devices/DevicesPage'),
  },
  // 航线 (drawing, import and delete need drones.fly; the page hides them from readers)
  {
    key: 'drones-routes',
    group: 'drones',
    path: '/drones/routes',
    labelKey: 'nav.drones.routes',
    icon: BranchesOutlined,
    permission: 'drones.read',
    order: 32,
    page: () => import('./pages/routes/RoutesPage'),
  },
  {
    key: 'drones-media',
    group: 'drones',
    path: '/drones/media',
    labelKey: 'nav.drones.media',
    icon: CameraOutlined,
    permission: 'drones.read',
    order: 50,
    page: () => import('./pages/media/MediaPage'),
  },
  // AI 发现 (confirm / dismiss need drones.review)
  {
    key: 'drones-findings',
    group: 'drones',
    path: '/drones/findings',
    labelKey: 'nav.drones.findings',
    icon: BulbOutlined,
    permission: 'drones.read',
    order: 60,
    page: () => import('./pages/findings/FindingsPage'),
  },
  {
    key: 'drones-stats',
    group: 'drones',
    path: '/drones/stats',
    labelKey: 'nav.drones.stats',
    icon: BarChartOutlined,
    permission: 'drones.read',
    order: 70,
    page: () => import('./pages/stats/StatsPage'),
  },
  // 电子围栏 (new / edit / delete / sync now need drones.manage; the page hides them from readers)
  {
    key: 'drones-geofences',
    group: 'drones',
    path: '/drones/geofences',
    labelKey: 'nav.drones.geofences',
    icon: StopOutlined,
    permission: 'drones.read',
    order: 40,
    page: () => import('./pages/geofences/GeofencesPage'),
  },
  // 航班与定时计划 (planning, commands and schedule edits need drones.fly), 航班日历
  {
    key: 'drones-flights',
    group: 'drones',
    path: '/drones/flights',
    labelKey: 'nav.drones.flights',
    icon: ScheduleOutlined,
    permission: 'drones.read',
    order: 34,
    page: () => import('./pages/flights/FlightsPage'),
  },
  {
    key: 'drones-calendar',
    group: 'drones',
    path: '/drones/calendar',
    labelKey: 'nav.drones.calendar',
    icon: CalendarOutlined,
    permission: 'drones.read',
    order: 36,
    page: () => import('./pages/calendar/CalendarPage'),
  },
];
