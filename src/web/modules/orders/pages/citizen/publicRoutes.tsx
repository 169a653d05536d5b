/**
 * The citizen pages that need no login (/report, /track), mounted by App.tsx next to /login, and
 * the links to them shown on the login page. The pages themselves load on demand.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { Link, Route } from 'react-router-dom';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import './loginLinks.css';

const ReportPage = lazy(() => import('./ReportPage'));
const TrackPage = lazy(() => import('./TrackPage'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spin size="large" className="page-spin" />}>{children}</Suspense>;
}

/** <Route> elements for App.tsx's <Routes> (outside the authenticated layout). */
export function citizenRoutes() {
  return [
    <Route
      key="report"
      path="/report"
      element={
        <Lazy>
          <ReportPage />
        </Lazy>
      }
    />,
    <Route
      key="track"
      path="/track"
      element={
        <Lazy>
          <TrackPage />
        </Lazy>
      }
    />,
  ];
}

/** "市民：我要反映 / 查询进度", pinned to the bottom of the login page. */
export function CitizenLoginLinks() {
  const t = useT();
  const { me } = useAuth();
  if (me) return null; // the login page is about to redirect
  return (
    <div className="cz-login-links" data-testid="login-citizen-links">
      <span>
        {t('ops.cz.citizen')}
        <Link to="/report" data-testid="login-link-report">
          {t('ops.cz.report')}
        </Link>
        /
        <Link to="/track" data-testid="login-link-track">
          {t('ops.cz.track')}
        </Link>
      </span>
    </div>
  );
}
