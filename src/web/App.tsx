import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { App as AntApp, ConfigProvider, Spin, theme as antTheme, type ThemeConfig } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Route, Routes } from 'react-router-dom';
import { useI18n } from './i18n';
import { AuthProvider } from './auth';
import { navEntries, type NavEntry } from './nav';
import { AppLayout } from './layout/AppLayout';
import { RequireAuth } from './layout/RequireAuth';
import { LoginPage } from './modules/identity/pages/login/LoginPage';
import { NotFound } from './components/Results';
import { ErrorBoundary } from './components/ErrorBoundary';
import { citizenRoutes, CitizenLoginLinks } from './modules/orders/pages/citizen/publicRoutes';

const theme: ThemeConfig = {
  algorithm: antTheme.defaultAlgorithm,
  token: {
    colorPrimary: '#1668dc',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#0b1f3a', headerBg: '#ffffff', headerPadding: '0 16px' },
    Menu: { darkItemBg: '#0b1f3a', darkSubMenuItemBg: '#07172c' },
  },
};

/** One lazy component per registry entry, made once so routes keep their state. */
const pages = new Map<string, LazyExoticComponent<ComponentType>>();
function pageFor(entry: NavEntry): LazyExoticComponent<ComponentType> {
  let page = pages.get(entry.key);
  if (!page) {
    page = lazy(entry.page);
    pages.set(entry.key, page);
  }
  return page;
}

export function App() {
  const { lang, t } = useI18n();
  // Before rendering, so date pickers and calendars draw in the new language at once.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');

  return (
    <ConfigProvider locale={lang === 'en' ? enUSLocale : zhCNLocale} theme={theme}>
      <AntApp>
        <AuthProvider>
          <Routes>
            <Route
              path="/login"
              element={
                <>
                  <LoginPage />
                  <CitizenLoginLinks />
                </>
              }
            />
            {citizenRoutes()}
            {navEntries
              .filter((entry) => entry.bare)
              .map((entry) => {
                const Page = pageFor(entry);
                return (
                  <Route
                    key={entry.key}
                    path={entry.routePath ?? entry.path}
                    element={
                      <RequireAuth permission={entry.permission}>
                        <ErrorBoundary title={t('error.pageCrashed')} retryText={t('common.retry')}>
                          <Suspense fallback={<Spin size="large" className="page-spin" />}>
                            <Page />
                          </Suspense>
                        </ErrorBoundary>
                      </RequireAuth>
                    }
                  />
                );
              })}
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              {navEntries
                .filter((entry) => !entry.bare)
                .map((entry) => {
                  const Page = pageFor(entry);
                  return (
                    <Route
                      key={entry.key}
                      path={entry.routePath ?? entry.path}
                      element={
                        <RequireAuth permission={entry.permission}>
                          <Page />
                        </RequireAuth>
                      }
                    />
                  );
                })}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
