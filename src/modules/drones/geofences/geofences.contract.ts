/**
 * Geofences (电子围栏) of the drone command centre: no-fly zones and stay-inside areas, each a polygon
 * or a circle, in WGS-84 (the docks' own datum). Imports only TypeBox and the platform's contract blocks.
 */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';

/** no_fly: keep out (DJI `nfz`); stay_inside: the aircraft may not leave it (DJI `dfence`). */
export const GEOFENCE_KINDS = ['no_fly', 'stay_inside'] as const;
export const GEOFENCE_SHAPES = ['polygon', 'circle'] as const;
/** `flight_areas_sync_progress` statuses as the dock reports them. */
export const GEOFENCE_SYNC_STATUSES = ['wait_sync', 'synchronizing', 'synchronized', 'fail', 'switch_fail'] as const;
/** A closed ring may hold at most 255 points (254 distinct), DJI's limit for a custom flight area. */
export const MAX_POLYGON_POINTS = 254;
export const MIN_CIRCLE_RADIUS_M = 10;
export const MAX_CIRCLE_RADIUS_M = 50_000;

const Lng = T.Number({ minimum: -180, maximum: 180 });
const Lat = T.Number({ minimum: -90, maximum: 90 });
const Height = T.Number({ minimum: 0, maximum: 1500 });
const LngLatPair = T.Tuple([Lng, Lat]);
const Point = T.Object({ lng: Lng, lat: Lat }, { additionalProperties: false });

const fields = {
  name: T.String({ minLength: 1, maxLength: 60 }),
  kind: OneOf(GEOFENCE_KINDS),
  shape: OneOf(GEOFENCE_SHAPES),
  /** polygon: its outer ring as [lng, lat] points (closing point optional) */
  polygon: T.Array(LngLatPair, { minItems: 3, maxItems: MAX_POLYGON_POINTS + 1 }),
  /** circle: centre and radius */
  center: Point,
  radiusM: T.Number({ minimum: MIN_CIRCLE_RADIUS_M, maximum: MAX_CIRCLE_RADIUS_M }),
  enabled: T.Boolean(),
  /** optional height band in metres above the take-off point (see docs/drones.md) */
  minHeightM: Height,
  maxHeightM: Height,
  orgId: T.String({ minLength: 1, maxLength: 64 }),
  notes: T.String({ maxLength: 500 }),
};

export const CreateGeofenceBody = T.Object(
  {
    name: fields.name,
    kind: fields.kind,
    shape: fields.shape,
    polygon: T.Optional(fields.polygon),
    center: T.Optional(fields.center),
    radiusM: T.Optional(fields.radiusM),
    enabled: T.Optional(fields.enabled),
    minHeightM: T.Optional(Nullable(fields.minHeightM)),
    maxHeightM: T.Optional(Nullable(fields.maxHeightM)),
    orgId: T.Optional(Nullable(fields.orgId)),
    notes: T.Optional(Nullable(fields.notes)),
  },
  { additionalProperties: false },
);

export const UpdateGeofenceBody = T.Object(
  {
    name: T.Optional(fields.name),
    kind: T.Optional(fields.kind),
    shape: T.Optional(fields.shape),
    polygon: T.Optional(fields.polygon),
    center: T.Optional(fields.center),
    radiusM: T.Optional(fields.radiusM),
    enabled: T.Optional(fields.enabled),
    minHeightM: T.Optional(Nullable(fields.minHeightM)),
    maxHeightM: T.Optional(Nullable(fields.maxHeightM)),
    orgId: T.Optional(Nullable(fields.orgId)),
    notes: T.Optional(Nullable(fields.notes)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Geofence = T.Object({
  id: T.String(),
  name: T.String(),
  kind: OneOf(GEOFENCE_KINDS),
  shape: OneOf(GEOFENCE_SHAPES),
  polygon: Nullable(T.Array(T.Tuple([T.Number(), T.Number()]))),
  center: Nullable(T.Object({ lng: T.Number(), lat: T.Number() })),
  radiusM: MaybeNumber,
  enabled: T.Boolean(),
  minHeightM: MaybeNumber,
  maxHeightM: MaybeNumber,
  orgId: MaybeString,
  notes: MaybeString,
  /** pushed to the docks in the custom flight area file (a no-fly band is checked by the platform only) */
  onDocks: T.Boolean(),
  createdAt: At,
  updatedAt: At,
});
export const GeofenceList = Items(Geofence);
export const GeofenceParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const GeofenceQuery = T.Object(
  { kind: T.Optional(OneOf(GEOFENCE_KINDS)), enabled: T.Optional(T.Boolean()) },
  { additionalProperties: false },
);
export const NoQuery = T.Object({}, { additionalProperties: false });

/** The custom flight area file the docks download (`flight_areas_get`). */
export const GeofenceFile = T.Object({
  name: T.String(),
  checksum: T.String({ description: 'SHA-256 of the file, hex' }),
  size: T.Integer(),
  areas: T.Integer(),
});

export const DockSync = T.Object({
  dockSn: T.String(),
  name: T.String(),
  online: T.Boolean(),
  /** the dock's last reported status; null: it has reported nothing yet */
  status: Nullable(OneOf(GEOFENCE_SYNC_STATUSES)),
  reason: Nullable(T.Integer()),
  reasonText: MaybeString,
  fileName: MaybeString,
  checksum: MaybeString,
  /** synchronized, reason 0, with the current file's checksum */
  current: T.Boolean(),
  requestedAt: MaybeAt,
  servedAt: MaybeAt,
  reportedAt: MaybeAt,
});

export const GeofenceSync = T.Object({
  /** null: no enabled area goes to the docks (they are told to clear theirs) */
  file: Nullable(GeofenceFile),
  docks: T.Array(DockSync),
});
export const SyncPushed = T.Object({ pushed: T.Array(T.String()), sync: GeofenceSync });
