/**
 * The IoT device registry: queries, register / change / delete (each one transaction with its
 * audit row and event), one device with its recent readings and refusal counts, online rate per type.
 */
import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import type { Work } from '../../../platform/transact';
import { type BrainDeps, checkRefs, communityAt } from '../video/lookups';
import {
  type CreateDeviceBody,
  type DeviceListQuery,
  RECENT_READINGS,
  type UpdateDeviceBody,
} from './devices.contract';
import {
  countDevices,
  type DeviceRow,
  deleteDevice,
  findDevice,
  insertDevice,
  listDevices,
  presenceRows,
  recentReadings,
  rejectsOf,
  updateDevice,
} from './devices.repo';
import { deviceSummary, deviceView, readingView, rejectView } from './devices.view';
import { type DeviceStatus, onlineRates } from './model/presence';
import type { DeviceType } from './model/reading-types';

export const DEVICE_ENTITY = 'brain_device';

export class Devices {
  constructor(
    private p: PlatformContext,
    private deps: BrainDeps,
  ) {}

  private now = () => this.p.clock.now();

  /** The contract shape, online as of now. */
  view(row: DeviceRow) {
    return deviceView(row, this.now());
  }

  async list(q: Static<typeof DeviceListQuery>) {
    const now = this.now();
    const limit = q.limit ?? 100;
    const [rows, total] = await Promise.all([
      listDevices(this.p.db, q, now, limit + 1, q.after),
      countDevices(this.p.db, q, now),
    ]);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => deviceView(r, now)),
      next: rows.length > limit ? page[page.length - 1]!.id : null,
      total,
    };
  }

  async get(id: string): Promise<DeviceRow> {
    const row = await findDevice(this.p.db, id);
    if (!row) throw notFound('device');
    return row;
  }

  async detail(id: string) {
    const row = await this.get(id);
    const [readings, rejected] = await Promise.all([
      recentReadings(this.p.db, id, RECENT_READINGS),
      rejectsOf(this.p.db, id),
    ]);
    return {
      device: deviceView(row, this.now()),
      readings: readings.map(readingView),
      rejected: rejected.map(rejectView),
    };
  }

  async onlineRate(community?: string) {
    const rows = await presenceRows(this.p.db, community);
    return onlineRates(
      rows.map((r) => ({ type: r.type as DeviceType, status: r.status as DeviceStatus, lastSeen: r.last_seen })),
      this.now(),
    );
  }

  async create(ctx: AuditContext, body: Static<typeof CreateDeviceBody>): Promise<DeviceRow> {
    await checkRefs(this.deps, body);
    const communityCode =
      body.communityCode !== undefined ? body.communityCode : await communityAt(this.deps, body.lng, body.lat);
    return this.p.transact(ctx, async (w) => {
      if (await findDevice(w.trx, body.id))
        throw conflict('device_exists', `设备 ${body.id} 已存在 / device ${body.id} already exists`);
      const row = {
        id: body.id,
        type: body.type,
        model: body.model ?? null,
        name: body.name,
        address: body.address ?? null,
        lng: body.lng,
        lat: body.lat,
        community_code: communityCode,
        org_id: body.orgId ?? null,
        installed_on: body.installedOn ?? null,
        status: body.status ?? 'active',
        last_reading: null,
        last_reading_at: null,
        last_seen: null,
        demo: 0,
        created_at: w.now,
        updated_at: w.now,
      };
      await insertDevice(w.trx, row);
      w.audit({
        action: 'brain.device.created',
        entityType: DEVICE_ENTITY,
        entityId: body.id,
        after: deviceSummary(row),
      });
      this.emit(w, body.id, 'created');
      return (await findDevice(w.trx, body.id))!;
    });
  }

  async update(ctx: AuditContext, id: string, body: Static<typeof UpdateDeviceBody>): Promise<DeviceRow> {
    const current = await this.get(id);
    await checkRefs(this.deps, body);
    const moved = body.lng !== undefined || body.lat !== undefined;
    const lng = body.lng ?? current.lng;
    const lat = body.lat ?? current.lat;
    // a moved device is placed in the community its new point lies in, unless one is named
    const communityCode =
      body.communityCode !== undefined
        ? body.communityCode
        : moved
          ? await communityAt(this.deps, lng, lat)
          : current.community_code;
    return this.p.transact(ctx, async (w) => {
      const cur = await findDevice(w.trx, id);
      if (!cur) throw notFound('device');
      const patch = {
        name: body.name ?? cur.name,
        model: body.model !== undefined ? body.model : cur.model,
        address: body.address !== undefined ? body.address : cur.address,
        lng,
        lat,
        community_code: communityCode,
        org_id: body.orgId !== undefined ? body.orgId : cur.org_id,
        installed_on: body.installedOn !== undefined ? body.installedOn : cur.installed_on,
        status: body.status ?? cur.status,
        updated_at: w.now,
      };
      await updateDevice(w.trx, id, patch);
      w.audit({
        action: 'brain.device.updated',
        entityType: DEVICE_ENTITY,
        entityId: id,
        before: deviceSummary(cur),
        after: deviceSummary({ ...cur, ...patch }),
      });
      this.emit(w, id, 'updated');
      return (await findDevice(w.trx, id))!;
    });
  }

  /** Deletes the device with its readings and counters (a device taken out of use is `retired` instead). */
  async remove(ctx: AuditContext, id: string): Promise<void> {
    await this.p.transact(ctx, async (w) => {
      const cur = await findDevice(w.trx, id);
      if (!cur) throw notFound('device');
      await deleteDevice(w.trx, id);
      w.audit({ action: 'brain.device.deleted', entityType: DEVICE_ENTITY, entityId: id, before: deviceSummary(cur) });
      this.emit(w, id, 'deleted');
    });
  }

  private emit(w: Work, id: string, action: string) {
    w.emit({ type: 'brain.device.changed', entityType: DEVICE_ENTITY, entityId: id, data: { id, action } });
  }
}
