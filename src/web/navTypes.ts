/** The shape of menu/router entries; the shell's nav.ts and every module's nav.ts list pages in it. */
import type { ComponentType } from 'react';
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
  /** Permission(s) needed to see the entry and open the page (a list: all of them); none = any logged-in user. */
  permission?: string | readonly string[];
  /** Left out of the menu for holders of this permission (the citizen's orders.own: not the staff's forms). */
  notFor?: string;
  /** Key of a NavGroup to nest under; none = top level. */
  group?: string;
  /** Sort order within its level (smaller first). */
  order?: number;
  /** The page, loaded on demand (one chunk per page). */
  page: () => Promise<PageModule>;
  /** A route without a menu item. */
  hidden?: boolean;
  /** Drawn without the app's menu and header (print sheets); still behind login and `permission`. */
  bare?: boolean;
}

export interface NavGroup {
  key: string;
  labelKey: MessageKey;
  icon?: ComponentType;
  order?: number;
}
