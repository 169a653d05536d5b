/** Live video of docks and aircraft (DJI Cloud API live stream), as TypeBox schemas. */
import { Type as T } from '@sinclair/typebox';
import { MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';

export const LIVE_LENSES = ['normal', 'wide', 'zoom', 'ir'] as const;
export const LIVE_PLAY_KINDS = ['hls', 'flv', 'webrtc', 'video'] as const;
export const LIVE_PUSH_TYPES = ['rtmp', 'whip', 'gb28181'] as const;
/** `video_quality`: 0 adaptive, 1 smooth 540p, 2 720p (1 Mbps), 3 720p (1.5 Mbps), 4 1080p. */
export const LiveQuality = T.Integer({ minimum: 0, maximum: 4 });
/** A video id as in `live_capacity`: `{sn}/{camera_index}/{video_index}`. */
export const VideoId = T.String({ pattern: '^[A-Za-z0-9._-]{1,64}/[A-Za-z0-9._-]{1,64}/[A-Za-z0-9._-]{1,64}$' });

/** The live routes take no query parameters. */
export const NoQuery = T.Object({}, { additionalProperties: false });

export const LiveCommand = T.Object({
  method: T.String(),
  status: T.String(),
  attempt: T.Integer(),
  resultCode: MaybeNumber,
  reason: MaybeString,
  at: MaybeAt,
});

export const LiveSource = T.Object({
  videoId: T.String(),
  deviceSn: T.String(),
  cameraIndex: T.String(),
  videoIndex: T.String(),
  videoType: MaybeString,
  switchable: T.Array(T.String()),
  /** as the dock's live_status says, else from the last accepted start/stop */
  pushing: T.Boolean(),
  quality: MaybeNumber,
  playUrl: MaybeString,
  playKind: Nullable(OneOf(LIVE_PLAY_KINDS)),
  lastCommand: Nullable(LiveCommand),
});

export const LiveStatus = T.Object({
  /** the dock the commands go to */
  dockSn: T.String(),
  online: T.Boolean(),
  /** a media gateway to push to is configured (LIVE_PUSH_URL) */
  configured: T.Boolean(),
  /** browsers have a play URL (LIVE_PLAY_URL) */
  playable: T.Boolean(),
  pushType: Nullable(OneOf(LIVE_PUSH_TYPES)),
  sources: T.Array(LiveSource),
});

export const LiveOutcome = T.Object({
  /** how many live_start_push (etc.) were sent before the dock accepted (a first push often fails) */
  attempts: T.Integer(),
  status: LiveStatus,
});

export const LiveStartBody = T.Object(
  { videoId: T.Optional(VideoId), quality: T.Optional(LiveQuality) },
  { additionalProperties: false },
);
export const LiveStopBody = T.Object({ videoId: T.Optional(VideoId) }, { additionalProperties: false });
export const LiveQualityBody = T.Object(
  { videoId: T.Optional(VideoId), quality: LiveQuality },
  { additionalProperties: false },
);
export const LiveLensBody = T.Object(
  { videoId: T.Optional(VideoId), videoType: OneOf(LIVE_LENSES) },
  { additionalProperties: false },
);
