/** identity: organisations (street → departments/communities → units/grids), users, roles, API keys. */
import type { Http } from '../../platform/http';
import type { PlatformContext } from '../../platform/context';
import { AuthService } from './auth-service';
import { AdminService } from './admin-service';
import { identityRoutes } from './routes';
import { identityDirectory } from './directory';

export { ROLES, GRANTS, permissionsOf, type Role } from './roles';
export { maskPhone, maskIdCard, maskName } from './pii';
export { findOrg, findOrgByCode, listOrgs } from './repo';
export type { Directory, OrgEntry } from './directory';

export function mountIdentity(p: PlatformContext) {
  const auth = new AuthService(p);
  const admin = new AdminService(p);
  return {
    auth,
    admin,
    /** Organisations and users as other modules see them. */
    directory: identityDirectory(p),
    routes: (app: Http) => identityRoutes(app, p, auth, admin),
  };
}
