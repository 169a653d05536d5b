/** identity: organisations (street → departments/communities → units/grids), users, roles, API keys. */
import type { Http } from '../../platform/http';
import type { PlatformContext } from '../../platform/context';
import { AuthService } from './auth-service';
import { AdminService } from './admin-service';
import { identityRoutes } from './routes';

export { ROLES, GRANTS, permissionsOf, type Role } from './roles';
export { maskPhone, maskIdCard, maskName } from './pii';
export { findOrg, findOrgByCode, listOrgs } from './repo';

export function mountIdentity(p: PlatformContext) {
  const auth = new AuthService(p);
  const admin = new AdminService(p);
  return {
    auth,
    admin,
    routes: (app: Http) => identityRoutes(app, p, auth, admin),
  };
}
