/** Drone media: what docks uploaded, with where and when (imports only TypeBox and contract blocks). */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeAt, MaybeNumber, MaybeString } from '../../../platform/contract';

export const MediaItem = T.Object({
  id: T.String(),
  name: T.String(),
  dockSn: T.String(),
  flightId: MaybeString,
  lng: MaybeNumber,
  lat: MaybeNumber,
  relativeAltitude: MaybeNumber,
  gimbalYaw: MaybeNumber,
  takenAt: MaybeAt,
  createdAt: At,
  /** a presigned link to the object, valid for an hour */
  url: T.String(),
});
export const MediaList = Items(MediaItem);
export const MediaQuery = T.Object({
  /** one picture (an AI finding's, in the review queue) */
  id: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  flightId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  dockSn: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  from: T.Optional(T.Integer({ minimum: 0 })),
  to: T.Optional(T.Integer({ minimum: 0 })),
});
