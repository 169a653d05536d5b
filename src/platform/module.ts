/**
 * What a mounted module hands the app: its routes and, if it has them, the live-stream filter
 * for its events and the policy of the files its records carry. The app mounts modules in
 * dependency order (each takes the `api` of those before it) and registers these in one loop,
 * so the platform never names a module's permissions or events.
 */
import type { FilePolicy } from './files';
import type { Http } from './http';
import type { LiveFilter } from './live';

/** One record an audit row is about: its entity type and id. */
export interface AuditSubjectRef {
  entityType: string;
  id: string;
}

/**
 * How a module names, in the audit log, the records it owns and the people acting (an order's
 * 工单号, a user's name) and finds them from what someone types: the log stays free of business words.
 */
export interface AuditSubjects {
  /** The audit entity types this module names. */
  entityTypes: readonly string[];
  /** Display labels for ids of one of those types (ids it does not know are left out). */
  labels(entityType: string, ids: readonly string[]): Promise<Map<string, string>>;
  /** The records a typed subject (a 工单号, a name) stands for. */
  find(text: string): Promise<AuditSubjectRef[]>;
  /** For the module that knows the acting principals: their names now, by id. */
  actorNames?(ids: readonly string[]): Promise<Map<string, string>>;
  /** For the module that knows the acting principals: the ids of those a typed name stands for. */
  actorsNamed?(text: string): Promise<string[]>;
}

export interface MountedModule<Api = unknown> {
  /** Lower-case module name (identity, orders …): its permissions' and events' prefix. */
  name: string;
  /** What other modules may use. */
  api: Api;
  routes(app: Http): void | Promise<void>;
  liveFilter?: LiveFilter;
  files?: FilePolicy;
  auditSubjects?: AuditSubjects;
}

/** The live filters of the mounted modules that have one. */
export const liveFiltersOf = (modules: readonly MountedModule[]): LiveFilter[] =>
  modules.flatMap((m) => (m.liveFilter ? [m.liveFilter] : []));

/** The audit subject resolvers of the mounted modules that have one. */
export const auditSubjectsOf = (modules: readonly MountedModule[]): AuditSubjects[] =>
  modules.flatMap((m) => (m.auditSubjects ? [m.auditSubjects] : []));

/** The file policies of the mounted modules that have one. */
export const filePoliciesOf = (modules: readonly MountedModule[]): FilePolicy[] =>
  modules.flatMap((m) => (m.files ? [m.files] : []));
