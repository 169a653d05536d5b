/** How the audit log names identity's records and the people acting: users and organisations by name. */
import type { PlatformContext } from '../../platform/context';
import type { AuditSubjects } from '../../platform/module';
import { orgNamesById, orgsByName, userNamesById, usersByName } from './repo';

const MATCHES = 50;

export function identityAuditSubjects(p: PlatformContext): AuditSubjects {
  const userNames = async (ids: readonly string[]) =>
    new Map((await userNamesById(p.db, [...new Set(ids)])).map((r) => [r.id, r.name]));
  return {
    entityTypes: ['user', 'org'],
    async labels(entityType, ids) {
      if (entityType === 'user') return userNames(ids);
      return new Map((await orgNamesById(p.db, [...new Set(ids)])).map((r) => [r.id, r.name]));
    },
    async find(text) {
      const [users, orgs] = await Promise.all([usersByName(p.db, text, MATCHES), orgsByName(p.db, text, MATCHES)]);
      return [
        ...users.map((u) => ({ entityType: 'user', id: u.id })),
        ...orgs.map((o) => ({ entityType: 'org', id: o.id })),
      ];
    },
    actorNames: userNames,
    async actorsNamed(text) {
      return (await usersByName(p.db, text, MATCHES)).map((u) => u.id);
    },
  };
}
