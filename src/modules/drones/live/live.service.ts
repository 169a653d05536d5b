import type { Static } from '@sinclair/typebox';
import type { AuditContext } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { AppError, badRequest, conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import type { DeviceRegistry } from '../devices/registry.service';
import { DEVICE_ENTITY } from '../devices/registry.service';
import { dockErrorBilingual } from '../dji/codes';
import type { CloudApiGateway } from '../dji/gateway';
import type { TelemetryStore } from '../telemetry/telemetry.store';
import type { DockCommands } from '../missions/commands.service';
import { type LiveVideoSource, liveReports, liveSources } from './live-capacity';
import type { LiveStatus } from './live.contract';
import { commandAttempts, liveCommands } from './live.repo';
import { type LiveSettings, pushTarget, pushTypeOf } from './live-urls';
import { liveStatusView } from './live.view';

/** How long a request waits for the dock's services_reply (DockCommands resends twice, 3 s apart). */
const REPLY_DEADLINE_MS = 20_000;
const POLL_MS = 100;

type Outcome = { kind: 'accepted' } | { kind: 'refused'; code: number } | { kind: 'timeout' };

/**
 * Live video the Cloud API way: `live_start_push` to the media gateway configured for the
 * deployment (RTMP, WHIP or GB28181), `live_stop_push`, `live_set_quality`, `live_lens_change`,
 * each with a `video_id` from the dock's `live_capacity`. Commands go through DockCommands (queued
 * in the use case's transaction with its audit row and event, sent by a job, correlated by tid in
 * the database — the reply may reach another node); the request waits for the outcome there. A
 * first push that fails is sent once more, as DJI's own cloud does.
 */
export class LiveVideo {
  constructor(
    private p: PlatformContext,
    private registry: DeviceRegistry,
    private telemetry: TelemetryStore,
    private commands: DockCommands,
    private gateway: () => CloudApiGateway | null,
    private settings: LiveSettings,
  ) {}

  /** The dock a serial's commands go to (an aircraft's is its dock) and its children. */
  private async dockOf(sn: string) {
    const d = await this.registry.get(sn);
    if (d.domain === 'dock') return d;
    if (d.gateway_sn) return this.registry.get(d.gateway_sn);
    throw badRequest('not_a_dock', '该设备不经机场接入，无直播 / this device has no dock to stream through');
  }

  /** The sources the dock (and its aircraft) offer, from their live_capacity state. */
  private async sources(
    dockSn: string,
  ): Promise<{ sources: LiveVideoSource[]; reports: ReturnType<typeof liveReports> }> {
    const sns = [dockSn, ...(await this.registry.list()).filter((c) => c.gateway_sn === dockSn).map((c) => c.sn)];
    const seen = new Set<string>();
    const sources: LiveVideoSource[] = [];
    const reports: ReturnType<typeof liveReports> = [];
    for (const sn of sns) {
      const v = this.telemetry.get(sn).values;
      for (const s of liveSources(v.live_capacity))
        if (!seen.has(s.videoId)) {
          seen.add(s.videoId);
          sources.push(s);
        }
      reports.push(...liveReports(v.live_status));
    }
    return { sources, reports };
  }

  async status(sn: string): Promise<Static<typeof LiveStatus>> {
    const dock = await this.dockOf(sn);
    const { sources, reports } = await this.sources(dock.sn);
    const cmds = await liveCommands(this.p.db, dock.sn);
    return liveStatusView({
      dock,
      sources,
      reports,
      commands: cmds,
      settings: this.settings,
      pushType: this.settings.livePushUrl
        ? (this.settings.livePushType ?? pushTypeOf(this.settings.livePushUrl))
        : null,
    });
  }

  async start(ctx: AuditContext, sn: string, body: { videoId?: string; quality?: number }) {
    const { dock, source } = await this.target(sn, body.videoId);
    const push = pushTarget(this.settings, source, dock.sn);
    if (!push)
      throw conflict(
        'live_not_configured',
        '未配置媒体网关（LIVE_PUSH_URL），无法直播 / no media gateway is configured (LIVE_PUSH_URL)',
      );
    const data = { url_type: push.urlType, url: push.url, video_id: source.videoId, video_quality: body.quality ?? 0 };
    let attempts = 0;
    let outcome: Outcome = { kind: 'timeout' };
    // a first push often fails (the gateway not ready, the link still coming up): once more
    for (let round = 0; round < 2; round++) {
      const firstTid = await this.send(ctx, dock.sn, 'live_start_push', data, round === 0 ? 'start' : 'start_retry');
      outcome = await this.await(firstTid);
      attempts++;
      if (outcome.kind !== 'refused') break;
    }
    this.raise(outcome, 'live_start_push');
    return { attempts, status: await this.status(dock.sn) };
  }

  async stop(ctx: AuditContext, sn: string, body: { videoId?: string }) {
    return this.simple(ctx, sn, body.videoId, 'live_stop_push', 'stop', (s) => ({ video_id: s.videoId }));
  }

  async quality(ctx: AuditContext, sn: string, body: { videoId?: string; quality: number }) {
    return this.simple(ctx, sn, body.videoId, 'live_set_quality', 'quality', (s) => ({
      video_id: s.videoId,
      video_quality: body.quality,
    }));
  }

  async lens(ctx: AuditContext, sn: string, body: { videoId?: string; videoType: string }) {
    return this.simple(ctx, sn, body.videoId, 'live_lens_change', 'lens', (s) => {
      if (s.switchable.length && !s.switchable.includes(body.videoType))
        throw badRequest(
          'lens_not_available',
          `该镜头不可切换为 ${body.videoType}（可选：${s.switchable.join('、')}）/ this camera cannot switch to ${body.videoType} (can: ${s.switchable.join(', ')})`,
        );
      return { video_id: s.videoId, video_type: body.videoType };
    });
  }

  private async simple(
    ctx: AuditContext,
    sn: string,
    videoId: string | undefined,
    method: string,
    what: string,
    data: (s: LiveVideoSource) => Record<string, unknown>,
  ) {
    const { dock, source } = await this.target(sn, videoId);
    const firstTid = await this.send(ctx, dock.sn, method, data(source), what);
    this.raise(await this.await(firstTid), method);
    return { attempts: 1, status: await this.status(dock.sn) };
  }

  /** The dock and the video a command is for: the one named, or the first the dock offers. */
  private async target(sn: string, videoId: string | undefined) {
    const dock = await this.dockOf(sn);
    if (!this.gateway()) throw new AppError(503, 'mqtt_unavailable', 'MQTT 未运行 / MQTT is not running');
    if (dock.online !== 1) throw conflict('device_offline', '机场离线 / the dock is offline');
    const { sources } = await this.sources(dock.sn);
    if (sources.length === 0)
      throw conflict(
        'no_live_source',
        '机场未上报可直播的相机（live_capacity）/ the dock has reported no live cameras',
      );
    const source = videoId ? sources.find((s) => s.videoId === videoId) : sources[0];
    if (!source) throw badRequest('unknown_video', `机场没有该视频源 / the dock offers no video ${videoId}`);
    return { dock, source };
  }

  /** One command in one transaction: queued for the send job, audited, announced. */
  private send(ctx: AuditContext, dockSn: string, method: string, data: Record<string, unknown>, what: string) {
    return this.p.transact(ctx, async (w) => {
      const tid = this.commands.queue(w, dockSn, method, data, `live-${newId(w.now)}`, ctx.actorId);
      w.audit({ action: `drones.live.${what}`, entityType: DEVICE_ENTITY, entityId: dockSn, after: data });
      w.emit({
        type: 'drones.live.command',
        entityType: DEVICE_ENTITY,
        entityId: dockSn,
        data: { sn: dockSn, method, videoId: data.video_id ?? null },
      });
      return tid;
    });
  }

  /** Waits, in the database, for any attempt's reply or the last attempt's timeout. */
  private async await(firstTid: string): Promise<Outcome> {
    const end = Date.now() + REPLY_DEADLINE_MS;
    for (;;) {
      const rows = await commandAttempts(this.p.db, firstTid);
      const answered = rows.find((r) => r.status === 'accepted' || r.status === 'refused');
      if (answered)
        return answered.status === 'accepted'
          ? { kind: 'accepted' }
          : { kind: 'refused', code: answered.result_code ?? -1 };
      if (rows.some((r) => r.status === 'timeout') || Date.now() > end) return { kind: 'timeout' };
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private raise(o: Outcome, method: string): void {
    if (o.kind === 'refused')
      throw conflict('live_refused', `机场拒绝直播指令 / the dock refused ${method}: ${dockErrorBilingual(o.code)}`, {
        code: o.code,
      });
    if (o.kind === 'timeout')
      throw new AppError(
        504,
        'dock_no_reply',
        `机场未应答 ${method}（已重试）/ the dock did not answer ${method} (retried)`,
      );
  }
}
