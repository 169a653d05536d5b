/** Organisation ids checked against identity's directory (reached through identity's index only). */
import { badRequest } from '../../platform/errors';
import type { Directory, OrgEntry } from '../identity';

export type OrgLookup = () => Promise<Map<string, OrgEntry>>;

export const orgLookup =
  (directory: Pick<Directory, 'orgs'> | null): OrgLookup =>
  async () =>
    new Map((directory ? await directory.orgs() : []).map((o) => [o.id, o]));

/** 400 unknown_org unless every id names an organisation. */
export async function requireOrgs(
  lookup: OrgLookup,
  ids: ReadonlyArray<string | null | undefined>,
): Promise<Map<string, OrgEntry>> {
  const orgs = await lookup();
  for (const id of ids)
    if (id && !orgs.has(id)) throw badRequest('unknown_org', `组织 ${id} 不存在 / no organisation ${id}`);
  return orgs;
}
