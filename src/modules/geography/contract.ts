/** The map API: boundary, communities, grids, places (GeoJSON, WGS-84), point lookup, layer import. Imports only TypeBox. */
import { Type as T, type Static, type TSchema } from '@sinclair/typebox';
import { MaybeString, Nullable, OneOf } from '../../platform/contract';

export const CRS = ['WGS84', 'GCJ02', 'BD09'] as const;
export const GEO_LAYERS = ['boundary', 'communities', 'grids', 'places'] as const;
export type GeoLayer = (typeof GEO_LAYERS)[number];

export const LookupQuery = T.Object(
  { lng: T.Number(), lat: T.Number(), crs: T.Optional(OneOf(CRS)) },
  { additionalProperties: false },
);
export const ImportBody = T.Object(
  {
    layer: OneOf(GEO_LAYERS),
    crs: T.Optional(OneOf(CRS)),
    featureCollection: T.Object({
      type: T.Literal('FeatureCollection'),
      features: T.Array(T.Unknown(), { maxItems: 20000 }),
    }),
  },
  { additionalProperties: false },
);

/** A GeoJSON FeatureCollection whose features carry `props`; geometry is GeoJSON as stored. */
const Collection = <P extends TSchema>(props: P) =>
  T.Object({
    type: T.Literal('FeatureCollection'),
    features: T.Array(
      T.Object({ type: T.Literal('Feature'), id: T.String(), geometry: T.Unknown(), properties: props }),
    ),
  });

export const AreaProps = T.Object({
  code: T.String(),
  name: T.String(),
  parentCode: MaybeString,
  /** Grids: the community they lie in. */
  communityCode: T.Optional(MaybeString),
  orgId: MaybeString,
  demo: T.Boolean(),
});
export const AreaCollection = Collection(AreaProps);
export const PlaceProps = T.Object({
  code: T.String(),
  name: T.String(),
  kind: T.String(),
  communityCode: MaybeString,
  demo: T.Boolean(),
  /** The place's outline when it has one (a park, a campus). */
  shape: T.Unknown(),
});
export const PlaceCollection = Collection(PlaceProps);

/** What the map pages read: a collection of either kind (properties beyond these are optional). */
export type GeoProps = {
  code: string;
  name: string;
  communityCode?: string | null;
  kind?: string;
  [k: string]: unknown;
};

const AreaRef = T.Object({ code: T.String(), name: T.String(), orgId: MaybeString });
export const Located = T.Object({
  /** WGS-84 [lng, lat]. */
  point: T.Tuple([T.Number(), T.Number()]),
  community: Nullable(AreaRef),
  grid: Nullable(AreaRef),
  inStreet: T.Boolean(),
});
export type Located = Static<typeof Located>;
export const ImportResult = T.Object({ layer: T.String(), count: T.Number() });
