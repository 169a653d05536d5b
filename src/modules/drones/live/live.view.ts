import type { Static } from '@sinclair/typebox';
import { dockErrorBilingual } from '../dji/codes';
import type { DeviceRow } from '../devices/devices.repo';
import type { LiveStreamReport, LiveVideoSource } from './live-capacity';
import type { LiveCommand, LiveStatus } from './live.contract';
import type { liveCommands } from './live.repo';
import { type LiveSettings, type PushType, playTarget } from './live-urls';

type CommandRow = Awaited<ReturnType<typeof liveCommands>>[number];

function videoIdOf(c: CommandRow): string | null {
  try {
    const d = JSON.parse(c.data) as { video_id?: unknown };
    return typeof d.video_id === 'string' ? d.video_id : null;
  } catch {
    return null;
  }
}

function qualityOf(c: CommandRow): number | null {
  try {
    const q = (JSON.parse(c.data) as { video_quality?: unknown }).video_quality;
    return typeof q === 'number' ? q : null;
  } catch {
    return null;
  }
}

function commandView(c: CommandRow): Static<typeof LiveCommand> {
  return {
    method: c.method,
    status: c.status,
    attempt: c.attempt,
    resultCode: c.result_code,
    reason: c.status === 'refused' && c.result_code !== null ? dockErrorBilingual(c.result_code) : null,
    at: c.replied_at ?? c.sent_at,
  };
}

/**
 * The live state of a dock's cameras: what live_capacity offers, whether each is pushing (the
 * dock's live_status when it reports one, else the last accepted start or stop), the play URL.
 */
export function liveStatusView(x: {
  dock: DeviceRow;
  sources: LiveVideoSource[];
  reports: LiveStreamReport[];
  commands: CommandRow[];
  settings: LiveSettings;
  pushType: PushType | null;
}): Static<typeof LiveStatus> {
  const byVideo = new Map<string, CommandRow[]>();
  for (const c of x.commands) {
    const v = videoIdOf(c);
    if (!v) continue;
    const list = byVideo.get(v) ?? [];
    list.push(c);
    byVideo.set(v, list);
  }
  return {
    dockSn: x.dock.sn,
    online: x.dock.online === 1,
    configured: x.pushType !== null,
    playable: !!x.settings.livePlayUrl,
    pushType: x.pushType,
    sources: x.sources.map((s) => {
      const cmds = byVideo.get(s.videoId) ?? [];
      const report = x.reports.find((r) => r.videoId === s.videoId);
      const lastSwitch = cmds.find(
        (c) => c.status === 'accepted' && (c.method === 'live_start_push' || c.method === 'live_stop_push'),
      );
      const lastQuality = cmds.find(
        (c) => c.status === 'accepted' && (c.method === 'live_start_push' || c.method === 'live_set_quality'),
      );
      const lastLens = cmds.find((c) => c.status === 'accepted' && c.method === 'live_lens_change');
      let lens = s.videoType;
      if (lastLens) {
        try {
          lens = String((JSON.parse(lastLens.data) as { video_type?: unknown }).video_type ?? lens);
        } catch {}
      }
      const play = playTarget(x.settings, s, x.dock.sn);
      return {
        videoId: s.videoId,
        deviceSn: s.deviceSn,
        cameraIndex: s.cameraIndex,
        videoIndex: s.videoIndex,
        videoType: report?.videoType ?? lens,
        switchable: s.switchable,
        pushing: report ? report.pushing : lastSwitch?.method === 'live_start_push',
        quality: report?.quality ?? (lastQuality ? qualityOf(lastQuality) : null),
        playUrl: play?.url ?? null,
        playKind: play?.kind ?? null,
        lastCommand: cmds[0] ? commandView(cmds[0]) : null,
      };
    }),
  };
}
