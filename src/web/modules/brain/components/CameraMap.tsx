/**
 * 7,000+ cameras on the jurisdiction map, clustered in the browser (supercluster): only the
 * clusters and points of the visible view at the current zoom are drawn, recomputed on every
 * move (a few milliseconds), so panning stays smooth. Works offline (no tiles needed). A click
 * anywhere reports the point (for the nearest cameras); the nearest ones are ringed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Supercluster from 'supercluster';
import { JurisdictionMap } from '../../../components/map/JurisdictionMap';
import { L } from '../../../components/map/leafletSetup';
import { loadMap, type LoadedMap } from '../../../components/map/loadLayers';
import { useT } from '../../../i18n';
import type { CameraPointView } from './brainApi';

const ONLINE = '#16a34a';
const OFFLINE = '#9ca3af';

interface Props {
  points: CameraPointView[];
  highlighted: ReadonlySet<string>;
  probe: { lng: number; lat: number } | null;
  onPick: (lng: number, lat: number) => void;
}

export function CameraMap({ points, highlighted, probe, onPick }: Props) {
  const t = useT();
  const [data, setData] = useState<LoadedMap>();
  const [map, setMap] = useState<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    let live = true;
    loadMap().then(
      (d) => live && setData(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const index = useMemo(() => {
    const sc = new Supercluster<CameraPointView>({ radius: 60, maxZoom: 17 });
    sc.load(
      points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: p })),
    );
    return sc;
  }, [points]);

  useEffect(() => {
    if (!map) return;
    const group = L.layerGroup().addTo(map);
    layer.current = group;
    const click = (e: L.LeafletMouseEvent) => pick.current(e.latlng.lng, e.latlng.lat);
    map.on('click', click);
    return () => {
      map.off('click', click);
      group.remove();
      layer.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const draw = () => {
      const group = layer.current;
      if (!group) return;
      group.clearLayers();
      const b = map.getBounds();
      const zoom = Math.round(map.getZoom());
      for (const f of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)) {
        const [lng, lat] = f.geometry.coordinates as [number, number];
        const props = f.properties as CameraPointView & {
          cluster?: boolean;
          point_count?: number;
          cluster_id?: number;
        };
        if (props.cluster) {
          const n = props.point_count ?? 0;
          const size = n > 500 ? 46 : n > 100 ? 38 : 30;
          const m = L.marker([lat, lng], {
            icon: L.divIcon({
              html: `<div class="brain-cluster" data-testid="camera-cluster" style="width:${size}px;height:${size}px;line-height:${size}px">${n}</div>`,
              className: 'brain-cluster-wrap',
              iconSize: [size, size],
            }),
            title: t('brain.cameras.cluster', { n }),
          });
          m.on('click', () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(props.cluster_id!), 18)));
          group.addLayer(m);
        } else {
          const ring = highlighted.has(props.id);
          const c = L.circleMarker([lat, lng], {
            radius: ring ? 8 : 5,
            color: ring ? '#1d4ed8' : '#fff',
            weight: ring ? 3 : 1,
            fillColor: props.online ? ONLINE : OFFLINE,
            fillOpacity: 0.9,
          });
          c.bindTooltip(
            `${props.name} · ${props.kind === 'ptz' ? t('brain.cameras.kind.ptz') : t('brain.cameras.kind.fixed')}`,
          );
          c.on('click', (e) => {
            L.DomEvent.stopPropagation(e);
            pick.current(lng, lat);
          });
          group.addLayer(c);
        }
      }
      if (probe)
        group.addLayer(L.circle([probe.lat, probe.lng], { radius: 1000, color: '#1d4ed8', weight: 1, fill: false }));
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
    };
  }, [map, index, highlighted, probe, t]);

  return (
    <JurisdictionMap
      layers={data?.layers ?? {}}
      config={data?.config}
      visible={{ communities: true, grids: false, places: false, labels: false }}
      height="calc(100vh - 230px)"
      testId="camera-map"
      onMap={setMap}
    />
  );
}
