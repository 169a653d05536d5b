/**
 * Who acts on a case: the caller (a Principal) as the case model's CaseActor. Permissions give the
 * roles (services.cases.accept → window clerk and issuing window; services.cases.review → reviewer
 * and approver; anyone → applicant of their own cases, agent under their delegation). The data
 * scope gives the departments (the caller's organisation subtree) and the sites: a clerk works at
 * the community service centres of the communities in their scope, and — when no community centre
 * is in their scope — at the administrative service centre(s). Street-wide callers reach every site.
 */
import type { Principal } from '../../../platform/auth/principal';
import type { Db } from './deps';
import type { OrgLookup } from '../org-check';
import { listSites } from '../sites/sites.repo';
import type { CaseActor, CaseRole } from './model';

export const PERM_ACCEPT = 'services.cases.accept';
export const PERM_REVIEW = 'services.cases.review';
export const PERM_READ = 'services.cases.read';

export interface ActorScope {
  actor: CaseActor;
  /** Every site / department the caller reaches (for the queues). */
  siteIds: string[];
  orgIds: string[];
}

export async function actorOf(db: Db, orgs: OrgLookup, pr: Principal): Promise<ActorScope> {
  const roles: CaseRole[] = ['applicant', 'agent'];
  const accept = pr.permissions.has(PERM_ACCEPT);
  const review = pr.permissions.has(PERM_REVIEW);
  if (accept) roles.push('window_clerk', 'issuing_window');
  if (review) roles.push('reviewer', 'approver');
  let orgIds: string[] = [];
  let siteIds: string[] = [];
  if (accept || review || pr.permissions.has(PERM_READ)) {
    const all = [...(await orgs()).values()];
    const mine = pr.allScope ? all : all.filter((o) => pr.orgPath && o.path.startsWith(pr.orgPath));
    orgIds = mine.map((o) => o.id);
    const sites = await listSites(db);
    if (pr.allScope) siteIds = sites.map((s) => s.id);
    else {
      const inScope = new Set(orgIds);
      const community = sites.filter((s) => s.community_org_id && inScope.has(s.community_org_id));
      siteIds = (community.length ? community : sites.filter((s) => s.kind === 'centre')).map((s) => s.id);
    }
  }
  return {
    actor: { userId: pr.id, roles, orgIds: review ? orgIds : [], siteIds: accept ? siteIds : [] },
    siteIds,
    orgIds,
  };
}
