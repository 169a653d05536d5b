/** 地名库 (gazetteer): address lookup without an outside geocoder. Imports only TypeBox and contracts. */
import { Type as T, type Static } from '@sinclair/typebox';
import { At, Items, MaybeString, OneOf } from '../../platform/contract';
import { CRS } from './contract';

export const GAZETTEER_KINDS = [
  'road',
  'building',
  'residential',
  'school',
  'hospital',
  'metro_station',
  'bus_stop',
  'park',
  'square',
  'market',
  'government',
  'community_centre',
  'poi',
] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

/** The import file's columns (a header row names them; Chinese headers are read too). */
export const GAZETTEER_COLUMNS = ['name', 'kind', 'address', 'lng', 'lat', 'alias'] as const;
export const GAZETTEER_REQUIRED_COLUMNS = ['name', 'kind', 'address', 'lng', 'lat'] as const;
export const GAZETTEER_MAX_ROWS = 20_000;

export const GazetteerPlace = T.Object({
  id: T.String(),
  name: T.String(),
  /** Other names, separated by 、 or ; (桂城站、地铁桂城站). */
  alias: MaybeString,
  kind: OneOf(GAZETTEER_KINDS),
  address: T.String(),
  /** WGS-84. */
  lng: T.Number(),
  lat: T.Number(),
  communityCode: MaybeString,
  communityName: MaybeString,
  source: T.String(),
  demo: T.Boolean(),
  createdAt: At,
  updatedAt: At,
});
export type GazetteerPlace = Static<typeof GazetteerPlace>;
export const GazetteerHits = Items(GazetteerPlace);

export const GazetteerSearchQuery = T.Object(
  {
    q: T.String({ minLength: 1, maxLength: 100 }),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const GazetteerListQuery = T.Object(
  {
    q: T.Optional(T.String({ maxLength: 100 })),
    kind: T.Optional(OneOf(GAZETTEER_KINDS)),
    offset: T.Optional(T.Integer({ minimum: 0, maximum: 1_000_000 })),
    limit: T.Optional(T.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export const GazetteerList = T.Object({ items: T.Array(GazetteerPlace), total: T.Integer() });
export type GazetteerList = Static<typeof GazetteerList>;

export const GazetteerImportQuery = T.Object(
  { crs: T.Optional(OneOf(CRS, { description: 'the file’s coordinates (default WGS84)' })) },
  { additionalProperties: false },
);
export const GazetteerImportResult = T.Object({
  created: T.Integer(),
  updated: T.Integer(),
  total: T.Integer(),
});
export type GazetteerImportResult = Static<typeof GazetteerImportResult>;

/** One problem of an import file (in the 400's `details.errors`): row 1 is the header. */
export const GazetteerRowError = T.Object({ row: T.Integer(), column: MaybeString, message: T.String() });
export type GazetteerRowError = Static<typeof GazetteerRowError>;

export const GazetteerIdParams = T.Object({ id: T.String({ maxLength: 64 }) }, { additionalProperties: false });
