/** Routes (waylines) and flights: the API shapes (imports only TypeBox and contract blocks). */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';

export const SCENARIO_LIST = [
  'river',
  'park',
  'campus',
  'construction',
  'environment',
  'fire',
  'emergency',
  'verification',
  'other',
] as const;
export const FLIGHT_STATE_LIST = [
  'planned',
  'preparing',
  'prepared',
  'executing',
  'in_progress',
  'paused',
  'ok',
  'partially_done',
  'failed',
  'rejected',
  'canceled',
  'timeout',
] as const;
export const FLIGHT_KINDS = ['patrol', 'emergency', 'verify'] as const;
const LENS = OneOf(['wide', 'zoom', 'ir', 'visable', 'narrow_band'] as const);

const Angle = (min: number, max: number) => T.Number({ minimum: min, maximum: max });
export const RouteAction = T.Union([
  T.Object(
    {
      kind: T.Literal('takePhoto'),
      lenses: T.Optional(T.Array(LENS, { maxItems: 5 })),
      fileSuffix: T.Optional(T.String({ maxLength: 32 })),
    },
    { additionalProperties: false },
  ),
  T.Object(
    {
      kind: T.Literal('startRecord'),
      lenses: T.Optional(T.Array(LENS, { maxItems: 5 })),
      fileSuffix: T.Optional(T.String({ maxLength: 32 })),
    },
    { additionalProperties: false },
  ),
  T.Object({ kind: T.Literal('stopRecord') }, { additionalProperties: false }),
  T.Object(
    {
      kind: T.Literal('gimbalRotate'),
      pitch: T.Optional(Angle(-120, 45)),
      yaw: T.Optional(Angle(-180, 180)),
      seconds: T.Optional(Angle(0, 60)),
    },
    { additionalProperties: false },
  ),
  T.Object(
    {
      kind: T.Literal('rotateYaw'),
      heading: Angle(-180, 180),
      direction: OneOf(['clockwise', 'counterClockwise'] as const),
    },
    { additionalProperties: false },
  ),
  T.Object({ kind: T.Literal('hover'), seconds: Angle(0, 900) }, { additionalProperties: false }),
  T.Object({ kind: T.Literal('zoom'), focalLength: Angle(1, 1000) }, { additionalProperties: false }),
]);

export const RouteWaypoint = T.Object(
  {
    lng: Angle(-180, 180),
    lat: Angle(-90, 90),
    height: Angle(2, 1500),
    speed: T.Optional(Angle(1, 15)),
    actions: T.Array(RouteAction, { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const RouteBody = T.Object(
  {
    name: T.String({ minLength: 1, maxLength: 60 }),
    droneEnum: T.Integer({ minimum: 0, maximum: 9999 }),
    droneSubEnum: T.Integer({ minimum: 0, maximum: 9999 }),
    payloadEnum: T.Integer({ minimum: 0, maximum: 9999 }),
    takeOffSecurityHeight: Angle(8, 1500),
    globalSpeed: Angle(1, 15),
    globalRthHeight: Angle(20, 1500),
    heightMode: OneOf(['relativeToStartPoint', 'WGS84'] as const),
    finishAction: OneOf(['goHome', 'noAction', 'autoLand', 'gotoFirstWaypoint'] as const),
    exitOnRcLost: OneOf(['goContinue', 'executeLostAction'] as const),
    rcLostAction: T.Optional(OneOf(['goBack', 'landing', 'hover'] as const)),
    flyToWaylineMode: T.Optional(OneOf(['safely', 'pointToPoint'] as const)),
    waypoints: T.Array(RouteWaypoint, { minItems: 2, maxItems: 1000 }),
  },
  { additionalProperties: false },
);

export const CreateRouteBody = T.Object(
  { route: RouteBody, scenario: OneOf(SCENARIO_LIST), orgId: T.Optional(T.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);

export const ImportRouteQuery = T.Object({
  name: T.String({ minLength: 1, maxLength: 60 }),
  scenario: OneOf(SCENARIO_LIST),
});

const Issue = T.Object({
  code: T.String(),
  message: T.String(),
  waypoint: T.Optional(T.Integer()),
  action: T.Optional(T.Integer()),
});

export const WaylineRoute = T.Object({
  id: T.String(),
  name: T.String(),
  scenario: OneOf(SCENARIO_LIST),
  orgId: MaybeString,
  md5: T.String(),
  waypoints: T.Integer(),
  lengthM: T.Number(),
  maxHeight: T.Number(),
  createdAt: At,
  route: RouteBody,
});
export const WaylineRouteList = Items(WaylineRoute);
export const RouteCreated = T.Object({ route: WaylineRoute, warnings: T.Array(Issue) });
export const RouteParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });

export const Check = T.Object({ code: T.String(), ok: T.Boolean(), blocking: T.Boolean(), message: T.String() });

export const PlanFlightBody = T.Object(
  {
    routeId: T.String({ minLength: 1, maxLength: 64 }),
    dockSn: T.Optional(Nullable(T.String({ minLength: 4, maxLength: 64 }))),
    executeAt: T.Optional(T.Integer({ minimum: 0 })),
    name: T.Optional(T.String({ minLength: 1, maxLength: 60 })),
    scenario: T.Optional(OneOf(SCENARIO_LIST)),
    orgId: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 64 }))),
    kind: T.Optional(OneOf(FLIGHT_KINDS)),
    orderId: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 64 }))),
    heightApproval: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 200 }))),
  },
  { additionalProperties: false },
);

export const PreflightResult = T.Object({ dockSn: T.String(), checks: T.Array(Check), ok: T.Boolean() });

export const Flight = T.Object({
  id: T.String(),
  name: T.String(),
  routeId: T.String(),
  scenario: OneOf(SCENARIO_LIST),
  orgId: MaybeString,
  kind: OneOf(FLIGHT_KINDS),
  orderId: MaybeString,
  dockSn: T.String(),
  aircraftSn: MaybeString,
  state: OneOf(FLIGHT_STATE_LIST),
  executeAt: At,
  expectedEndAt: At,
  checks: T.Array(Check),
  heightApproval: MaybeString,
  resultCode: MaybeNumber,
  reason: MaybeString,
  percent: MaybeNumber,
  waypointIndex: MaybeNumber,
  mediaCount: MaybeNumber,
  preparedAt: MaybeAt,
  executedAt: MaybeAt,
  finishedAt: MaybeAt,
  createdAt: At,
});
export const FlightList = Items(Flight);
export const FlightParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const FlightQuery = T.Object({
  from: T.Optional(T.Integer({ minimum: 0 })),
  to: T.Optional(T.Integer({ minimum: 0 })),
  dockSn: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  state: T.Optional(OneOf(FLIGHT_STATE_LIST)),
  /** the flights sent to a work order (emergency, 核查) */
  orderId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
});
export const FlightCommandBody = T.Object(
  { action: OneOf(['cancel', 'pause', 'resume'] as const) },
  { additionalProperties: false },
);

/** A flight to a point: the nearest capable dock, a circle of pictures around it (emergency / 核查 of a work order). */
export const PointFlightBody = T.Object(
  {
    lng: T.Number({ minimum: -180, maximum: 180 }),
    lat: T.Number({ minimum: -90, maximum: 90 }),
    kind: OneOf(['emergency', 'verify'] as const),
    name: T.String({ minLength: 1, maxLength: 60 }),
    orderId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    dockSn: T.Optional(T.String({ minLength: 4, maxLength: 64 })),
    height: T.Optional(T.Number({ minimum: 20, maximum: 120 })),
  },
  { additionalProperties: false },
);
