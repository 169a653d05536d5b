import { randomBytes } from 'node:crypto';
import type { AuditContext } from '../../../platform/audit';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import { hashPassword, verifyPassword } from '../../../platform/auth/passwords';
import type { PlatformContext } from '../../../platform/context';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { describeModel } from '../dji/models';
import type { Topology } from '../dji/topology';
import { isSerialNumber } from '../dji/topics';
import {
  type DeviceRow,
  deleteDevice,
  devicesOfGateway,
  findByUsername,
  findDevice,
  insertDevice,
  listDevices,
  lockDevice,
  staleOnline,
  updateDevice,
} from './devices.repo';

import type { OrgCheck } from '../org-check';

export const DEVICE_ENTITY = 'drone_device';

export interface RegisterDock {
  sn: string;
  name: string;
  modelKey?: string | null;
  orgId?: string | null;
  homeLng?: number | null;
  homeLat?: number | null;
}

/**
 * The registry of docks and aircraft: registered by an administrator (with the dock's own MQTT
 * user and password) or first heard of in a dock's topology; online from what arrives, offline
 * after silence or a disconnect. Every change is one transaction with its audit row and event;
 * the per-message "seen" bookkeeping stays in memory and reaches the database only on a change.
 */
export class DeviceRegistry {
  /** sn → online, as last written: the hot path checks here, not in the database. */
  private online = new Map<string, boolean>();
  private lastSeen = new Map<string, number>();
  /** aircraft sn → its dock, for the broker's rule that a dock speaks only for itself and its aircraft */
  private gatewayOf = new Map<string, string>();

  constructor(
    private p: PlatformContext,
    private checkOrg: OrgCheck,
  ) {}

  async load(): Promise<void> {
    for (const d of await listDevices(this.p.db)) {
      this.online.set(d.sn, d.online === 1);
      if (d.last_seen_at) this.lastSeen.set(d.sn, d.last_seen_at);
      if (d.gateway_sn) this.gatewayOf.set(d.sn, d.gateway_sn);
    }
  }

  list(): Promise<DeviceRow[]> {
    return listDevices(this.p.db);
  }

  async get(sn: string): Promise<DeviceRow> {
    const d = await findDevice(this.p.db, sn);
    if (!d) throw notFound('device');
    return d;
  }

  isKnown(sn: string): boolean {
    return this.online.has(sn);
  }

  /** `sn` is the dock itself or an aircraft last seen under it. */
  speaksFor(dockSn: string, sn: string): boolean {
    return sn === dockSn || this.gatewayOf.get(sn) === dockSn;
  }

  /** A new dock with its MQTT credentials; the password is shown once and stored only as a hash. */
  async register(ctx: AuditContext, input: RegisterDock): Promise<{ device: DeviceRow; mqttPassword: string }> {
    if (!isSerialNumber(input.sn))
      throw badRequest('invalid_sn', '序列号只能含字母和数字 / a serial number is letters and digits');
    const model = input.modelKey ? describeModel(input.modelKey) : null;
    if (model && model.domain !== 'dock')
      throw badRequest('not_a_dock', '该型号不是机场 / this model key is not a dock');
    await this.checkOrg(input.orgId);
    const password = randomBytes(12).toString('base64url');
    const hash = await hashPassword(password);
    const device = await this.p.transact(ctx, async (w) => {
      const existing = await findDevice(w.trx, input.sn);
      if (existing && existing.registered_by === 'admin')
        throw conflict('device_exists', '该序列号已登记 / this serial number is registered');
      const fields = {
        name: input.name,
        model_key: input.modelKey ?? existing?.model_key ?? null,
        org_id: input.orgId ?? null,
        home_lng: input.homeLng ?? null,
        home_lat: input.homeLat ?? null,
        mqtt_username: input.sn,
        mqtt_password_hash: hash,
        registered_by: 'admin',
        updated_at: w.now,
      };
      if (existing) await updateDevice(w.trx, input.sn, fields);
      else
        await insertDevice(w.trx, {
          sn: input.sn,
          domain: 'dock',
          bound: 0,
          online: 0,
          created_at: w.now,
          ...fields,
        });
      w.audit({
        action: 'drones.device.registered',
        entityType: DEVICE_ENTITY,
        entityId: input.sn,
        after: { ...input },
      });
      w.emit({ type: 'drones.device.changed', entityType: DEVICE_ENTITY, entityId: input.sn, data: { sn: input.sn } });
      return (await findDevice(w.trx, input.sn))!;
    });
    this.online.set(device.sn, device.online === 1);
    return { device, mqttPassword: password };
  }

  async update(
    ctx: AuditContext,
    sn: string,
    patch: { name?: string; orgId?: string | null; homeLng?: number | null; homeLat?: number | null },
  ): Promise<DeviceRow> {
    if (
      (patch.homeLng === null) !== (patch.homeLat === null) ||
      (patch.homeLng === undefined) !== (patch.homeLat === undefined)
    )
      throw badRequest('invalid_home', '机场位置需同时给出经度和纬度 / give both longitude and latitude');
    await this.checkOrg(patch.orgId);
    return this.p.transact(ctx, async (w) => {
      const before = await lockDevice(w.trx, sn, this.p.dialect);
      if (!before) throw notFound('device');
      await updateDevice(w.trx, sn, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.orgId !== undefined ? { org_id: patch.orgId } : {}),
        ...(patch.homeLng !== undefined ? { home_lng: patch.homeLng, home_lat: patch.homeLat } : {}),
        updated_at: w.now,
      });
      w.audit({
        action: 'drones.device.updated',
        entityType: DEVICE_ENTITY,
        entityId: sn,
        before: { name: before.name },
        after: patch,
      });
      w.emit({ type: 'drones.device.changed', entityType: DEVICE_ENTITY, entityId: sn, data: { sn } });
      return (await findDevice(w.trx, sn))!;
    });
  }

  async resetPassword(ctx: AuditContext, sn: string): Promise<string> {
    const password = randomBytes(12).toString('base64url');
    const hash = await hashPassword(password);
    await this.p.transact(ctx, async (w) => {
      const d = await lockDevice(w.trx, sn, this.p.dialect);
      if (!d || d.domain !== 'dock') throw notFound('dock');
      await updateDevice(w.trx, sn, { mqtt_username: sn, mqtt_password_hash: hash, updated_at: w.now });
      w.audit({ action: 'drones.device.credentials_reset', entityType: DEVICE_ENTITY, entityId: sn });
    });
    return password;
  }

  async remove(ctx: AuditContext, sn: string): Promise<void> {
    await this.p.transact(ctx, async (w) => {
      const d = await lockDevice(w.trx, sn, this.p.dialect);
      if (!d) throw notFound('device');
      for (const child of await devicesOfGateway(w.trx, sn)) await updateDevice(w.trx, child.sn, { gateway_sn: null });
      await deleteDevice(w.trx, sn);
      w.audit({ action: 'drones.device.removed', entityType: DEVICE_ENTITY, entityId: sn, before: { name: d.name } });
      w.emit({ type: 'drones.device.changed', entityType: DEVICE_ENTITY, entityId: sn, data: { sn, removed: true } });
    });
    this.online.delete(sn);
    this.lastSeen.delete(sn);
  }

  /** `airport_organization_bind` accepted: the dock and its aircraft are bound, with their call signs. */
  async bind(
    devices: readonly {
      sn: string;
      callsign: string;
      modelKey: string | null;
      bindingCode: string;
      organizationId: string;
    }[],
    gatewaySn: string,
    at: number,
  ): Promise<void> {
    if (devices.length === 0) return;
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      for (const d of devices) {
        const row = await lockDevice(w.trx, d.sn, this.p.dialect);
        const domain = d.modelKey ? describeModel(d.modelKey).domain : d.sn === gatewaySn ? 'dock' : 'aircraft';
        const fields = {
          bound: 1,
          callsign: d.callsign,
          binding_code: d.bindingCode,
          dji_org_id: d.organizationId,
          updated_at: w.now,
        };
        if (row) await updateDevice(w.trx, d.sn, { ...fields, model_key: d.modelKey ?? row.model_key });
        else
          await insertDevice(w.trx, {
            sn: d.sn,
            domain: domain === 'unknown' ? 'aircraft' : domain,
            model_key: d.modelKey,
            name: d.callsign || d.sn,
            gateway_sn: d.sn === gatewaySn ? null : gatewaySn,
            online: 1,
            last_seen_at: at,
            online_changed_at: at,
            registered_by: 'topology',
            created_at: w.now,
            ...fields,
          });
        w.audit({
          action: 'drones.device.bound',
          entityType: DEVICE_ENTITY,
          entityId: d.sn,
          after: { callsign: d.callsign, organizationId: d.organizationId },
        });
        this.online.set(d.sn, row ? row.online === 1 : true);
        if (d.sn !== gatewaySn) this.gatewayOf.set(d.sn, gatewaySn);
      }
      w.emit({
        type: 'drones.device.changed',
        entityType: DEVICE_ENTITY,
        entityId: gatewaySn,
        data: { sn: gatewaySn, bound: devices.map((d) => d.sn) },
      });
    });
  }

  /** The MQTT login of a dock: its username and password (argon2 verified). */
  async authenticate(username: string, password: string): Promise<string | null> {
    const d = await findByUsername(this.p.db, username);
    if (!d || !(await verifyPassword(d.mqtt_password_hash, password))) return null;
    return d.sn;
  }

  /** `update_topo`: the dock and what hangs under it now; aircraft no longer listed are detached. */
  async applyTopology(gatewaySn: string, topo: Topology, at: number): Promise<void> {
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const gw = await lockDevice(w.trx, gatewaySn, this.p.dialect);
      const gwDomain = topo.gatewayModelKey ? describeModel(topo.gatewayModelKey).domain : 'dock';
      if (!gw)
        await insertDevice(w.trx, {
          sn: gatewaySn,
          domain: gwDomain === 'unknown' ? 'dock' : gwDomain,
          model_key: topo.gatewayModelKey,
          name: gatewaySn,
          bound: 0,
          online: 1,
          last_seen_at: at,
          online_changed_at: at,
          firmware: topo.firmware,
          registered_by: 'topology',
          created_at: w.now,
          updated_at: w.now,
        });
      else
        await updateDevice(w.trx, gatewaySn, {
          model_key: topo.gatewayModelKey ?? gw.model_key,
          firmware: topo.firmware ?? gw.firmware,
          online: 1,
          last_seen_at: at,
          ...(gw.online ? {} : { online_changed_at: at }),
          updated_at: w.now,
        });
      const listed = new Set(topo.subDevices.map((s) => s.sn));
      for (const child of await devicesOfGateway(w.trx, gatewaySn))
        if (!listed.has(child.sn)) {
          await updateDevice(w.trx, child.sn, {
            gateway_sn: null,
            online: 0,
            online_changed_at: at,
            updated_at: w.now,
          });
          this.online.set(child.sn, false);
          this.gatewayOf.delete(child.sn);
        }
      for (const s of topo.subDevices) {
        const row = await findDevice(w.trx, s.sn);
        const domain = s.modelKey ? describeModel(s.modelKey).domain : 'aircraft';
        if (!row)
          await insertDevice(w.trx, {
            sn: s.sn,
            domain: domain === 'unknown' ? 'aircraft' : domain,
            model_key: s.modelKey,
            name: s.sn,
            gateway_sn: gatewaySn,
            bound: 0,
            online: 1,
            last_seen_at: at,
            online_changed_at: at,
            registered_by: 'topology',
            created_at: w.now,
            updated_at: w.now,
          });
        else
          await updateDevice(w.trx, s.sn, {
            gateway_sn: gatewaySn,
            model_key: s.modelKey ?? row.model_key,
            online: 1,
            last_seen_at: at,
            ...(row.online ? {} : { online_changed_at: at }),
            updated_at: w.now,
          });
        this.online.set(s.sn, true);
        this.gatewayOf.set(s.sn, gatewaySn);
      }
      w.emit({
        type: 'drones.device.topology',
        entityType: DEVICE_ENTITY,
        entityId: gatewaySn,
        data: { sn: gatewaySn, subDevices: topo.subDevices.map((s) => s.sn) },
      });
    });
    this.online.set(gatewaySn, true);
    this.lastSeen.set(gatewaySn, at);
  }

  /** A message from `sn` arrived: online again if it was not (a write only on that change). */
  async seen(sn: string, at: number): Promise<void> {
    this.lastSeen.set(sn, Math.max(at, this.lastSeen.get(sn) ?? 0));
    if (this.online.get(sn) !== false) return; // online already, or not a registered device
    this.online.set(sn, true);
    await this.setOnline(sn, true, at);
  }

  /** Offline now (a disconnect, or silence past the limit). */
  async offline(sn: string, at: number, reason: 'disconnect' | 'silence'): Promise<void> {
    const targets = [sn, ...(await devicesOfGateway(this.p.db, sn)).map((d) => d.sn)];
    for (const t of targets) {
      if (this.online.get(t) === false) continue;
      this.online.set(t, false);
      await this.setOnline(t, false, at, reason);
    }
  }

  /** Devices silent for longer than `silenceMs` go offline (a job on every node; the write is idempotent). */
  async sweep(now: number, silenceMs: number): Promise<number> {
    const stale = await staleOnline(this.p.db, now - silenceMs);
    let n = 0;
    for (const { sn } of stale) {
      // another node may have heard from it more recently than the database says
      if ((this.lastSeen.get(sn) ?? 0) > now - silenceMs) continue;
      await this.offline(sn, now, 'silence');
      n++;
    }
    return n;
  }

  private seenWritten = new Map<string, number>();

  /**
   * The last-seen instants worth writing: moved on by a quarter of `silenceMs` since last written
   * (the database's value only has to keep the offline sweep of other nodes from firing).
   */
  seenToWrite(silenceMs: number): { sn: string; at: number }[] {
    const out: { sn: string; at: number }[] = [];
    for (const [sn, at] of this.lastSeen)
      if (at - (this.seenWritten.get(sn) ?? 0) >= silenceMs / 4) {
        out.push({ sn, at });
        this.seenWritten.set(sn, at);
      }
    return out;
  }

  private async setOnline(sn: string, online: boolean, at: number, reason?: string): Promise<void> {
    await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const d = await lockDevice(w.trx, sn, this.p.dialect);
      if (!d || (d.online === 1) === online) return;
      await updateDevice(w.trx, sn, {
        online: online ? 1 : 0,
        online_changed_at: at,
        updated_at: w.now,
        ...(online ? { last_seen_at: at } : {}),
      });
      w.emit({
        type: online ? 'drones.device.online' : 'drones.device.offline',
        entityType: DEVICE_ENTITY,
        entityId: sn,
        data: { sn, reason: reason ?? null },
      });
    });
  }
}
