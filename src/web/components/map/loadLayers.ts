import { api } from '../../api';
import { type GeoCollection } from './geoTypes';
import { type GeoLayer } from '../../../modules/geography/contract';
import { type MapConfig } from '../../../platform/api.contract';
import type { MapLayers } from './JurisdictionMap';

export const GEO_LAYERS: GeoLayer[] = ['boundary', 'communities', 'grids', 'places'];

export interface LoadedMap {
  config: MapConfig | null;
  layers: MapLayers;
  /** Layers that failed to load, with the error (the rest still draw). */
  failed: Array<{ layer: GeoLayer | 'config'; error: unknown }>;
}

/** Map config and all four jurisdiction layers, each allowed to fail on its own. */
export async function loadMap(signal?: AbortSignal): Promise<LoadedMap> {
  const [config, ...layers] = await Promise.allSettled([
    api.get<MapConfig>('/api/map/config', undefined, { signal }),
    ...GEO_LAYERS.map((l) => api.get<GeoCollection>(`/api/geo/${l}`, undefined, { signal })),
  ]);
  const out: LoadedMap = { config: null, layers: {}, failed: [] };
  if (config.status === 'fulfilled') out.config = config.value as MapConfig;
  else out.failed.push({ layer: 'config', error: config.reason });
  layers.forEach((r, i) => {
    const name = GEO_LAYERS[i];
    if (r.status === 'fulfilled') out.layers[name] = r.value as GeoCollection;
    else out.failed.push({ layer: name, error: r.reason });
  });
  if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
  return out;
}
