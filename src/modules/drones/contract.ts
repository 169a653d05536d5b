/**
 * The drone command centre's API as TypeBox schemas (imports only TypeBox and the platform's
 * contract blocks): the routes validate and serialise with them, the web imports them.
 */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../platform/contract';

export const DEVICE_DOMAINS = ['dock', 'aircraft', 'rc', 'payload', 'unknown'] as const;

export const Serial = T.String({ pattern: '^[A-Za-z0-9]{4,64}$', description: 'device serial number' });
/** In a path any text is taken: a serial the registry does not know is a 404, not a 400. */
export const SnParams = T.Object({ sn: T.String({ minLength: 1, maxLength: 64 }) });

const Point = T.Object({ lng: T.Number(), lat: T.Number() });

export const DockState = T.Object({
  modeCode: MaybeNumber,
  taskStep: MaybeNumber,
  point: Nullable(Point),
  coverState: MaybeNumber,
  droneInDock: Nullable(T.Boolean()),
  emergencyStop: Nullable(T.Boolean()),
  rainfall: MaybeNumber,
  windSpeed: MaybeNumber,
  temperatureOutside: MaybeNumber,
  humidity: MaybeNumber,
  droneBattery: MaybeNumber,
  droneCharging: Nullable(T.Boolean()),
  subDeviceSn: MaybeString,
  subDevicePaired: Nullable(T.Boolean()),
  storageFreeMb: MaybeNumber,
  remainUpload: MaybeNumber,
  networkQuality: MaybeNumber,
});

export const AircraftState = T.Object({
  modeCode: MaybeNumber,
  point: Nullable(Point),
  height: MaybeNumber,
  elevation: MaybeNumber,
  heading: MaybeNumber,
  horizontalSpeed: MaybeNumber,
  battery: MaybeNumber,
  homeDistance: MaybeNumber,
  totalFlightTimeS: MaybeNumber,
  totalFlightDistanceM: MaybeNumber,
  totalSorties: MaybeNumber,
});

export const Device = T.Object({
  sn: T.String(),
  domain: OneOf(DEVICE_DOMAINS),
  modelKey: MaybeString,
  modelName: MaybeString,
  name: T.String(),
  callsign: MaybeString,
  gatewaySn: MaybeString,
  orgId: MaybeString,
  bound: T.Boolean(),
  /** registered by an administrator (with MQTT credentials), or first heard of in a topology */
  registeredBy: MaybeString,
  online: T.Boolean(),
  lastSeenAt: MaybeAt,
  onlineChangedAt: MaybeAt,
  firmware: MaybeString,
  home: Nullable(Point),
  hasCredentials: T.Boolean(),
  /** the latest telemetry, read as a dock's or an aircraft's (the other is null) */
  dock: Nullable(DockState),
  aircraft: Nullable(AircraftState),
  telemetryAt: MaybeAt,
  openAlerts: T.Integer(),
});
export const DeviceList = Items(Device);

export const HmsAlert = T.Object({
  id: T.String(),
  sn: T.String(),
  code: T.String(),
  /** the key of the text in DJI's hms.json */
  textKey: T.String(),
  level: T.Integer(),
  inTheSky: T.Boolean(),
  deviceType: MaybeString,
  imminent: T.Boolean(),
  raisedAt: At,
  resolvedAt: MaybeAt,
});

export const MessageFault = T.Object({
  sn: T.String(),
  topicKind: T.String(),
  reason: T.String(),
  count: T.Integer(),
  firstAt: At,
  lastAt: At,
  sample: MaybeString,
});
export const FaultList = Items(MessageFault);

export const DeviceDetail = T.Object({
  device: Device,
  children: T.Array(Device),
  alerts: T.Array(HmsAlert),
  faults: T.Array(MessageFault),
});

export const RegisterDockBody = T.Object(
  {
    sn: Serial,
    name: T.String({ minLength: 1, maxLength: 60 }),
    modelKey: T.Optional(T.String({ pattern: '^3-\\d{1,4}-\\d{1,4}$' })),
    orgId: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
    homeLng: T.Optional(T.Number({ minimum: -180, maximum: 180 })),
    homeLat: T.Optional(T.Number({ minimum: -90, maximum: 90 })),
  },
  { additionalProperties: false },
);

export const UpdateDeviceBody = T.Object(
  {
    name: T.Optional(T.String({ minLength: 1, maxLength: 60 })),
    orgId: T.Optional(Nullable(T.String({ minLength: 1, maxLength: 64 }))),
    homeLng: T.Optional(Nullable(T.Number({ minimum: -180, maximum: 180 }))),
    homeLat: T.Optional(Nullable(T.Number({ minimum: -90, maximum: 90 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** What the on-site setup in DJI Pilot 2 needs: shown once with the dock's password. */
export const DockCredentials = T.Object({
  device: Device,
  mqtt: T.Object({ host: T.String(), port: T.Integer(), username: T.String(), password: T.String() }),
});

export const ConnectionInfo = T.Object({
  mqttHost: T.String(),
  mqttPort: T.Integer(),
  brokerMode: OneOf(['embedded', 'external'] as const),
  organizationId: T.String(),
  organizationName: T.String(),
  bindingCode: T.String(),
  developerAppConfigured: T.Boolean(),
  ntpServer: T.String(),
});

export const TrackQuery = T.Object({
  from: T.Optional(T.Integer({ minimum: 0 })),
  to: T.Optional(T.Integer({ minimum: 0 })),
});
export const TrackPoint = T.Object({
  at: At,
  lng: T.Number(),
  lat: T.Number(),
  height: MaybeNumber,
  speed: MaybeNumber,
  heading: MaybeNumber,
  battery: MaybeNumber,
  modeCode: MaybeNumber,
  flightId: MaybeString,
});
export const Track = Items(TrackPoint);

export const FaultQuery = T.Object({ sn: T.Optional(Serial) });

/** A message of the drones live socket (`/api/drones/live`). */
export const LiveTelemetry = T.Object({
  type: T.Literal('telemetry'),
  sn: T.String(),
  at: At,
  dock: Nullable(DockState),
  aircraft: Nullable(AircraftState),
});
export * from './missions/missions.contract';
export * from './media/media.contract';
export * from './findings/findings.contract';
export * from './stats/stats.contract';
