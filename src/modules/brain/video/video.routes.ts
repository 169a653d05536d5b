import { Ok } from '../../../platform/contract';
import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { AppError } from '../../../platform/errors';
import { Binary } from '../../../platform/contract';
import { groupView, type VideoGroups } from './groups.service';
import type { VideoPlay } from './play.service';
import type { VideoSync } from './wvp/wvp-sync.service';
import {
  CameraParams,
  Group,
  GroupBody,
  GroupParams,
  NoBody,
  NoQuery,
  PlayUrls,
  SyncResult,
  SyncState,
  Tree,
  TreeQuery,
} from './video.contract';

const TAGS = ['brain'];

/** The channel tree and its groups, the catalogue sync, play and snapshots. */
export function videoRoutes(app: Http, s: { groups: VideoGroups; sync: VideoSync; play: VideoPlay }) {
  app.get(
    '/api/brain/video/tree',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary:
          '通道树：按行政区划或业务分组/虚拟组织 / the channel tree by 行政区划 or by business group / virtual organisation',
        querystring: TreeQuery,
        response: { 200: Tree },
      },
    },
    async (req) => {
      const by = req.query.by ?? 'area';
      return { by, items: await s.groups.tree(by) };
    },
  );

  app.put(
    '/api/brain/video/groups/:id',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary:
          '新建或修改业务分组(215)/虚拟组织(216) / create or change a business group (215) or virtual organisation (216)',
        params: GroupParams,
        querystring: NoQuery,
        body: GroupBody,
        response: { 200: Group },
      },
    },
    async (req) => groupView(await s.groups.put(auditContext(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/brain/video/groups/:id',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '删除空分组 / delete an empty group',
        params: GroupParams,
        querystring: NoQuery,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await s.groups.remove(auditContext(req), req.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/api/brain/video/sync',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '目录同步状态 / the catalogue sync state',
        querystring: NoQuery,
        response: { 200: SyncState },
      },
    },
    async () => ({
      configured: s.sync.settings !== null,
      intervalS: s.sync.settings?.intervalS ?? 0,
      last: s.sync.last,
      lastError: s.sync.lastError,
    }),
  );

  app.post(
    '/api/brain/video/sync',
    {
      config: { permission: 'brain.manage' },
      schema: {
        tags: TAGS,
        summary: '立即从 GB/T 28181 平台同步设备与通道 / sync devices and channels from the GB/T 28181 platform now',
        querystring: NoQuery,
        body: NoBody,
        response: { 200: SyncResult },
      },
    },
    async (req) => {
      if (!s.sync.settings)
        // 409, not 503: nothing is down — this install has no platform to sync from (play answers 503: it needs one)
        throw new AppError(
          409,
          'video_gateway_not_configured',
          '未配置 GB/T 28181 平台（VIDEO_GATEWAY_URL），无从同步 / no GB/T 28181 platform is configured to sync from',
        );
      try {
        return await s.sync.kick(auditContext(req));
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError(502, 'video_gateway_error', `同步失败 / the sync failed: ${(e as Error).message}`);
      }
    },
  );

  app.post(
    '/api/brain/cameras/:id/play',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '播放：经视频网关取流地址（HTTP-FLV/HLS/WebRTC）/ play: the stream URLs from the video gateway',
        params: CameraParams,
        querystring: NoQuery,
        body: NoBody,
        response: { 200: PlayUrls },
      },
    },
    async (req) => s.play.play(req.params.id),
  );

  app.get(
    '/api/brain/cameras/:id/snapshot',
    {
      config: { permission: 'brain.read' },
      schema: {
        tags: TAGS,
        summary: '抓图 / a snapshot through the video gateway',
        params: CameraParams,
        querystring: NoQuery,
        response: { 200: Binary('image/jpeg', 'the snapshot') },
      },
    },
    async (req, reply) => {
      const snap = await s.play.snapshot(req.params.id);
      reply.header('content-type', snap.type).header('cache-control', 'no-store');
      return reply.send(snap.data);
    },
  );
}
