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
