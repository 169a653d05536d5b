/**
 * The organisation and user directory identity offers other modules: they name and place units
 * and people through it instead of reading identity's tables.
 */
import type { PlatformContext } from '../../platform/context';
import { findUserByExtension, listOrgEntries, userNamesById, usersByName } from './repo';

export interface OrgEntry {
  id: string;
  code: string;
  kind: string;
  departmentType: string | null;
  name: string;
  /** Materialised path: a data scope is everything under it. */
  path: string;
}

export interface Directory {
  /** Every organisation (street, departments, communities, units, grids). */
  orgs(): Promise<OrgEntry[]>;
  /** Display names by user id, for the ids that name a user. */
  userNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** The ids of the users whose name or login contains this text (at most 50), e.g. for a filter. */
  usersNamed(text: string): Promise<string[]>;
  /** The enabled user a telephone extension belongs to, if any. */
  userByExtension(extension: string): Promise<{ id: string; name: string } | null>;
}

export function identityDirectory(p: PlatformContext): Directory {
  return {
    async orgs() {
      const rows = await listOrgEntries(p.db);
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        kind: r.kind,
        departmentType: r.department_type,
        name: r.name,
        path: r.path,
      }));
    },
    async userNames(ids) {
      const rows = await userNamesById(p.db, [...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async usersNamed(text) {
      return (await usersByName(p.db, text, 50)).map((r) => r.id);
    },
    async userByExtension(extension) {
      const row = await findUserByExtension(p.db, extension);
      return row && !row.disabled ? { id: row.id, name: row.name } : null;
    },
  };
}
