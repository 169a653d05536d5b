/** 城市大脑 pages for the menu and the router: the camera map (more come with devices and alarms). */
import { ApartmentOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { NavEntry, NavGroup } from '../../navTypes';

export const brainNavGroups: NavGroup[] = [{ key: 'brain', labelKey: 'nav.brain', icon: ApartmentOutlined, order: 35 }];

export const brainNav: NavEntry[] = [
  {
    key: 'brain-cameras',
    group: 'brain',
    path: '/brain/cameras',
    labelKey: 'nav.brain.cameras',
    icon: VideoCameraOutlined,
    permission: 'brain.read',
    order: 10,
    page: () => import('./pages/CameraMapPage'),
  },
];
