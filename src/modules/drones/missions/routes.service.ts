import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { exportKmz } from '../waylines/kmz-export';
import { importKmz } from '../waylines/kmz-import';
import { type Route, type RouteIssue, validateRoute } from '../waylines/route';
import { deleteRoute, findRoute, insertRoute, listRoutes, type RouteRow, routeInUse } from './missions.repo';
import { routeLengthM } from './preflight';

import type { OrgCheck } from '../org-check';

export const ROUTE_ENTITY = 'drone_route';
/** The dock downloads the KMZ from the object store with a presigned URL valid this long. */
const FILE_URL_TTL_S = 24 * 3600;

/**
 * Wayline routes: drawn on the map (Route JSON) or imported from a DJI WPML `.kmz`; kept as JSON
 * with the exported KMZ in the object store, whose MD5 is the fingerprint a dock checks.
 */
export class WaylineRoutes {
  constructor(
    private p: PlatformContext,
    private checkOrg: OrgCheck,
  ) {}

  list(): Promise<RouteRow[]> {
    return listRoutes(this.p.db);
  }

  async get(id: string): Promise<RouteRow> {
    const r = await findRoute(this.p.db, id);
    if (!r) throw notFound('route');
    return r;
  }

  async create(
    ctx: AuditContext,
    input: { route: Route; scenario: string; orgId?: string | null },
  ): Promise<{ row: RouteRow; warnings: RouteIssue[] }> {
    const check = validateRoute(input.route, { forDock: true });
    if (check.errors.length)
      throw badRequest(
        'invalid_route',
        check.errors.map((e) => (e.waypoint !== undefined ? `#${e.waypoint}: ${e.message}` : e.message)).join('; '),
        { errors: check.errors },
      );
    await this.checkOrg(input.orgId);
    const { kmz, md5 } = exportKmz(input.route, { forDock: true });
    const id = newId(this.p.clock.now());
    const key = `waylines/${id}/${md5}.kmz`;
    // the file first: a route row never points at a file that is not there
    try {
      await this.p.objectStore.put(key, kmz, { contentType: 'application/vnd.google-earth.kmz' });
    } catch (e) {
      // the dock can only fetch a wayline from the object store: without it there is no route to fly
      throw new AppError(
        503,
        'object_store_unavailable',
        `对象存储不可用，航线未保存 / the object store is unavailable; the route was not saved (${(e as Error).message})`,
      );
    }
    const row = await this.p.transact(ctx, async (w) => {
      await insertRoute(w.trx, {
        id,
        name: input.route.name,
        scenario: input.scenario,
        org_id: input.orgId ?? null,
        route: JSON.stringify(input.route),
        md5,
        object_key: key,
        waypoints: input.route.waypoints.length,
        length_m: Math.round(routeLengthM(null, input.route)),
        max_height: Math.max(...input.route.waypoints.map((x) => x.height)),
        created_by: ctx.actorId,
        created_at: w.now,
        updated_at: w.now,
      });
      w.audit({
        action: 'drones.route.created',
        entityType: ROUTE_ENTITY,
        entityId: id,
        after: { name: input.route.name, waypoints: input.route.waypoints.length, md5 },
      });
      w.emit({ type: 'drones.route.changed', entityType: ROUTE_ENTITY, entityId: id, data: { id } });
      return (await findRoute(w.trx, id))!;
    });
    return { row, warnings: check.warnings };
  }

  async importFile(ctx: AuditContext, file: Buffer, input: { name: string; scenario: string; orgId?: string | null }) {
    const r = await importKmz(file, { name: input.name, forDock: true });
    if (!r.ok) throw badRequest(`kmz_${r.code}`, r.message);
    const created = await this.create(ctx, { route: r.route, scenario: input.scenario, orgId: input.orgId });
    return { ...created, warnings: [...r.warnings, ...created.warnings] };
  }

  async remove(ctx: AuditContext, id: string): Promise<void> {
    await this.p.transact(ctx, async (w) => {
      const r = await findRoute(w.trx, id);
      if (!r) throw notFound('route');
      if (await routeInUse(w.trx, id))
        throw conflict('route_in_use', '航线有未完成的航班 / the route has flights not finished');
      await deleteRoute(w.trx, id);
      w.audit({ action: 'drones.route.deleted', entityType: ROUTE_ENTITY, entityId: id, before: { name: r.name } });
    });
  }

  async kmz(id: string): Promise<{ name: string; data: Buffer; md5: string }> {
    const r = await this.get(id);
    const data = await this.p.objectStore.get(r.object_key);
    if (!data) throw notFound('wayline file');
    return { name: r.name, data, md5: r.md5 };
  }

  /** The URL (presigned, reachable by the dock) and MD5 of a route's KMZ. */
  async fileOf(routeId: string): Promise<{ url: string; fingerprint: string } | null> {
    const r = await findRoute(this.p.db, routeId);
    return r ? this.fileOfRow(r) : null;
  }

  async fileOfRow(r: RouteRow): Promise<{ url: string; fingerprint: string }> {
    return { url: await this.p.objectStore.presignGet(r.object_key, FILE_URL_TTL_S), fingerprint: r.md5 };
  }
}
