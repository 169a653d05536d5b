/**
 * 物联感知 IoT devices of the city brain: requests and responses. Imports only TypeBox, the
 * platform's contract blocks and the pure type catalogue (the web imports it).
 */
import { Type as T } from '@sinclair/typebox';
import { At, MaybeAt, MaybeString, Nullable, OneOf } from '../../../platform/contract';
import { DEVICE_STATUSES } from './model/presence';
import { DEVICE_TYPES, REJECT_REASONS } from './model/reading-types';

export { DEVICE_TYPES, DEVICE_TYPE_SPECS, REJECT_REASONS } from './model/reading-types';
export { DEVICE_STATUSES } from './model/presence';
export const DEVICE_PRESENCE = ['online', 'offline'] as const;
/** Readings one HTTP batch may carry. */
export const READINGS_BATCH_MAX = 1000;
/** Recent readings shown with one device. */
export const RECENT_READINGS = 50;

/** A device id is one MQTT topic level: no `/`, `+`, `#`. */
export const DEVICE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
const DeviceId = T.String({ pattern: DEVICE_ID_PATTERN, description: 'letters, digits, _ . - (≤ 64)' });
const Lng = T.Number({ minimum: -180, maximum: 180 });
const Lat = T.Number({ minimum: -90, maximum: 90 });
const Code = T.String({ minLength: 1, maxLength: 64 });
const Day = T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const DeviceParams = T.Object({ id: T.String({ minLength: 1, maxLength: 64 }) });
export const NoDeviceQuery = T.Object({}, { additionalProperties: false });

const fields = {
  type: OneOf(DEVICE_TYPES),
  model: Nullable(T.String({ maxLength: 100 })),
  name: T.String({ minLength: 1, maxLength: 100 }),
  address: Nullable(T.String({ maxLength: 200 })),
  lng: Lng,
  lat: Lat,
  communityCode: Nullable(Code),
  orgId: Nullable(Code),
  installedOn: Nullable(Day),
  status: OneOf(DEVICE_STATUSES),
};

export const CreateDeviceBody = T.Object(
  {
    id: DeviceId,
    type: fields.type,
    name: fields.name,
    lng: fields.lng,
    lat: fields.lat,
    model: T.Optional(fields.model),
    address: T.Optional(fields.address),
    communityCode: T.Optional(fields.communityCode),
    orgId: T.Optional(fields.orgId),
    installedOn: T.Optional(fields.installedOn),
    status: T.Optional(fields.status),
  },
  { additionalProperties: false },
);

/** The type is fixed once registered (its readings are of that type). */
export const UpdateDeviceBody = T.Object(
  {
    name: T.Optional(fields.name),
    lng: T.Optional(fields.lng),
    lat: T.Optional(fields.lat),
    model: T.Optional(fields.model),
    address: T.Optional(fields.address),
    communityCode: T.Optional(fields.communityCode),
    orgId: T.Optional(fields.orgId),
    installedOn: T.Optional(fields.installedOn),
    status: T.Optional(fields.status),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Values = T.Record(T.String(), T.Union([T.Number(), T.Boolean()]));

export const Device = T.Object({
  id: T.String(),
  type: OneOf(DEVICE_TYPES),
  typeName: T.String(),
  model: MaybeString,
  name: T.String(),
  address: MaybeString,
  lng: T.Number(),
  lat: T.Number(),
  communityCode: MaybeString,
  orgId: MaybeString,
  installedOn: MaybeString,
  status: OneOf(DEVICE_STATUSES),
  online: T.Boolean(),
  lastReading: Nullable(Values),
  lastReadingAt: MaybeAt,
  lastSeen: MaybeAt,
  demo: T.Boolean(),
  createdAt: At,
  updatedAt: At,
});

export const DeviceListQuery = T.Object(
  {
    type: T.Optional(OneOf(DEVICE_TYPES)),
    community: T.Optional(Code),
    /** online / offline now (last seen vs the type's cadence) */
    status: T.Optional(OneOf(DEVICE_PRESENCE)),
    /** active / maintenance / retired */
    service: T.Optional(OneOf(DEVICE_STATUSES)),
    /** name, id or address contains */
    q: T.Optional(T.String({ minLength: 1, maxLength: 50 })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 1000 })),
    after: T.Optional(T.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const DeviceList = T.Object({ items: T.Array(Device), next: MaybeString, total: T.Integer() });

export const Reading = T.Object({ at: At, values: Values, receivedAt: At });
export const RejectCount = T.Object({
  reason: OneOf(REJECT_REASONS),
  count: T.Integer(),
  lastAt: At,
  lastMessage: T.String(),
});
export const DeviceDetail = T.Object({
  device: Device,
  readings: T.Array(Reading),
  rejected: T.Array(RejectCount),
});

export const OnlineRateQuery = T.Object({ community: T.Optional(Code) }, { additionalProperties: false });
export const OnlineRates = T.Object({
  items: T.Array(T.Object({ type: OneOf(DEVICE_TYPES), total: T.Integer(), online: T.Integer(), rate: T.Number() })),
  total: T.Integer(),
  online: T.Integer(),
  rate: T.Number(),
});

const MetricSpec = T.Object({
  key: T.String(),
  zh: T.String(),
  en: T.String(),
  unit: T.String(),
  kind: OneOf(['number', 'integer', 'boolean'] as const),
  min: T.Optional(T.Number()),
  max: T.Optional(T.Number()),
  required: T.Boolean(),
});
export const DeviceTypeList = T.Object({
  items: T.Array(
    T.Object({
      type: OneOf(DEVICE_TYPES),
      zh: T.String(),
      en: T.String(),
      cadenceS: T.Integer(),
      offlineAfterS: T.Integer(),
      metrics: T.Array(MetricSpec),
    }),
  ),
});

/** A gateway's batch. The values are checked per device type: a bad one is refused and counted, the rest taken. */
export const ReadingsBatch = T.Object(
  {
    readings: T.Array(
      T.Object(
        {
          deviceId: T.String({ minLength: 1, maxLength: 64 }),
          at: T.Optional(T.Integer({ minimum: 1, description: 'epoch ms; default: now' })),
          values: T.Record(T.String(), T.Unknown()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: READINGS_BATCH_MAX },
    ),
  },
  { additionalProperties: false },
);
export const ReadingsResult = T.Object({
  accepted: T.Integer(),
  refused: T.Array(
    T.Object({
      index: T.Integer(),
      deviceId: T.String(),
      reason: OneOf([...REJECT_REASONS, 'unknown_device'] as const),
      field: T.Optional(T.String()),
      message: T.String(),
    }),
  ),
});
