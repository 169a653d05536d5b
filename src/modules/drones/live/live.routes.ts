import type { Http } from '../../../platform/http';
import { auditContext } from '../../../platform/request-context';
import { SnParams } from '../contract';
import {
  LiveLensBody,
  LiveOutcome,
  LiveQualityBody,
  LiveStartBody,
  LiveStatus,
  LiveStopBody,
  NoQuery,
} from './live.contract';
import type { LiveVideo } from './live.service';

const tags = ['drones'];
const fly = { permission: 'drones.fly' } as const;
const commandSchema = <B>(summary: string, body: B) => ({
  tags,
  summary,
  params: SnParams,
  querystring: NoQuery,
  body,
  response: { 200: LiveOutcome },
});

/**
 * 直播: a dock's cameras and their streams; start, stop, quality and lens need drones.fly (they
 * drive the dock's uplink), seeing them drones.read. A command answers once the dock has accepted
 * or refused it (or has not answered any of DockCommands' attempts).
 */
export function liveVideoRoutes(app: Http, live: LiveVideo) {
  app.get(
    '/api/drones/devices/:sn/live',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags,
        summary: '直播状态：可用相机、推流状态、播放地址 / live video: cameras, streams, play URLs',
        params: SnParams,
        querystring: NoQuery,
        response: { 200: LiveStatus },
      },
    },
    (req) => live.status(req.params.sn),
  );
  app.post(
    '/api/drones/devices/:sn/live/start',
    {
      config: fly,
      schema: commandSchema(
        '开始直播推流（首次失败自动重试一次）/ start the live stream (a failed first push is retried once)',
        LiveStartBody,
      ),
    },
    (req) => live.start(auditContext(req), req.params.sn, req.body),
  );
  app.post(
    '/api/drones/devices/:sn/live/stop',
    { config: fly, schema: commandSchema('停止直播推流 / stop the live stream', LiveStopBody) },
    (req) => live.stop(auditContext(req), req.params.sn, req.body),
  );
  app.post(
    '/api/drones/devices/:sn/live/quality',
    { config: fly, schema: commandSchema('设置直播清晰度 / set the live quality', LiveQualityBody) },
    (req) => live.quality(auditContext(req), req.params.sn, req.body),
  );
  app.post(
    '/api/drones/devices/:sn/live/lens',
    { config: fly, schema: commandSchema('切换直播镜头 / switch the live lens', LiveLensBody) },
    (req) => live.lens(auditContext(req), req.params.sn, req.body),
  );
}
