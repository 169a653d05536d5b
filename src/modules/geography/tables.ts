export type AreaLayer = 'boundary' | 'community' | 'grid';

export interface GeographyTables {
  geo_areas: {
    id: string;
    layer: AreaLayer;
    code: string;
    name: string;
    parent_code: string | null;
    org_id: string | null;
    geometry: string; // GeoJSON geometry, WGS-84
    min_lng: number;
    min_lat: number;
    max_lng: number;
    max_lat: number;
    demo: number;
    updated_at: number;
  };
  geo_places: {
    id: string;
    code: string;
    name: string;
    kind: string;
    community_code: string | null;
    lng: number;
    lat: number;
    geometry: string | null; // optional line/polygon, e.g. a river
    demo: number;
    updated_at: number;
  };
  /** 地名库 (migration 0009): places an address can be typed against; WGS-84. */
  geo_gazetteer: {
    id: string;
    name: string;
    alias: string | null;
    kind: string;
    address: string;
    name_key: string;
    alias_key: string;
    address_key: string;
    lng: number;
    lat: number;
    community_code: string | null;
    source: string;
    demo: number;
    created_at: number;
    updated_at: number;
  };
}
