import { Suspense, useEffect, useState } from 'react';
import { Grid, Layout, Spin } from 'antd';
import { Outlet, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { SideMenu } from './SideMenu';
import { HeaderBar } from './HeaderBar';
import { Logo } from './Logo';
import { ErrorBoundary } from '../components/ErrorBoundary';

const COLLAPSE_KEY = 'yiwang.siderCollapsed';

export function AppLayout() {
  const t = useT();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  // On a phone (an inspector in the street) the menu is a drawer over the page, closed by default.
  const phone = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const toggle = () => {
    if (phone) {
      setMenuOpen((o) => !o);
      return;
    }
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
      return !c;
    });
  };
  const siderCollapsed = phone ? !menuOpen : collapsed;
  return (
    <Layout className="app-shell">
      <Layout.Sider
        collapsible
        collapsed={siderCollapsed}
        onCollapse={(c) => (phone ? undefined : setCollapsed(c))}
        trigger={null}
        width={224}
        collapsedWidth={phone ? 0 : undefined}
        breakpoint="lg"
        className={phone ? 'app-sider app-sider-phone' : 'app-sider'}
        data-testid="app-sider"
        data-open={phone ? String(menuOpen) : undefined}
      >
        <div className="app-brand" title={`${t('app.name')} · ${t('app.title')}`}>
          <Logo size={28} />
          {siderCollapsed ? null : (
            <div className="app-brand-text">
              <div className="app-brand-name">{t('app.name')}</div>
              <div className="app-brand-sub">{t('app.shortTitle')}</div>
            </div>
          )}
        </div>
        <SideMenu collapsed={siderCollapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header-wrap">
          <HeaderBar collapsed={siderCollapsed} onToggle={toggle} />
        </Layout.Header>
        <Layout.Content className="app-content">
          <ErrorBoundary key={location.pathname} title={t('error.pageCrashed')} retryText={t('common.retry')}>
            <Suspense fallback={<Spin size="large" className="page-spin" />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
