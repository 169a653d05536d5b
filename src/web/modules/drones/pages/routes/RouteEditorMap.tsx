/**
 * The route editor's map: the street's layers, the waypoints as numbered markers joined by the
 * route's line and the docks as squares. A click on the map adds a waypoint, a marker is dragged
 * to move it, a click on a marker selects it. `readOnly` draws the route without editing.
 */
import { useEffect, useRef, useState } from 'react';
import { JurisdictionMap } from '../../../../components/map/JurisdictionMap';
import { L } from '../../../../components/map/leafletSetup';
import { useJurisdiction } from '../../components/DroneMap';
import type { DeviceView } from '../../components/dronesApi';
import { OFFLINE_COLOR, ONLINE_COLOR } from '../../components/labels';
import type { Waypoint } from './routeDraft';

interface Props {
  waypoints: Waypoint[];
  selected: number | null;
  docks?: DeviceView[];
  onAdd?: (at: { lng: number; lat: number }) => void;
  onMove?: (index: number, at: { lng: number; lat: number }) => void;
  onSelect?: (index: number) => void;
  height?: number | string;
  testId?: string;
}

const ROUTE_COLOR = '#fa541c';

function waypointIcon(n: number, selected: boolean): L.DivIcon {
  const box = document.createElement('div');
  box.className = `drone-wp-icon${selected ? ' drone-wp-selected' : ''}`;
  box.textContent = String(n);
  box.dataset.testid = `route-wp-${n}`;
  Object.assign(box.style, {
    width: '22px',
    height: '22px',
    borderRadius: '11px',
    background: selected ? '#1677ff' : ROUTE_COLOR,
    color: '#fff',
    border: '2px solid #fff',
    boxShadow: '0 1px 4px rgba(0,0,0,.4)',
    font: '600 11px/18px sans-serif',
    textAlign: 'center',
    boxSizing: 'border-box',
    cursor: 'grab',
  });
  return L.divIcon({ html: box, className: 'drone-marker', iconSize: [22, 22], iconAnchor: [11, 11] });
}

export function RouteEditorMap({
  waypoints,
  selected,
  docks = [],
  onAdd,
  onMove,
  onSelect,
  height = 520,
  testId = 'route-map',
}: Props) {
  const data = useJurisdiction();
  const [map, setMap] = useState<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const handlers = useRef({ onAdd, onMove, onSelect });
  handlers.current = { onAdd, onMove, onSelect };
  const editable = !!onAdd;

  // a click on the map (not on a marker) adds a waypoint; 'preclick' because a community's polygon
  // opens its popup on 'click' and stops there
  useEffect(() => {
    if (!map || !editable) return;
    map.getContainer().style.cursor = 'crosshair';
    const click = (e: L.LeafletMouseEvent) => {
      const target = e.originalEvent?.target as Element | null;
      if (target?.closest?.('.leaflet-marker-icon')) return;
      setTimeout(() => map.closePopup(), 0);
      handlers.current.onAdd?.({ lng: e.latlng.lng, lat: e.latlng.lat });
    };
    map.on('preclick', click);
    return () => {
      map.off('preclick', click);
    };
  }, [map, editable]);

  // the route, redrawn whole on each change (a few hundred markers at most)
  useEffect(() => {
    if (!map) return;
    if (!map.getPane('yw-route')) map.createPane('yw-route').style.zIndex = '650';
    layer.current?.remove();
    const g = L.layerGroup().addTo(map);
    layer.current = g;
    for (const d of docks) {
      const p = d.dock?.point ?? d.home;
      if (!p) continue;
      L.circleMarker([p.lat, p.lng], {
        radius: 7,
        color: '#fff',
        weight: 2,
        fillColor: d.online ? ONLINE_COLOR : OFFLINE_COLOR,
        fillOpacity: 1,
        pane: 'yw-route',
        interactive: false,
      }).addTo(g);
    }
    if (waypoints.length > 1)
      L.polyline(
        waypoints.map((w) => [w.lat, w.lng] as L.LatLngTuple),
        { color: ROUTE_COLOR, weight: 3, dashArray: '6 4', pane: 'yw-route', interactive: false },
      ).addTo(g);
    waypoints.forEach((w, i) => {
      const m = L.marker([w.lat, w.lng], {
        icon: waypointIcon(i + 1, selected === i),
        draggable: editable,
        pane: 'yw-route',
        zIndexOffset: selected === i ? 1000 : i,
        title: `#${i + 1} · ${w.height} m`,
      });
      m.on('click', () => handlers.current.onSelect?.(i));
      m.on('dragend', () => {
        const at = m.getLatLng();
        handlers.current.onMove?.(i, { lng: at.lng, lat: at.lat });
      });
      m.addTo(g);
    });
    return () => {
      g.remove();
    };
  }, [map, waypoints, selected, docks, editable]);

  // the view: the route when it has one, the street otherwise — refitted while the drawer lays
  // itself out, until the user moves the map
  const touched = useRef(false);
  const first = useRef<L.LatLngBounds | null>(null);
  first.current = waypoints.length ? L.latLngBounds(waypoints.map((w) => [w.lat, w.lng] as L.LatLngTuple)) : null;
  useEffect(() => {
    if (!map) return;
    touched.current = false;
    const boundary = data?.layers.boundary?.features?.length ? L.geoJSON(data.layers.boundary).getBounds() : null;
    const fitView = () => {
      if (touched.current) return;
      map.invalidateSize();
      if (map.getSize().x === 0) return;
      if (first.current?.isValid()) map.fitBounds(first.current.pad(0.3), { maxZoom: 17 });
      else if (boundary?.isValid()) map.fitBounds(boundary, { padding: [8, 8] });
    };
    const touch = () => {
      touched.current = true;
    };
    const frame = requestAnimationFrame(fitView);
    const ro = new ResizeObserver(() => fitView());
    ro.observe(map.getContainer());
    map.on('dragstart', touch);
    map.on('preclick', touch);
    map.getContainer().addEventListener('wheel', touch, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      map.off('dragstart', touch);
      map.off('preclick', touch);
      map.getContainer().removeEventListener('wheel', touch);
    };
  }, [map, data]);

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
