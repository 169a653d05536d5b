/**
 * The jurisdiction map: street boundary, communities (one colour each, labelled), grids and
 * places, drawn with Leaflet from GeoJSON. These layers ARE the basemap; a tile layer is added
 * only when /api/map/config gives a tileUrl (the platform runs without internet).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { L } from './leafletSetup';
import { communityColors, placeColor, popupBody } from './style';
import type { Feature } from 'geojson';
import { type GeoCollection } from './geoTypes';
import { type MapConfig } from '../../../platform/api.contract';
import { useT, type TFunction } from '../../i18n';

export interface MapLayers {
  boundary?: GeoCollection;
  communities?: GeoCollection;
  grids?: GeoCollection;
  places?: GeoCollection;
}

export interface MapVisibility {
  communities?: boolean;
  grids?: boolean;
  places?: boolean;
  labels?: boolean;
}

interface Props {
  layers: MapLayers;
  visible?: MapVisibility;
  config?: MapConfig | null;
  height?: number | string;
  testId?: string;
  /** Change it to fit the view to the data again (e.g. a new preview). */
  fitKey?: string | number;
  /** Fit to this layer (e.g. an import preview) instead of the street boundary. */
  fitLayer?: keyof MapLayers;
  /** Gives the Leaflet map to pages that draw their own overlays (null on unmount). */
  onMap?: (map: L.Map | null) => void;
}

const GUICHENG: L.LatLngTuple = [23.03, 113.15];
const PANES: Array<[string, number]> = [
  ['yw-communities', 410],
  ['yw-grids', 415],
  ['yw-boundary', 420],
  ['yw-places', 430],
];

type Kind = keyof MapLayers;

function buildLayer(
  kind: Kind,
  fc: GeoCollection,
  ctx: { t: TFunction; labels: boolean; colors: Map<string, string> },
): L.GeoJSON {
  const { t, labels, colors } = ctx;
  const name = (f: Feature) => String((f.properties as Record<string, unknown> | null)?.name ?? '');
  const code = (f: Feature) => String((f.properties as Record<string, unknown> | null)?.code ?? '');
  switch (kind) {
    case 'boundary':
      return L.geoJSON(fc, {
        pane: 'yw-boundary',
        interactive: false,
        style: { color: '#a8071a', weight: 3, fill: false, dashArray: '8 4', className: 'boundary-shape' },
      });
    case 'communities':
      return L.geoJSON(fc, {
        pane: 'yw-communities',
        style: (f) => {
          const c = (f && colors.get(code(f))) || '#1677ff';
          return { className: 'community-shape', color: c, weight: 2, fillColor: c, fillOpacity: 0.18 };
        },
        onEachFeature: (f, layer) => {
          layer.bindPopup(
            popupBody(name(f), [
              [t('map.code'), code(f)],
              [t('map.layer'), t('map.layer.communities')],
            ]),
          );
          layer.bindTooltip(
            name(f),
            labels ? { permanent: true, direction: 'center', className: 'community-label' } : { sticky: true },
          );
          const path = layer as L.Path;
          layer.on('mouseover', () => path.setStyle({ fillOpacity: 0.32 }));
          layer.on('mouseout', () => path.setStyle({ fillOpacity: 0.18 }));
        },
      });
    case 'grids':
      return L.geoJSON(fc, {
        pane: 'yw-grids',
        style: (f) => {
          const c = (f && colors.get(String(f.properties?.communityCode ?? ''))) || '#595959';
          return { className: 'grid-shape', color: c, weight: 1, dashArray: '4 3', fillColor: c, fillOpacity: 0.04 };
        },
        onEachFeature: (f, layer) => {
          const p = (f.properties ?? {}) as Record<string, unknown>;
          layer.bindPopup(
            popupBody(name(f), [
              [t('map.code'), code(f)],
              [t('map.layer'), t('map.layer.grids')],
              [t('map.community'), p.communityCode ? String(p.communityCode) : undefined],
            ]),
          );
          layer.bindTooltip(name(f), { sticky: true });
        },
      });
    case 'places':
      return L.geoJSON(fc, {
        pane: 'yw-places',
        pointToLayer: (f, latlng) => {
          const c = placeColor(f.properties?.kind as string | undefined);
          return L.circleMarker(latlng, {
            pane: 'yw-places',
            radius: 6,
            color: '#fff',
            weight: 2,
            fillColor: c,
            fillOpacity: 0.95,
            className: 'place-marker',
          });
        },
        onEachFeature: (f, layer) => {
          const p = (f.properties ?? {}) as Record<string, unknown>;
          layer.bindPopup(
            popupBody(name(f), [
              [t('map.code'), code(f)],
              [t('map.kind'), p.kind ? String(p.kind) : undefined],
              [t('map.community'), p.communityCode ? String(p.communityCode) : undefined],
            ]),
          );
          layer.bindTooltip(name(f), { direction: 'top', offset: [0, -6] });
        },
      });
  }
}

/** Keep one built layer on the map while its deps hold; rebuild when they change. */
function useGeoLayer(mapRef: RefObject<L.Map | null>, build: (() => L.Layer) | null, deps: unknown[]): void {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !build) return;
    let layer: L.Layer;
    try {
      layer = build();
    } catch (e) {
      console.warn('map layer could not be drawn', e);
      return;
    }
    layer.addTo(map);
    return () => {
      layer.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

function boundsOf(layers: MapLayers, prefer?: Kind): L.LatLngBounds | null {
  const order: Kind[] =
    prefer && layers[prefer]?.features?.length
      ? [prefer]
      : layers.boundary?.features?.length
        ? ['boundary']
        : ['communities', 'grids', 'places'];
  let bounds: L.LatLngBounds | null = null;
  for (const k of order) {
    const fc = layers[k];
    if (!fc?.features?.length) continue;
    try {
      const b = L.geoJSON(fc).getBounds();
      if (b.isValid()) bounds = bounds ? bounds.extend(b) : b;
    } catch {
      /* malformed geometry: the layer itself reports nothing either */
    }
  }
  return bounds;
}

export function JurisdictionMap({
  layers,
  visible = {},
  config,
  height = 520,
  testId = 'map',
  fitKey,
  fitLayer,
  onMap,
}: Props) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const tileRef = useRef<L.TileLayer | null>(null);
  const fittedFor = useRef<unknown>(undefined);
  const onMapRef = useRef(onMap);
  onMapRef.current = onMap;

  useEffect(() => {
    if (!el.current) return;
    // maxZoom must be set: without tiles Leaflet has none, and fitting a single point then zooms to NaN.
    const map = L.map(el.current, {
      center: GUICHENG,
      zoom: 13,
      minZoom: 3,
      maxZoom: 19,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      preferCanvas: false,
    });
    for (const [pane, z] of PANES) map.createPane(pane).style.zIndex = String(z);
    map.attributionControl.setPrefix('Leaflet');
    L.control.scale({ imperial: false }).addTo(map);
    mapRef.current = map;
    fittedFor.current = undefined;
    onMapRef.current?.(map);
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      onMapRef.current?.(null);
      map.remove();
      mapRef.current = null;
      tileRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    tileRef.current?.remove();
    tileRef.current = null;
    if (config?.tileUrl) {
      tileRef.current = L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
    }
  }, [config?.tileUrl, config?.attribution]);

  const labels = visible.labels ?? true;
  const show: Record<Kind, boolean> = {
    boundary: true,
    communities: visible.communities ?? true,
    grids: visible.grids ?? false,
    places: visible.places ?? true,
  };
  const colors = communityColors(layers.communities);
  const colorKey = [...colors].map(([k, v]) => k + v).join();

  const ctx = { t, labels, colors };
  useGeoLayer(mapRef, show.boundary && layers.boundary ? () => buildLayer('boundary', layers.boundary!, ctx) : null, [
    layers.boundary,
    show.boundary,
  ]);
  useGeoLayer(
    mapRef,
    show.communities && layers.communities ? () => buildLayer('communities', layers.communities!, ctx) : null,
    [layers.communities, show.communities, t, labels, colorKey],
  );
  useGeoLayer(mapRef, show.grids && layers.grids ? () => buildLayer('grids', layers.grids!, ctx) : null, [
    layers.grids,
    show.grids,
    t,
    colorKey,
  ]);
  useGeoLayer(mapRef, show.places && layers.places ? () => buildLayer('places', layers.places!, ctx) : null, [
    layers.places,
    show.places,
    t,
  ]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const key = fitKey ?? 'once';
    if (fittedFor.current === key) return;
    const bounds = boundsOf(layers, fitLayer);
    if (bounds) {
      map.invalidateSize(); // the container may have just got its final size
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
      fittedFor.current = key;
    } else if (config) {
      map.setView(config.center, config.zoom);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey, layers.boundary, layers.communities, layers.grids, layers.places, config]);

  return <div ref={el} className="yw-map" data-testid={testId} style={{ height }} />;
}
