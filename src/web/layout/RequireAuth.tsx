import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useAuth } from '../auth';
import { Forbidden } from '../components/Results';
import { canAll } from '../permissions';

/** Logged-out users go to /login?next=…; users without the permission see a 403. */
export function RequireAuth({
  permission,
  children,
}: {
  permission?: string | readonly string[];
  children: ReactNode;
}) {
  const { me, can, loggedOut } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Spin size="large" className="page-spin" />;
  if (me === null) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' || loggedOut ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!canAll(can, permission)) return <Forbidden />;
  return <>{children}</>;
}
