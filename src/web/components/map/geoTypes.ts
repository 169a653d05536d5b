/** The map layers as GeoJSON (the `geojson` package's types, which Leaflet takes) with our feature properties. */
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoProps } from '../../../modules/geography/contract';

export type GeoCollection = FeatureCollection<Geometry | null, GeoProps>;
