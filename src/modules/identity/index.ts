/** identity: organisations (street → departments/communities → units/grids), users, roles, API keys. */
import type { Http } from '../../platform/http';
import type { PlatformContext } from '../../platform/context';
import { AuthService } from './auth-service';
import { AdminService } from './admin-service';
import { identityRoutes } from './routes';
import { identityDirectory, type Directory } from './directory';
import type { MountedModule } from '../../platform/module';
import { identityAuditSubjects } from './audit-subjects';

export { ROLES, GRANTS, permissionsOf, type Role } from './roles';
export { maskPhone, maskIdCard, maskName } from './pii';
export { findOrg, findOrgByCode, listOrgs } from './repo';
export type { Directory, OrgEntry } from './directory';

/** What other modules (and the app's auth hook) use of identity. */
export interface IdentityApi {
  auth: AuthService;
  admin: AdminService;
  /** Organisations and users as other modules see them. */
  directory: Directory;
}

export function mountIdentity(p: PlatformContext): MountedModule<IdentityApi> {
  const auth = new AuthService(p);
  const admin = new AdminService(p);
  return {
    name: 'identity',
    api: { auth, admin, directory: identityDirectory(p) },
    routes: (app: Http) => identityRoutes(app, p, auth, admin),
    auditSubjects: identityAuditSubjects(p),
  };
}
