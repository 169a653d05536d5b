/** 一网通办 pages for the menu and the router: the catalogue search, an item's 办事指南, applying, 我的办件, 好差评. */
import { BookOutlined, SearchOutlined } from '@ant-design/icons';
import type { NavEntry, NavGroup } from '../../navTypes';
import { LikeOutlined, ProfileOutlined } from '@ant-design/icons';

export const servicesNavGroups: NavGroup[] = [
  { key: 'services', labelKey: 'nav.services', icon: BookOutlined, order: 25 },
];

export const servicesNav: NavEntry[] = [
  {
    key: 'services-catalogue',
    group: 'services',
    path: '/services',
    labelKey: 'nav.services.catalogue',
    icon: SearchOutlined,
    order: 10,
    page: () => import('./pages/CataloguePage'),
  },
  {
    key: 'services-guide',
    path: '/services/guides/:id',
    labelKey: 'nav.services.guide',
    hidden: true,
    page: () => import('./pages/GuidePage'),
  },
  // 申请办理 from a guide, 我的办件 and a case's detail: any logged-in user applies online for themselves
  {
    key: 'services-mine',
    group: 'services',
    path: '/services/mine',
    labelKey: 'nav.services.mine',
    icon: ProfileOutlined,
    order: 15,
    page: () => import('./pages/cases/MyCasesPage'),
  },
  {
    key: 'services-apply',
    path: '/services/apply/:itemId',
    labelKey: 'nav.services.apply',
    hidden: true,
    page: () => import('./pages/cases/ApplyPage'),
  },
  {
    key: 'services-case',
    path: '/services/cases/:id',
    labelKey: 'nav.services.case',
    hidden: true,
    page: () => import('./pages/cases/CasePage'),
  },
  // 好差评: figures and the rectification queue (call-back / fix need services.ratings.manage)
  {
    key: 'services-ratings',
    group: 'services',
    path: '/services/ratings',
    labelKey: 'nav.services.ratings',
    icon: LikeOutlined,
    permission: 'services.read',
    order: 80,
    page: () => import('./pages/ratings/RatingsPage'),
  },
];
