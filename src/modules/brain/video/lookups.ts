/**
 * What a camera names outside the module — its community (geography) and owner (identity's
 * directory) — checked through those modules' apis. Read before a transaction: on SQLite the
 * other modules read through the one connection.
 */
import { badRequest } from '../../../platform/errors';
import type { GeographyService } from '../../geography';
import type { Directory } from '../../identity';

export interface BrainDeps {
  geography: Pick<GeographyService, 'layer' | 'locate'>;
  directory: Pick<Directory, 'orgs'>;
}

export interface Lookups {
  community(text: string): string | null;
  org(text: string): string | null;
}

export async function loadLookups(deps: BrainDeps): Promise<Lookups> {
  const [communities, orgs] = await Promise.all([deps.geography.layer('community'), deps.directory.orgs()]);
  const byCommunity = new Map<string, string>();
  for (const f of communities.features) {
    byCommunity.set(f.properties.code, f.properties.code);
    byCommunity.set(f.properties.name, f.properties.code);
  }
  const byOrg = new Map<string, string>();
  for (const o of orgs) for (const k of [o.id, o.code, o.name]) if (!byOrg.has(k)) byOrg.set(k, o.id);
  return {
    community: (t) => byCommunity.get(t.trim()) ?? null,
    org: (t) => byOrg.get(t.trim()) ?? null,
  };
}

/** 400 unknown_community / unknown_org for what a create or an update names. */
export async function checkRefs(deps: BrainDeps, refs: { communityCode?: string | null; orgId?: string | null }) {
  if (refs.communityCode === undefined && refs.orgId === undefined) return;
  const look = await loadLookups(deps);
  if (refs.communityCode && look.community(refs.communityCode) !== refs.communityCode)
    throw badRequest(
      'unknown_community',
      `社区 ${refs.communityCode} 不存在 / community ${refs.communityCode} does not exist`,
    );
  if (refs.orgId && !(await deps.directory.orgs()).some((o) => o.id === refs.orgId))
    throw badRequest('unknown_org', `组织 ${refs.orgId} 不存在 / organisation ${refs.orgId} does not exist`);
}

/** The community a point lies in (null outside every community). */
export async function communityAt(deps: BrainDeps, lng: number, lat: number): Promise<string | null> {
  return (await deps.geography.locate(lng, lat)).community?.code ?? null;
}
