/** Who is calling: a logged-in user or a machine client holding an API key. */
export interface Principal {
  kind: 'user' | 'apikey';
  id: string;
  name: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  /** The caller's organisation and its materialised path (data scope is this subtree). */
  orgId: string | null;
  orgPath: string | null;
  /** True when the caller may see the whole street regardless of organisation. */
  allScope: boolean;
  sessionId?: string;
  csrfToken?: string;
}

/** Special permission words a route can declare instead of a real permission. */
export const PUBLIC = 'public';
export const AUTHENTICATED = 'authenticated';

export function can(p: Principal | null | undefined, permission: string): boolean {
  if (permission === PUBLIC) return true;
  if (!p) return false;
  if (permission === AUTHENTICATED) return true;
  return p.permissions.has(permission);
}

/** Whether an organisation (by path) lies in the caller's data scope. */
export function inScope(p: Principal, orgPath: string | null | undefined): boolean {
  if (p.allScope) return true;
  if (!p.orgPath || !orgPath) return false;
  return orgPath.startsWith(p.orgPath);
}
