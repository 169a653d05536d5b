import { randomUUID } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { type AuditContext, SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, notFound } from '../../../platform/errors';
import type { Work } from '../../../platform/transact';
import type { DeviceRegistry } from '../devices/registry.service';
import type { Envelope } from '../dji/envelope';
import type { AreaFile } from '../dji/requests';
import type { DockCommands } from '../missions/commands.service';
import type { OrgCheck } from '../org-check';
import { type AreaFileBytes, buildAreaFile, isFinal, parseSyncProgress, syncReasonText } from './area-file';
import type { CreateGeofenceBody, GeofenceSync, UpdateGeofenceBody } from './geofences.contract';
import {
  deleteGeofence,
  findGeofence,
  type GeofenceRow,
  geofencesStamp,
  insertGeofence,
  listGeofences,
  listSync,
  updateGeofence,
  upsertSync,
} from './geofences.repo';
import { geofenceDef, syncView } from './geofences.view';
import { type CompiledZone, compileZones, type GeofenceDef, geofenceErrors, openRing, zoneBBox } from './geometry';

export const GEOFENCE_ENTITY = 'drone_geofence';
export const GEOFENCE_SYNC_ENTITY = 'drone_geofence_sync';
/** The dock downloads the file with a presigned URL valid this long (retries, aircraft start-up). */
const FILE_URL_TTL_S = 24 * 3600;

type CreateBody = Static<typeof CreateGeofenceBody>;
type UpdateBody = Static<typeof UpdateGeofenceBody>;

/**
 * Geofences: kept as rows, checked by the pure geometry rules, compiled for the pre-flight check, and
 * pushed to the docks the Cloud API way — a change that alters the docks' file queues
 * `flight_areas_update` (data null) for every online dock in its own transaction; the dock asks
 * `flight_areas_get`, answered with the file in the object store (presigned URL, SHA-256, size);
 * its `flight_areas_sync_progress` reports are recorded per dock.
 */
export class Geofences {
  private cache: { key: string; zones: CompiledZone[] } | null = null;
  private uploaded = new Map<string, Promise<void>>();

  constructor(
    private p: PlatformContext,
    private checkOrg: OrgCheck,
    private registry: DeviceRegistry,
    private commands: DockCommands,
  ) {}

  list(f: { kind?: string; enabled?: boolean } = {}): Promise<GeofenceRow[]> {
    return listGeofences(this.p.db, f);
  }

  async get(id: string): Promise<GeofenceRow> {
    const g = await findGeofence(this.p.db, id);
    if (!g) throw notFound('geofence');
    return g;
  }

  async create(ctx: AuditContext, body: CreateBody): Promise<GeofenceRow> {
    const def = shapeOf(body, null);
    await this.checkOrg(body.orgId);
    const docks = await this.onlineDocks();
    const id = randomUUID();
    const row = await this.p.transact(ctx, async (w) => {
      const before = await this.fileIn(w);
      await insertGeofence(w.trx, {
        id,
        name: body.name,
        ...columns(def),
        org_id: body.orgId ?? null,
        notes: body.notes ?? null,
        created_by: ctx.actorId,
        created_at: w.now,
        updated_at: w.now,
      });
      w.audit({ action: 'drones.geofence.created', entityType: GEOFENCE_ENTITY, entityId: id, after: summary(def) });
      await this.afterChange(w, id, before, docks, ctx.actorId);
      return (await findGeofence(w.trx, id))!;
    });
    await this.changed();
    return row;
  }

  async update(ctx: AuditContext, id: string, body: UpdateBody): Promise<GeofenceRow> {
    const current = await this.get(id);
    const def = shapeOf(body, geofenceDef(current));
    if (body.orgId !== undefined) await this.checkOrg(body.orgId);
    const docks = await this.onlineDocks();
    const row = await this.p.transact(ctx, async (w) => {
      const cur = await findGeofence(w.trx, id);
      if (!cur) throw notFound('geofence');
      const before = await this.fileIn(w);
      await updateGeofence(w.trx, id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...columns(def),
        ...(body.orgId !== undefined ? { org_id: body.orgId } : {}),
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        updated_at: w.now,
      });
      w.audit({
        action: 'drones.geofence.updated',
        entityType: GEOFENCE_ENTITY,
        entityId: id,
        before: { name: cur.name, ...summary(geofenceDef(cur)) },
        after: { name: body.name ?? cur.name, ...summary(def) },
      });
      await this.afterChange(w, id, before, docks, ctx.actorId);
      return (await findGeofence(w.trx, id))!;
    });
    await this.changed();
    return row;
  }

  async remove(ctx: AuditContext, id: string): Promise<void> {
    const docks = await this.onlineDocks();
    await this.p.transact(ctx, async (w) => {
      const cur = await findGeofence(w.trx, id);
      if (!cur) throw notFound('geofence');
      const before = await this.fileIn(w);
      await deleteGeofence(w.trx, id);
      w.audit({
        action: 'drones.geofence.deleted',
        entityType: GEOFENCE_ENTITY,
        entityId: id,
        before: { name: cur.name, ...summary(geofenceDef(cur)) },
      });
      await this.afterChange(w, id, before, docks, ctx.actorId);
    });
    await this.changed();
  }

  /** "Sync now": `flight_areas_update` to every online dock whatever changed. */
  async push(ctx: AuditContext): Promise<string[]> {
    const docks = await this.onlineDocks();
    await this.p.transact(ctx, async (w) => {
      await this.queuePush(w, docks, ctx.actorId);
      w.audit({
        action: 'drones.geofence.pushed',
        entityType: GEOFENCE_SYNC_ENTITY,
        entityId: 'all',
        after: { docks },
      });
    });
    return docks;
  }

  /** The enabled zones, compiled; rebuilt when any geofence changed (on any node). */
  async zones(): Promise<CompiledZone[]> {
    const s = await geofencesStamp(this.p.db);
    const key = `${s.n}:${s.last ?? ''}`;
    if (this.cache?.key === key) return this.cache.zones;
    const zones = compileZones((await listGeofences(this.p.db, { enabled: true })).map(geofenceDef));
    this.cache = { key, zones };
    return zones;
  }

  async file(): Promise<AreaFileBytes | null> {
    return buildAreaFile((await listGeofences(this.p.db)).map(geofenceDef));
  }

  /** `flight_areas_get`: the current file (uploaded if needed) with a fresh URL; none: the dock clears its areas. */
  async flightAreas(gatewaySn: string): Promise<AreaFile[]> {
    const file = await this.file();
    if (file) await this.upload(file);
    const out = file
      ? [
          {
            name: file.name,
            url: await this.p.objectStore.presignGet(keyOf(file), FILE_URL_TTL_S),
            checksum: file.checksum,
            size: file.size,
          },
        ]
      : [];
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      await upsertSync(w.trx, gatewaySn, { served_at: w.now, served_checksum: file?.checksum ?? null });
      this.emitSync(w, gatewaySn);
    });
    return out;
  }

  /** `flight_areas_sync_progress`: the dock's status recorded; a final one audited. Returns the events_reply result. */
  async syncProgress(gatewaySn: string, msg: Envelope, at: number): Promise<number> {
    const r = parseSyncProgress(msg.data);
    if (!r) return 1;
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      await upsertSync(w.trx, gatewaySn, {
        status: r.status,
        reason: r.reason,
        file_name: r.fileName,
        checksum: r.checksum,
        reported_at: at,
      });
      if (isFinal(r.status))
        w.audit({
          action: r.status === 'synchronized' ? 'drones.geofence.synced' : 'drones.geofence.sync_failed',
          entityType: GEOFENCE_SYNC_ENTITY,
          entityId: gatewaySn,
          after: { status: r.status, reason: r.reason, text: syncReasonText(r.reason), checksum: r.checksum },
        });
      this.emitSync(w, gatewaySn, r.status);
    });
    return 0;
  }

  async sync(): Promise<Static<typeof GeofenceSync>> {
    const [file, docks, rows] = await Promise.all([this.file(), this.registry.list(), listSync(this.p.db)]);
    return syncView(file, docks, rows);
  }

  /**
   * After a change commits: the new file into the store before a dock asks for it (best effort — an
   * unreachable store is retried when the dock asks `flight_areas_get`).
   */
  private async changed(): Promise<void> {
    this.cache = null;
    try {
      const f = await this.file();
      if (f) await this.upload(f);
    } catch (err) {
      this.p.logger.warn({ err: (err as Error).message }, 'geofence file not uploaded yet');
    }
  }

  /** Puts the file once per process (content-addressed: the same name is the same bytes). */
  private upload(file: AreaFileBytes): Promise<void> {
    const key = keyOf(file);
    let done = this.uploaded.get(key);
    if (!done) {
      done = this.p.objectStore.put(key, file.bytes, { contentType: 'application/json' });
      this.uploaded.set(key, done);
      done.catch(() => this.uploaded.delete(key));
    }
    return done;
  }

  private async onlineDocks(): Promise<string[]> {
    return (await this.registry.list()).filter((d) => d.domain === 'dock' && d.online === 1).map((d) => d.sn);
  }

  private async fileIn(w: Work): Promise<string | null> {
    return buildAreaFile((await listGeofences(w.trx)).map(geofenceDef))?.checksum ?? null;
  }

  /** The change's event; and when the docks' file changed, the push to every online dock. */
  private async afterChange(w: Work, id: string, before: string | null, docks: string[], actor: string | null) {
    const after = await this.fileIn(w);
    w.emit({
      type: 'drones.geofence.changed',
      entityType: GEOFENCE_ENTITY,
      entityId: id,
      data: { id, fileChanged: after !== before },
    });
    if (after !== before) await this.queuePush(w, docks, actor);
  }

  private async queuePush(w: Work, docks: string[], actor: string | null): Promise<void> {
    const bid = randomUUID();
    for (const sn of docks) {
      this.commands.queue(w, sn, 'flight_areas_update', null, bid, actor);
      await upsertSync(w.trx, sn, { requested_at: w.now });
    }
  }

  private emitSync(w: Work, sn: string, status: string | null = null) {
    w.emit({
      type: 'drones.geofence.sync',
      entityType: GEOFENCE_SYNC_ENTITY,
      entityId: sn,
      data: { dockSn: sn, status },
    });
  }
}

const keyOf = (f: AreaFileBytes) => `geofences/${f.name}`;

/** The zone a create or an update makes (an update starts from the stored one); 400 with the reasons. */
function shapeOf(body: CreateBody | UpdateBody, cur: GeofenceDef | null): GeofenceDef {
  const shape = body.shape ?? cur?.shape ?? 'polygon';
  const keep = cur?.shape === shape;
  const def: GeofenceDef = {
    id: cur?.id ?? '',
    name: body.name ?? cur?.name ?? '',
    kind: body.kind ?? cur?.kind ?? 'no_fly',
    shape,
    polygon: (body.polygon as [number, number][] | undefined) ?? (keep && shape === 'polygon' ? cur!.polygon : null),
    center: body.center ?? (keep && shape === 'circle' ? cur!.center : null),
    radiusM: body.radiusM ?? (keep && shape === 'circle' ? cur!.radiusM : null),
    enabled: body.enabled ?? cur?.enabled ?? true,
    minHeightM: body.minHeightM !== undefined ? body.minHeightM : (cur?.minHeightM ?? null),
    maxHeightM: body.maxHeightM !== undefined ? body.maxHeightM : (cur?.maxHeightM ?? null),
  };
  const errors = geofenceErrors(def);
  if (errors.length) throw badRequest('invalid_geofence', errors.join('; '), { errors });
  return def;
}

function columns(g: GeofenceDef) {
  const [minLng, minLat, maxLng, maxLat] = zoneBBox(g);
  return {
    kind: g.kind,
    shape: g.shape,
    geometry: JSON.stringify(g.shape === 'circle' ? g.center : openRing(g.polygon ?? [])),
    radius_m: g.shape === 'circle' ? g.radiusM : null,
    enabled: g.enabled ? 1 : 0,
    min_height_m: g.minHeightM,
    max_height_m: g.maxHeightM,
    min_lng: minLng,
    min_lat: minLat,
    max_lng: maxLng,
    max_lat: maxLat,
  };
}

const summary = (g: GeofenceDef) => ({
  kind: g.kind,
  shape: g.shape,
  enabled: g.enabled,
  radiusM: g.radiusM,
  points: g.polygon?.length ?? null,
  minHeightM: g.minHeightM,
  maxHeightM: g.maxHeightM,
});
