import { Suspense, useState } from 'react';
import { Layout, Spin } from 'antd';
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
  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
      return !c;
    });
  };
  return (
    <Layout className="app-shell">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={(c) => setCollapsed(c)}
        trigger={null}
        width={224}
        breakpoint="lg"
        className="app-sider"
      >
        <div className="app-brand" title={`${t('app.name')} · ${t('app.title')}`}>
          <Logo size={28} />
          {collapsed ? null : (
            <div className="app-brand-text">
              <div className="app-brand-name">{t('app.name')}</div>
              <div className="app-brand-sub">{t('app.shortTitle')}</div>
            </div>
          )}
        </div>
        <SideMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header-wrap">
          <HeaderBar collapsed={collapsed} onToggle={toggle} />
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
