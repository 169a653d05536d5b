/** Who is logged in: /api/me on start, login/logout, and the permission check the UI uses. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api';
import { hasPermission } from './permissions';
import { type LoginResult, type Me } from '../modules/identity/contract';

interface AuthValue {
  /** undefined while the first /api/me is in flight; null when logged out. */
  me: Me | null | undefined;
  /** True after the user logged out themselves (the login page then forgets where they were). */
  loggedOut: boolean;
  can: (permission: string | undefined) => boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/me', undefined, { allow401: true });
    setCsrfToken(me.csrfToken ?? null);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setMe(await fetchMe());
    } catch {
      // Server unreachable: show the login page, which reports errors on submit.
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
    // Any 401 from a later call means the session ended: drop it and the router shows /login.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api.post<LoginResult>('/api/auth/login', { username, password }, { allow401: true });
    setCsrfToken(res.csrfToken);
    setLoggedOut(false);
    // /api/me carries the permissions the navigation needs.
    const full = await fetchMe();
    setMe(full ?? { user: res.user, permissions: [], csrfToken: res.csrfToken });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { allow401: true });
    } finally {
      setCsrfToken(null);
      setLoggedOut(true);
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      loggedOut,
      can: (p) => hasPermission(me?.permissions ?? [], p),
      login,
      logout,
      refresh,
    }),
    [me, loggedOut, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
