/** AI findings: the API recognition services post to, and the review queue (imports only TypeBox and contract blocks). */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeAt, MaybeString, Nullable, OneOf } from '../../../platform/contract';

export const ALGORITHM_NAMES = [
  'illegal_construction',
  'garbage',
  'water_pollution',
  'floating_debris',
  'smoke_fire',
  'road_damage',
  'illegal_parking',
  'crowding',
  'space_occupation',
  'construction_dust',
] as const;
export const FINDING_STATUSES = ['pending', 'confirmed', 'dismissed', 'merged'] as const;

export const SubmitFindingBody = T.Object(
  {
    algorithm: OneOf(ALGORITHM_NAMES),
    confidence: T.Number({ minimum: 0, maximum: 1 }),
    lng: T.Number({ minimum: -180, maximum: 180 }),
    lat: T.Number({ minimum: -90, maximum: 90 }),
    address: T.Optional(T.String({ minLength: 1, maxLength: 200 })),
    /** the object's box in the picture: x, y, width, height as fractions 0–1 */
    box: T.Optional(
      T.Tuple([
        T.Number({ minimum: 0, maximum: 1 }),
        T.Number({ minimum: 0, maximum: 1 }),
        T.Number({ minimum: 0, maximum: 1 }),
        T.Number({ minimum: 0, maximum: 1 }),
      ]),
    ),
    /** the drone picture it was found on (GET /api/drones/media) */
    mediaId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    flightId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    /** the service's own id: posting the same one again returns the first answer */
    externalId: T.Optional(T.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);

export const Finding = T.Object({
  id: T.String(),
  algorithm: OneOf(ALGORITHM_NAMES),
  confidence: T.Number(),
  status: OneOf(FINDING_STATUSES),
  lng: T.Number(),
  lat: T.Number(),
  address: MaybeString,
  /** the object's box in the picture (x, y, width, height as fractions), when the service gave one */
  box: Nullable(T.Array(T.Number(), { minItems: 4, maxItems: 4 })),
  mediaId: MaybeString,
  flightId: MaybeString,
  dockSn: MaybeString,
  source: MaybeString,
  mergedInto: MaybeString,
  repeats: T.Integer(),
  orderId: MaybeString,
  orderNumber: MaybeString,
  reviewedBy: MaybeString,
  reviewedAt: MaybeAt,
  note: MaybeString,
  createdAt: At,
});
export const FindingList = Items(Finding);
export const FindingSubmitted = T.Object({ finding: Finding, merged: T.Boolean(), replayed: T.Boolean() });
export const FindingQuery = T.Object({ status: T.Optional(OneOf(FINDING_STATUSES)) });
export const FindingParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const ReviewFindingBody = T.Object(
  { decision: OneOf(['confirm', 'dismiss'] as const), note: T.Optional(T.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);
