import { badRequest } from '../../platform/errors';
import type { Directory } from '../identity/directory';

/** Throws 400 `unknown_org` for an organisation id the identity directory does not hold; null/absent passes. */
export type OrgCheck = (orgId: string | null | undefined) => Promise<void>;

/**
 * Docks, routes and flights name the unit that owns them; the id must be one identity knows.
 * Call it before a transaction: the directory reads through the shared connection.
 */
export function orgCheck(directory: Pick<Directory, 'orgs'> | null): OrgCheck {
  return async (orgId) => {
    if (orgId === null || orgId === undefined) return;
    const orgs = directory ? await directory.orgs() : [];
    if (!orgs.some((o) => o.id === orgId))
      throw badRequest('unknown_org', `组织 ${orgId} 不存在 / organisation ${orgId} does not exist`);
  };
}
