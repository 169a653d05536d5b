/**
 * The street's map with the geofences drawn on it (no-fly red, stay-inside blue, a disabled one
 * dashed) and, while a zone is being drawn, the draft: its points joined, or its circle. A click on
 * the map is handed to `onPick` (the form adds a point, or sets the centre). Offline like the other
 * drone maps: the jurisdiction layers, tiles only when configured.
 */
import { useEffect, useRef, useState } from 'react';
import { JurisdictionMap } from '../../../../components/map/JurisdictionMap';
import { L } from '../../../../components/map/leafletSetup';
import { useJurisdiction } from '../../components/DroneMap';
import { type GeofenceView, NO_FLY_COLOR, STAY_INSIDE_COLOR } from './geofencesApi';

export interface Draft {
  kind: 'no_fly' | 'stay_inside';
  shape: 'polygon' | 'circle';
  points: [number, number][];
  center: { lng: number; lat: number } | null;
  radiusM: number | null;
}

interface Props {
  zones: GeofenceView[];
  selected?: string | null;
  onSelect?: (id: string) => void;
  draft?: Draft | null;
  onPick?: (lng: number, lat: number) => void;
  height?: number | string;
  testId?: string;
}

const colorOf = (kind: string) => (kind === 'no_fly' ? NO_FLY_COLOR : STAY_INSIDE_COLOR);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function layerOf(g: GeofenceView, selected: boolean): L.Layer | null {
  const style: L.PathOptions = {
    color: colorOf(g.kind),
    weight: selected ? 4 : 2,
    fillOpacity: g.enabled ? 0.18 : 0.05,
    dashArray: g.enabled ? undefined : '6 6',
    pane: 'yw-geofences',
  };
  if (g.shape === 'circle' && g.center && g.radiusM)
    return L.circle([g.center.lat, g.center.lng], { ...style, radius: g.radiusM });
  if (g.polygon?.length)
    return L.polygon(
      g.polygon.map(([lng, lat]) => [lat, lng] as L.LatLngTuple),
      style,
    );
  return null;
}

export function GeofenceMap({
  zones,
  selected,
  onSelect,
  draft,
  onPick,
  height = 460,
  testId = 'geofence-map',
}: Props) {
  const data = useJurisdiction();
  const [map, setMap] = useState<L.Map | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!map) return;
    for (const pane of ['yw-geofences', 'yw-draft'])
      if (!map.getPane(pane)) map.createPane(pane).style.zIndex = pane === 'yw-draft' ? '660' : '630';
  }, [map]);

  // the zones
  useEffect(() => {
    if (!map) return;
    const group = L.layerGroup().addTo(map);
    for (const g of zones) {
      const layer = layerOf(g, g.id === selected);
      if (!layer) continue;
      (layer as L.Path).bindTooltip(g.name, { sticky: true });
      layer.on('click', () => onSelectRef.current?.(g.id));
      group.addLayer(layer);
    }
    return () => {
      group.remove();
    };
  }, [map, zones, selected]);

  // the draft being drawn
  useEffect(() => {
    if (!map || !draft) return;
    const group = L.layerGroup().addTo(map);
    const color = colorOf(draft.kind);
    const style = { color, weight: 3, dashArray: '4 4', pane: 'yw-draft', interactive: false };
    if (draft.shape === 'polygon') {
      const pts = draft.points.map(([lng, lat]) => [lat, lng] as L.LatLngTuple);
      if (pts.length >= 3) group.addLayer(L.polygon(pts, { ...style, fillOpacity: 0.15 }));
      else if (pts.length === 2) group.addLayer(L.polyline(pts, style));
      for (const p of pts)
        group.addLayer(
          L.circleMarker(p, {
            radius: 5,
            color: '#fff',
            weight: 2,
            fillColor: color,
            fillOpacity: 1,
            pane: 'yw-draft',
          }),
        );
    } else if (draft.center) {
      const c: L.LatLngTuple = [draft.center.lat, draft.center.lng];
      group.addLayer(
        L.circleMarker(c, { radius: 5, color: '#fff', weight: 2, fillColor: color, fillOpacity: 1, pane: 'yw-draft' }),
      );
      if (draft.radiusM) group.addLayer(L.circle(c, { ...style, radius: draft.radiusM, fillOpacity: 0.15 }));
    }
    return () => {
      group.remove();
    };
  }, [map, draft]);

  // picking: a click gives a point ('preclick': a community's popup would take the click otherwise)
  useEffect(() => {
    if (!map || !onPick) return;
    map.getContainer().style.cursor = 'crosshair';
    const click = (e: L.LeafletMouseEvent) => {
      setTimeout(() => map.closePopup(), 0);
      onPickRef.current?.(round6(e.latlng.lng), round6(e.latlng.lat));
    };
    map.on('preclick', click);
    return () => {
      map.off('preclick', click);
      map.getContainer().style.cursor = '';
    };
  }, [map, onPick]);

  // the view: the street's boundary, refitted while the box gets its size (a dialog lays out late)
  const touched = useRef(false);
  useEffect(() => {
    if (!map) return;
    touched.current = false;
    const boundary = data?.layers.boundary?.features?.length ? L.geoJSON(data.layers.boundary).getBounds() : null;
    const fitView = () => {
      if (touched.current) return;
      map.invalidateSize();
      if (map.getSize().x > 0 && boundary?.isValid()) map.fitBounds(boundary, { padding: [8, 8] });
    };
    const touch = () => {
      touched.current = true;
    };
    const frame = requestAnimationFrame(fitView);
    const ro = new ResizeObserver(() => fitView());
    ro.observe(map.getContainer());
    map.on('dragstart', touch);
    map.getContainer().addEventListener('wheel', touch, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      map.off('dragstart', touch);
      map.getContainer().removeEventListener('wheel', touch);
    };
  }, [map, data]);

  return (
    <div data-testid={`${testId}-wrap`} data-zones={zones.length}>
      <JurisdictionMap
        layers={data?.layers ?? {}}
        config={data?.config}
        visible={{ communities: true, grids: false, places: false, labels: false }}
        height={height}
        testId={testId}
        onMap={setMap}
      />
    </div>
  );
}
