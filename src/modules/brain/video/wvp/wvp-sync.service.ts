/**
 * The catalogue sync from a GB/T 28181 platform (wvp-style HTTP API): devices, their channels and
 * online status. The job runner ticks it every VIDEO_SYNC_INTERVAL_S; the tick only queues the
 * next one and starts a pass outside the job's transaction (the pass waits on the platform's
 * HTTP answers; on SQLite the job's transaction holds the one connection). A pass writes
 * everything it learnt in one transaction with one audit row and one event.
 */
import type { Static } from '@sinclair/typebox';
import { type AuditContext, SYSTEM_CONTEXT } from '../../../../platform/audit';
import type { PlatformContext } from '../../../../platform/context';
import { enqueueJob } from '../../../../platform/jobs';
import {
  type CameraInsert,
  type CameraRow,
  allCameras,
  listDevices,
  listGroups,
  upsertCameras,
  upsertDevices,
  upsertGroups,
} from '../cameras.repo';
import { CAMERA_ENTITY, type Cameras } from '../cameras.service';
import { cameraRow, fieldsOf } from '../cameras.view';
import { checkCameraId, checkGroupId, GROUP_TYPES, isCivilCode } from '../gbt28181';
import { type BrainDeps, communityAt } from '../lookups';
import type { SyncResult } from '../video.contract';
import { type WvpChannel, WvpClient, type WvpDevice, type WvpSettings } from './wvp-client';

export const SYNC_JOB = 'brain.video.sync';

export interface SyncSettings extends WvpSettings {
  intervalS: number;
}

type Result = Static<typeof SyncResult>;

export class VideoSync {
  last: Result | null = null;
  lastError: string | null = null;
  private pass: Promise<unknown> = Promise.resolve();

  constructor(
    private p: PlatformContext,
    private deps: BrainDeps,
    private cameras: Cameras,
    readonly settings: SyncSettings | null,
  ) {
    p.jobs.register(SYNC_JOB, async (trx, job) => {
      const now = p.clock.now();
      const every = (this.settings?.intervalS ?? 0) * 1000;
      if (every > 0) {
        const slot = Math.floor(Number(job.payload.slot ?? now) / every) * every + every;
        await enqueueJob(
          trx,
          SYNC_JOB,
          { runAt: Math.max(slot, now), payload: { slot }, dedupeKey: `${SYNC_JOB}:${slot}` },
          now,
        );
      }
      void this.kick(SYSTEM_CONTEXT);
    });
  }

  /** Queues the first tick (once per slot across nodes: the dedupe key). */
  async start(): Promise<void> {
    if (!this.settings || this.settings.intervalS <= 0) return;
    const now = this.p.clock.now();
    await enqueueJob(this.p.db, SYNC_JOB, { runAt: now, payload: { slot: now }, dedupeKey: `${SYNC_JOB}:first` }, now);
  }

  settled(): Promise<unknown> {
    return this.pass;
  }

  /** A pass after the ones already asked for; resolves with its result (errors are kept in lastError). */
  kick(ctx: AuditContext): Promise<Result> {
    const run = this.pass.catch(() => undefined).then(() => this.run(ctx));
    this.pass = run.catch((err) => {
      this.lastError = (err as Error).message;
      this.p.logger.warn({ err: this.lastError }, 'video catalogue sync failed');
    });
    return run;
  }

  private async run(ctx: AuditContext): Promise<Result> {
    if (!this.settings) throw new Error('no GB/T 28181 platform is configured (VIDEO_GATEWAY_URL)');
    const client = new WvpClient(this.settings);
    const devices = await client.devices();
    const channels: WvpChannel[] = [];
    for (const d of devices) channels.push(...(await client.channels(d.id)));
    const result = await this.apply(ctx, devices, channels);
    this.last = result;
    this.lastError = null;
    return result;
  }

  /** Writes one sync's findings (devices, groups, cameras and their status) in one transaction. */
  async apply(ctx: AuditContext, devices: WvpDevice[], channels: WvpChannel[]): Promise<Result> {
    const [existing, knownDevices, knownGroups] = await Promise.all([
      allCameras(this.p.db),
      listDevices(this.p.db),
      listGroups(this.p.db),
    ]);
    const byId = new Map(existing.map((c) => [c.id, c]));
    const deviceBefore = new Map(knownDevices.map((d) => [d.id, d]));
    let skipped = 0;
    const groups = channels.flatMap((c) => {
      const g = checkGroupId(c.id);
      if (!g.ok || (c.channelType !== 2 && c.channelType !== 0)) return [];
      return [
        {
          id: c.id,
          name: c.name,
          kind: g.parts.type === GROUP_TYPES.businessGroup ? 'business_group' : 'virtual_org',
          parentId: c.parentId ?? c.businessGroupId,
        },
      ];
    });
    const groupIds = new Set([...knownGroups.map((g) => g.id), ...groups.map((g) => g.id)]);
    const cams: Array<{ c: WvpChannel; before?: CameraRow; community: string | null }> = [];
    const seen = new Set<string>();
    for (const c of channels) {
      if (groupIds.has(c.id) || c.channelType === 1) continue;
      const before = byId.get(c.id);
      const point =
        c.lng !== null && c.lat !== null
          ? { lng: c.lng, lat: c.lat }
          : before
            ? { lng: before.lng, lat: before.lat }
            : null;
      if (!checkCameraId(c.id).ok || !point || seen.has(c.id)) {
        skipped++;
        continue;
      }
      seen.add(c.id);
      const moved = !before || before.lng !== point.lng || before.lat !== point.lat;
      const community = moved ? await communityAt(this.deps, point.lng, point.lat) : before!.community_code;
      cams.push({ c: { ...c, lng: point.lng, lat: point.lat }, before, community });
    }
    return this.p
      .transact(ctx, async (w) => {
        await upsertDevices(
          w.trx,
          devices.map((d) => {
            const b = deviceBefore.get(d.id);
            return {
              id: d.id,
              name: d.name,
              type_code: d.id.length === 20 ? d.id.slice(10, 13) : null,
              manufacturer: d.manufacturer,
              online: d.online ? 1 : 0,
              channel_count: channels.filter((c) => c.deviceId === d.id).length,
              synced_at: w.now,
              status_changed_at: b && b.online === (d.online ? 1 : 0) ? b.status_changed_at : w.now,
            };
          }),
        );
        if (groups.length)
          await upsertGroups(
            w.trx,
            groups.map((g) => ({
              id: g.id,
              name: g.name,
              kind: g.kind,
              parent_id: g.parentId && g.parentId !== g.id ? g.parentId : null,
              source: 'wvp',
              demo: 0,
              created_at: w.now,
              updated_at: w.now,
            })),
          );
        let statusChanged = 0;
        const rows: CameraInsert[] = cams.map(({ c, before, community }) => {
          const keep = before ? fieldsOf(before) : null;
          if (before && (before.online === 1) !== c.online) statusChanged++;
          const parent = [c.parentId, c.businessGroupId].find((g) => g && groupIds.has(g)) ?? keep?.groupId ?? null;
          return cameraRow(
            {
              id: c.id,
              name: c.name,
              lng: c.lng!,
              lat: c.lat!,
              deviceId: c.deviceId === c.id ? null : c.deviceId,
              groupId: parent,
              civilCode:
                c.civilCode && isCivilCode(c.civilCode) && c.civilCode.length === 8
                  ? c.civilCode
                  : (keep?.civilCode ?? null),
              communityCode: community,
              orgId: keep?.orgId ?? null,
              ptz: c.ptz,
              direction: c.direction ?? keep?.direction ?? null,
              online: c.online,
              address: c.address ?? keep?.address ?? null,
            },
            (before?.source as 'wvp') ?? 'wvp',
            w.now,
            before,
          );
        });
        // channels the platform no longer lists under a device it listed: offline, kept
        const listed = new Set(devices.map((d) => d.id));
        for (const e of existing)
          if (e.source === 'wvp' && e.online === 1 && e.device_id && listed.has(e.device_id) && !seen.has(e.id)) {
            rows.push(cameraRow({ ...fieldsOf(e), online: false }, 'wvp', w.now, e));
            statusChanged++;
          }
        await upsertCameras(w.trx, rows);
        const created = cams.filter((x) => !x.before).length;
        const out: Result = {
          devices: devices.length,
          channels: channels.length,
          created,
          updated: rows.length - created,
          statusChanged,
          groups: groups.length,
          skipped,
          at: w.now,
        };
        w.audit({ action: 'brain.video.synced', entityType: CAMERA_ENTITY, entityId: 'sync', after: out });
        w.emit({ type: 'brain.video.synced', entityType: CAMERA_ENTITY, entityId: 'sync', data: out });
        return out;
      })
      .finally(() => this.cameras.invalidate());
  }
}
