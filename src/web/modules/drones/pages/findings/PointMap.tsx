/** A small map of the street with points marked (a finding's place, where pictures were taken), centred on them. */
import { useEffect, useRef, useState } from 'react';
import { JurisdictionMap } from '../../../../components/map/JurisdictionMap';
import { L } from '../../../../components/map/leafletSetup';
import { useJurisdiction } from '../../components/DroneMap';

export interface MapPoint {
  lng: number;
  lat: number;
  id?: string;
  label?: string;
}

interface Props {
  points: MapPoint[];
  /** highlighted (drawn red, in front) */
  active?: string | null;
  onPick?: (id: string) => void;
  height?: number | string;
  testId?: string;
  zoom?: number;
}

export function PointMap({ points, active, onPick, height = 220, testId, zoom = 16 }: Props) {
  const data = useJurisdiction();
  const [map, setMap] = useState<L.Map | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const pickable = !!onPick;

  useEffect(() => {
    if (!map) return;
    if (!map.getPane('yw-points')) map.createPane('yw-points').style.zIndex = '650';
    const g = L.layerGroup().addTo(map);
    for (const p of points) {
      const on = !!p.id && p.id === active;
      const m = L.circleMarker([p.lat, p.lng], {
        radius: on ? 9 : 6,
        color: '#fff',
        weight: 2,
        fillColor: on || points.length === 1 ? '#cf1322' : '#1677ff',
        fillOpacity: 1,
        pane: 'yw-points',
        interactive: pickable || !!p.label,
      });
      if (p.label) m.bindTooltip(p.label, { direction: 'top' });
      if (p.id) m.on('click', () => pick.current?.(p.id!));
      m.addTo(g);
      if (on) m.bringToFront();
    }
    return () => {
      g.remove();
    };
  }, [map, points, active, pickable]);

  // centre on the point(s) once the box has its size (inside a card or drawer laid out late), and
  // again after the street's layers arrive (the map fits itself to the street then)
  useEffect(() => {
    if (!map || !points.length || !data) return;
    const fitView = () => {
      map.invalidateSize();
      if (map.getSize().x === 0) return;
      if (points.length === 1) map.setView([points[0].lat, points[0].lng], zoom);
      else
        map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as L.LatLngTuple)).pad(0.2), { maxZoom: zoom });
    };
    const frame = requestAnimationFrame(fitView);
    const ro = new ResizeObserver(() => fitView());
    ro.observe(map.getContainer());
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, [map, points, zoom, data]);

  return (
    <JurisdictionMap
      layers={data?.layers ?? {}}
      config={data?.config}
      visible={{ communities: true, grids: false, places: false, labels: false }}
      height={height}
      testId={testId}
      onMap={setMap}
    />
  );
}
