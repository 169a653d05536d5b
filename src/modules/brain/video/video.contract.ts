/**
 * 全域监控 video channels of the city brain: requests and responses. Imports only TypeBox and the
 * platform's contract blocks (the web imports it).
 */
import { Type as T } from '@sinclair/typebox';
import { At, Items, MaybeAt, MaybeNumber, MaybeString, Nullable, OneOf } from '../../../platform/contract';

export const CAMERA_KINDS = ['ptz', 'fixed'] as const;
export const CAMERA_STATUSES = ['online', 'offline'] as const;
export const CAMERA_SOURCES = ['manual', 'import', 'wvp', 'demo'] as const;
export const GROUP_KINDS = ['business_group', 'virtual_org'] as const;
export const TREE_BY = ['area', 'group'] as const;
/** Rows one import may hold. */
export const CAMERA_IMPORT_MAX_ROWS = 20_000;
export const NEAREST_MAX_LIMIT = 100;
export const NEAREST_MAX_RADIUS_M = 50_000;

/** 20 characters; that they are digits, and what each part means, the services check (and say which part is wrong). */
const GbId = T.String({ minLength: 20, maxLength: 20, description: 'GB/T 28181 20-digit code' });
const Lng = T.Number({ minimum: -180, maximum: 180 });
const Lat = T.Number({ minimum: -90, maximum: 90 });
const Direction = T.Number({ minimum: 0, maximum: 360, description: 'degrees from north, clockwise' });
const Code = T.String({ minLength: 1, maxLength: 64 });

/** Path codes: any text up to 20 characters (an unknown code is a 404; a malformed group code a 400 naming the part). */
const PathId = T.String({ minLength: 1, maxLength: 20 });
export const CameraParams = T.Object({ id: PathId });
export const GroupParams = T.Object({ id: PathId });
export const NoQuery = T.Object({}, { additionalProperties: false });
/** A POST that takes nothing: `{}` (anything else is refused). */
export const NoBody = T.Object({}, { additionalProperties: false });

const cameraFields = {
  name: T.String({ minLength: 1, maxLength: 100 }),
  lng: Lng,
  lat: Lat,
  deviceId: Nullable(GbId),
  groupId: Nullable(GbId),
  /** 8-digit 行政区划; default: the code's centre code */
  civilCode: T.String({ minLength: 8, maxLength: 8 }),
  /** a community of the map; default: the community the point lies in */
  communityCode: Nullable(Code),
  orgId: Nullable(Code),
  kind: OneOf(CAMERA_KINDS),
  direction: Nullable(Direction),
  online: T.Boolean(),
  address: Nullable(T.String({ maxLength: 200 })),
};

export const CreateCameraBody = T.Object(
  {
    id: GbId,
    name: cameraFields.name,
    lng: cameraFields.lng,
    lat: cameraFields.lat,
    deviceId: T.Optional(cameraFields.deviceId),
    groupId: T.Optional(cameraFields.groupId),
    civilCode: T.Optional(cameraFields.civilCode),
    communityCode: T.Optional(cameraFields.communityCode),
    orgId: T.Optional(cameraFields.orgId),
    kind: T.Optional(cameraFields.kind),
    direction: T.Optional(cameraFields.direction),
    online: T.Optional(cameraFields.online),
    address: T.Optional(cameraFields.address),
  },
  { additionalProperties: false },
);

export const UpdateCameraBody = T.Object(
  {
    name: T.Optional(cameraFields.name),
    lng: T.Optional(cameraFields.lng),
    lat: T.Optional(cameraFields.lat),
    deviceId: T.Optional(cameraFields.deviceId),
    groupId: T.Optional(cameraFields.groupId),
    civilCode: T.Optional(cameraFields.civilCode),
    communityCode: T.Optional(cameraFields.communityCode),
    orgId: T.Optional(cameraFields.orgId),
    kind: T.Optional(cameraFields.kind),
    direction: T.Optional(cameraFields.direction),
    online: T.Optional(cameraFields.online),
    address: T.Optional(cameraFields.address),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Camera = T.Object({
  id: T.String(),
  name: T.String(),
  deviceId: MaybeString,
  groupId: MaybeString,
  civilCode: T.String(),
  industryCode: T.String(),
  typeCode: T.String(),
  typeName: T.String(),
  lng: T.Number(),
  lat: T.Number(),
  communityCode: MaybeString,
  orgId: MaybeString,
  kind: OneOf(CAMERA_KINDS),
  direction: MaybeNumber,
  online: T.Boolean(),
  statusChangedAt: MaybeAt,
  address: MaybeString,
  source: OneOf(CAMERA_SOURCES),
  demo: T.Boolean(),
  createdAt: At,
  updatedAt: At,
});

/** bbox as minLng,minLat,maxLng,maxLat (WGS-84). */
const BBox = T.String({ pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$', maxLength: 100 });

const filters = {
  community: T.Optional(Code),
  kind: T.Optional(OneOf(CAMERA_KINDS)),
  typeCode: T.Optional(T.String({ pattern: '^\\d{3}$' })),
  status: T.Optional(OneOf(CAMERA_STATUSES)),
  /** name, code or address contains */
  q: T.Optional(T.String({ minLength: 1, maxLength: 50 })),
  bbox: T.Optional(BBox),
  /** 行政区划 prefix (2, 4, 6 or 8 digits): a node of the area tree */
  civil: T.Optional(T.String({ pattern: '^\\d{2}(\\d{2}){0,3}$' })),
  /** a node of the group tree */
  group: T.Optional(GbId),
};

export const CameraListQuery = T.Object(
  {
    ...filters,
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 500 })),
    /** the last id of the page before */
    after: T.Optional(GbId),
  },
  { additionalProperties: false },
);
export const CameraList = T.Object({ items: T.Array(Camera), next: MaybeString, total: T.Integer() });

export const CameraMapQuery = T.Object(filters, { additionalProperties: false });
/** The light row of the map layer (clustered in the browser). */
export const CameraPoint = T.Object({
  id: T.String(),
  name: T.String(),
  lng: T.Number(),
  lat: T.Number(),
  kind: OneOf(CAMERA_KINDS),
  online: T.Boolean(),
  direction: MaybeNumber,
  communityCode: MaybeString,
});
export const CameraPoints = T.Object({ items: T.Array(CameraPoint), total: T.Integer() });

export const NearestQuery = T.Object(
  {
    lng: Lng,
    lat: Lat,
    limit: T.Optional(T.Integer({ minimum: 1, maximum: NEAREST_MAX_LIMIT })),
    /** metres */
    radius: T.Optional(T.Number({ minimum: 1, maximum: NEAREST_MAX_RADIUS_M })),
    status: T.Optional(OneOf(CAMERA_STATUSES)),
  },
  { additionalProperties: false },
);
export const NearCamera = T.Object({
  id: T.String(),
  name: T.String(),
  lng: T.Number(),
  lat: T.Number(),
  kind: OneOf(CAMERA_KINDS),
  online: T.Boolean(),
  direction: MaybeNumber,
  communityCode: MaybeString,
  distanceM: T.Number(),
  /** bearing from the camera to the point, degrees from north */
  bearing: T.Number(),
  /** the point is within ±45° of the camera's view direction (null: direction unknown) */
  facing: Nullable(T.Boolean()),
});
export const NearestList = Items(NearCamera);

export const ImportRowError = T.Object({
  row: T.Integer(),
  column: T.String(),
  code: T.String(),
  message: T.String(),
});
export const ImportResult = T.Object({ total: T.Integer(), created: T.Integer(), updated: T.Integer() });

export const TreeQuery = T.Object({ by: T.Optional(OneOf(TREE_BY)) }, { additionalProperties: false });
/** A node of the channel tree with its camera counts, as a flat list (parentId null: a root). */
export const TreeNode = T.Object({
  id: T.String(),
  parentId: MaybeString,
  name: T.String(),
  kind: T.String({ description: 'province | city | county | grassroots | business_group | virtual_org | none' }),
  /** cameras in this node and below */
  cameras: T.Integer(),
  online: T.Integer(),
});
export const Tree = T.Object({ by: OneOf(TREE_BY), items: T.Array(TreeNode) });

export const GroupBody = T.Object(
  {
    name: T.String({ minLength: 1, maxLength: 100 }),
    parentId: T.Optional(Nullable(GbId)),
  },
  { additionalProperties: false },
);
export const Group = T.Object({
  id: T.String(),
  name: T.String(),
  kind: OneOf(GROUP_KINDS),
  parentId: MaybeString,
  updatedAt: At,
});

export const PlayUrls = T.Object({
  cameraId: T.String(),
  flv: MaybeString,
  wsFlv: MaybeString,
  hls: MaybeString,
  rtc: MaybeString,
});

export const SyncResult = T.Object({
  devices: T.Integer(),
  channels: T.Integer(),
  created: T.Integer(),
  updated: T.Integer(),
  statusChanged: T.Integer(),
  groups: T.Integer(),
  /** channels left out, with the reason (bad code, no position) */
  skipped: T.Integer(),
  at: At,
});
export const SyncState = T.Object({
  configured: T.Boolean(),
  intervalS: T.Integer(),
  last: Nullable(SyncResult),
  lastError: MaybeString,
});
