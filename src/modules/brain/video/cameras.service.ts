/**
 * The camera registry: queries, create / change / delete (each one transaction with its audit row
 * and event), and the in-memory nearest-camera index kept in step — directly after this node's own
 * changes, and from the event stream for changes made by other nodes (the index is reloaded).
 */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import type { Work } from '../../../platform/transact';
import {
  allCameras,
  type CameraFilter,
  type CameraRow,
  countCameras,
  deleteCamera,
  findCamera,
  findGroup,
  insertCamera,
  listCameras,
  mapPoints,
  updateCamera,
} from './cameras.repo';
import { cameraRow, cameraView, fieldsOf, indexed, pointView } from './cameras.view';
import { checkCameraId, checkGbId, isCivilCode } from './gbt28181';
import { type BrainDeps, checkRefs, communityAt } from './lookups';
import { CameraIndex, type Near } from './nearest';
import type { CameraListQuery, CameraMapQuery, CreateCameraBody, UpdateCameraBody } from './video.contract';

export const CAMERA_ENTITY = 'brain_camera';
/** Events after which another node's index must be reloaded. */
export const CAMERA_EVENTS = new Set(['brain.camera.changed', 'brain.camera.imported', 'brain.video.synced']);

type ListQuery = Static<typeof CameraListQuery>;

export function parseFilter(q: Static<typeof CameraMapQuery>): CameraFilter {
  let bbox: CameraFilter['bbox'];
  if (q.bbox) {
    const n = q.bbox.split(',').map(Number) as [number, number, number, number];
    if (
      n[0] > n[2] ||
      n[1] > n[3] ||
      Math.abs(n[0]) > 180 ||
      Math.abs(n[2]) > 180 ||
      Math.abs(n[1]) > 90 ||
      Math.abs(n[3]) > 90
    )
      throw badRequest(
        'invalid_bbox',
        'bbox 应为 minLng,minLat,maxLng,maxLat / bbox must be minLng,minLat,maxLng,maxLat',
      );
    bbox = n;
  }
  return { ...q, bbox };
}

export class Cameras {
  readonly index = new CameraIndex();
  private stale = true;
  private loading: Promise<void> | null = null;

  constructor(
    private p: PlatformContext,
    private deps: BrainDeps,
  ) {
    p.events.subscribe((e) => {
      if (CAMERA_EVENTS.has(e.type)) this.stale = true;
    });
  }

  /** (Re)loads the index from the table when a change may have happened elsewhere. */
  async ready(): Promise<CameraIndex> {
    while (this.stale) {
      if (!this.loading) {
        this.stale = false;
        this.loading = allCameras(this.p.db)
          .then((rows) => this.index.load(rows.map(indexed)))
          .catch((err) => {
            this.stale = true;
            throw err;
          })
          .finally(() => {
            this.loading = null;
          });
      }
      await this.loading;
    }
    return this.index;
  }

  /** Marks the index for reloading (after a batch written outside this service). */
  invalidate(): void {
    this.stale = true;
  }

  async list(q: ListQuery) {
    const f = parseFilter(q);
    const limit = q.limit ?? 100;
    const [rows, total] = await Promise.all([
      listCameras(this.p.db, f, limit + 1, q.after),
      countCameras(this.p.db, f),
    ]);
    const page = rows.slice(0, limit);
    return { items: page.map(cameraView), next: rows.length > limit ? page[page.length - 1]!.id : null, total };
  }

  async points(q: Static<typeof CameraMapQuery>) {
    const rows = await mapPoints(this.p.db, parseFilter(q));
    return { items: rows.map(pointView), total: rows.length };
  }

  async get(id: string): Promise<CameraRow> {
    const row = await findCamera(this.p.db, id);
    if (!row) throw notFound('camera');
    return row;
  }

  async nearest(lng: number, lat: number, limit = 10, radiusM = 1000, status?: 'online' | 'offline'): Promise<Near[]> {
    const idx = await this.ready();
    const want = status === undefined ? undefined : status === 'online';
    return idx.nearest(lng, lat, limit, radiusM, want === undefined ? undefined : (c) => c.online === want);
  }

  async create(ctx: AuditContext, body: Static<typeof CreateCameraBody>): Promise<CameraRow> {
    const check = checkCameraId(body.id);
    if (!check.ok) throw badRequest('invalid_camera_id', check.message, { part: check.part });
    await this.checkLinks(body);
    const communityCode =
      body.communityCode !== undefined ? body.communityCode : await communityAt(this.deps, body.lng, body.lat);
    const row = await this.p.transact(ctx, async (w) => {
      if (await findCamera(w.trx, body.id))
        throw conflict('camera_exists', `摄像机 ${body.id} 已存在 / camera ${body.id} already exists`);
      const r = cameraRow(
        {
          id: body.id,
          name: body.name,
          lng: body.lng,
          lat: body.lat,
          deviceId: body.deviceId ?? null,
          groupId: body.groupId ?? null,
          civilCode: body.civilCode ?? null,
          communityCode,
          orgId: body.orgId ?? null,
          ptz: body.kind === 'ptz',
          direction: body.direction ?? null,
          online: body.online ?? false,
          address: body.address ?? null,
        },
        'manual',
        w.now,
      );
      await insertCamera(w.trx, r);
      w.audit({ action: 'brain.camera.created', entityType: CAMERA_ENTITY, entityId: body.id, after: summary(r) });
      this.emit(w, body.id, 'created');
      return (await findCamera(w.trx, body.id))!;
    });
    this.index.set(indexed(row));
    return row;
  }

  async update(ctx: AuditContext, id: string, body: Static<typeof UpdateCameraBody>): Promise<CameraRow> {
    const current = await this.get(id);
    await this.checkLinks(body);
    const moved = body.lng !== undefined || body.lat !== undefined;
    const lng = body.lng ?? current.lng;
    const lat = body.lat ?? current.lat;
    // a moved camera is placed in the community its new point lies in, unless one is named
    const communityCode =
      body.communityCode !== undefined
        ? body.communityCode
        : moved
          ? await communityAt(this.deps, lng, lat)
          : current.community_code;
    const row = await this.p.transact(ctx, async (w) => {
      const cur = await findCamera(w.trx, id);
      if (!cur) throw notFound('camera');
      const f = fieldsOf(cur);
      const r = cameraRow(
        {
          ...f,
          name: body.name ?? f.name,
          lng,
          lat,
          deviceId: body.deviceId !== undefined ? body.deviceId : f.deviceId,
          groupId: body.groupId !== undefined ? body.groupId : f.groupId,
          civilCode: body.civilCode ?? f.civilCode,
          communityCode,
          orgId: body.orgId !== undefined ? body.orgId : f.orgId,
          ptz: body.kind !== undefined ? body.kind === 'ptz' : f.ptz,
          direction: body.direction !== undefined ? body.direction : f.direction,
          online: body.online ?? f.online,
          address: body.address !== undefined ? body.address : f.address,
        },
        cur.source as 'manual',
        w.now,
        cur,
      );
      const { id: _id, created_at: _c, ...patch } = r;
      await updateCamera(w.trx, id, patch);
      w.audit({
        action: 'brain.camera.updated',
        entityType: CAMERA_ENTITY,
        entityId: id,
        before: summary(cur),
        after: summary(r),
      });
      this.emit(w, id, 'updated');
      return (await findCamera(w.trx, id))!;
    });
    this.index.set(indexed(row));
    return row;
  }

  async remove(ctx: AuditContext, id: string): Promise<void> {
    await this.p.transact(ctx, async (w) => {
      const cur = await findCamera(w.trx, id);
      if (!cur) throw notFound('camera');
      await deleteCamera(w.trx, id);
      w.audit({ action: 'brain.camera.deleted', entityType: CAMERA_ENTITY, entityId: id, before: summary(cur) });
      this.emit(w, id, 'deleted');
    });
    this.index.remove(id);
  }

  /** The community and owner a create or change names exist; the device and group codes are well formed. */
  private async checkLinks(body: {
    communityCode?: string | null;
    orgId?: string | null;
    deviceId?: string | null;
    groupId?: string | null;
    civilCode?: string;
  }) {
    if (body.civilCode !== undefined && !(body.civilCode.length === 8 && isCivilCode(body.civilCode)))
      throw badRequest(
        'invalid_civil_code',
        `行政区划代码 ${body.civilCode} 无效（8 位）/ not an 8-digit 行政区划 code`,
      );
    await checkRefs(this.deps, body);
    if (body.deviceId) {
      const d = checkGbId(body.deviceId);
      if (!d.ok) throw badRequest('invalid_device_id', d.message, { part: d.part });
    }
    if (body.groupId && !(await findGroup(this.p.db, body.groupId)))
      throw badRequest('unknown_group', `分组 ${body.groupId} 不存在 / group ${body.groupId} does not exist`);
  }

  private emit(w: Work, id: string, action: string) {
    w.emit({ type: 'brain.camera.changed', entityType: CAMERA_ENTITY, entityId: id, data: { id, action } });
  }
}

/** What the audit row keeps of a camera. */
export const summary = (
  r: Pick<CameraRow, 'name' | 'lng' | 'lat' | 'community_code' | 'org_id' | 'ptz' | 'online'>,
) => ({
  name: r.name,
  lng: r.lng,
  lat: r.lat,
  communityCode: r.community_code,
  orgId: r.org_id,
  ptz: r.ptz === 1,
  online: r.online === 1,
});
