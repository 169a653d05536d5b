/** Reference lists several admin pages need: organisations and roles. */
import { api } from '../api';
import { type List as Items } from '../../platform/contract';
import { type Org, type RoleInfo, type RolesResponse } from '../../modules/identity/contract';
import { useLoad } from './useLoad';

/** Roles the seed data knows, used when /api/roles cannot be read. */
export const KNOWN_ROLES = ['admin', 'dispatcher', 'handler', 'clerk', 'pilot', 'leader', 'citizen'];

export function useOrgs() {
  const r = useLoad((signal) => api.get<Items<Org>>('/api/orgs', undefined, { signal }), []);
  return { ...r, orgs: r.data?.items ?? [] };
}

export function useRoles() {
  const r = useLoad((signal) => api.get<RolesResponse>('/api/roles', undefined, { signal }), []);
  const roles: RoleInfo[] =
    r.data?.items ??
    (r.error ? KNOWN_ROLES.map((role) => ({ role, label: role, labelEn: role, permissions: [] })) : []);
  return { ...r, roles, apiKeyPermissions: r.data?.apiKeyPermissions ?? [] };
}
