import { createElement, useMemo, useState } from 'react';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth';
import { useT } from '../i18n';
import { entryForPath, visibleNav, type NavEntry } from '../nav';

type Item = Required<MenuProps>['items'][number];

/** The side menu, built from the nav registry and filtered by the user's permissions. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  const { can } = useAuth();
  const location = useLocation();
  const tree = useMemo(() => visibleNav(can), [can]);
  const current = entryForPath(location.pathname);
  // Every group starts open so all links are on the page (and reachable by tests) at once.
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    tree.filter((n) => n.kind === 'group').map((n) => `group-${n.group.key}`),
  );

  const entryItem = (e: NavEntry): Item => ({
    key: e.key,
    icon: e.icon ? createElement(e.icon) : undefined,
    label: (
      <Link to={e.path} data-testid={`nav-${e.key}`}>
        {t(e.labelKey)}
      </Link>
    ),
  });

  const items: Item[] = tree.map((n) =>
    n.kind === 'entry'
      ? entryItem(n.entry)
      : {
          key: `group-${n.group.key}`,
          icon: n.group.icon ? createElement(n.group.icon) : undefined,
          label: <span data-testid={`nav-${n.group.key}`}>{t(n.group.labelKey)}</span>,
          children: n.entries.map(entryItem),
        },
  );

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={current ? [current.key] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
    />
  );
}
