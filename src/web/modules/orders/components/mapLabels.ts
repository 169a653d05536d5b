/**
 * Community names on an order map that never overlap. Leaflet's permanent tooltips sit at each
 * polygon's bbox centre, which for the street's odd-shaped communities can fall outside the shape
 * and, at the street-wide zoom, on top of the neighbours' names. Here each label sits at an interior
 * point (the centre of mass when it lies inside the polygon, else turf's pointOnFeature), and after
 * every zoom a greedy pass shows the labels of the larger communities first and hides any label
 * whose box would touch one already shown: zoomed out some names give way, zoomed in all appear.
 */
import { booleanPointInPolygon, centerOfMass, pointOnFeature, area } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { L } from '../../../components/map/leafletSetup';
import type { GeoCollection } from '../../../components/map/geoTypes';

interface Label {
  name: string;
  at: L.LatLng;
  size: number;
  marker: L.Marker;
}

const GAP = 4;

/** The interior point a polygon's name is drawn at. */
export function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const c = centerOfMass(f).geometry.coordinates as [number, number];
  if (booleanPointInPolygon(c, f)) return c;
  return pointOnFeature(f).geometry.coordinates as [number, number];
}

/** Adds the labels to `map`; returns the function that removes them. */
export function addCommunityLabels(map: L.Map, fc: GeoCollection | undefined): () => void {
  if (!fc?.features?.length) return () => undefined;
  if (!map.getPane('yw-labels')) map.createPane('yw-labels').style.zIndex = '440';
  const labels: Label[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const feature = f as Feature<Polygon | MultiPolygon>;
    const name = String(f.properties?.name ?? '');
    if (!name) continue;
    const [lng, lat] = labelPoint(feature);
    const el = document.createElement('span');
    el.className = 'map-area-label';
    el.textContent = name;
    el.dataset.testid = 'map-area-label';
    Object.assign(el.style, {
      display: 'inline-block',
      transform: 'translate(-50%, -50%)',
      whiteSpace: 'nowrap',
      background: 'rgba(255,255,255,0.85)',
      borderRadius: '3px',
      padding: '0 5px',
      fontSize: '12px',
      fontWeight: '600',
      lineHeight: '18px',
      color: '#1f1f1f',
      pointerEvents: 'none',
    });
    const marker = L.marker([lat, lng], {
      pane: 'yw-labels',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: 'map-area-label-anchor', html: el, iconSize: [0, 0] }),
    });
    labels.push({ name, at: L.latLng(lat, lng), size: area(feature), marker });
  }
  labels.sort((a, b) => b.size - a.size);
  const group = L.layerGroup(labels.map((l) => l.marker)).addTo(map);

  const layout = () => {
    const shown: Array<[number, number, number, number]> = [];
    const view = map.getSize();
    for (const l of labels) {
      const el = l.marker.getElement()?.firstElementChild as HTMLElement | null | undefined;
      if (!el) continue;
      el.style.visibility = 'hidden'; // measured, then shown if it fits
      const p = map.latLngToContainerPoint(l.at);
      const w = el.offsetWidth || l.name.length * 12 + 10;
      const h = el.offsetHeight || 18;
      const box: [number, number, number, number] = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      const off = box[2] < 0 || box[3] < 0 || box[0] > view.x || box[1] > view.y;
      const hit = shown.some(
        (b) => box[0] < b[2] + GAP && box[2] + GAP > b[0] && box[1] < b[3] + GAP && box[3] + GAP > b[1],
      );
      if (off || hit) continue;
      shown.push(box);
      el.style.visibility = 'visible';
    }
  };
  const frame = requestAnimationFrame(layout);
  map.on('zoomend moveend resize', layout);
  return () => {
    cancelAnimationFrame(frame);
    map.off('zoomend moveend resize', layout);
    group.remove();
  };
}
