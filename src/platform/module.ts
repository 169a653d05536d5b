/**
 * What a mounted module hands the app: its routes and, if it has them, the live-stream filter
 * for its events and the policy of the files its records carry. The app mounts modules in
 * dependency order (each takes the `api` of those before it) and registers these in one loop,
 * so the platform never names a module's permissions or events.
 */
import type { FilePolicy } from './files';
import type { Http } from './http';
import type { LiveFilter } from './live';

export interface MountedModule<Api = unknown> {
  /** Lower-case module name (identity, orders …): its permissions' and events' prefix. */
  name: string;
  /** What other modules may use. */
  api: Api;
  routes(app: Http): void | Promise<void>;
  liveFilter?: LiveFilter;
  files?: FilePolicy;
}

/** The live filters of the mounted modules that have one. */
export const liveFiltersOf = (modules: readonly MountedModule[]): LiveFilter[] =>
  modules.flatMap((m) => (m.liveFilter ? [m.liveFilter] : []));

/** The file policies of the mounted modules that have one. */
export const filePoliciesOf = (modules: readonly MountedModule[]): FilePolicy[] =>
  modules.flatMap((m) => (m.files ? [m.files] : []));
