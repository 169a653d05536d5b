/**
 * Order maps over the jurisdiction layers (no internet needed): a point picker / viewer for one
 * order, and the open orders as markers coloured by their SLA clock.
 */
import { useEffect, useRef, useState } from 'react';
import { Flex, Typography } from 'antd';
import { JurisdictionMap } from '../../../components/map/JurisdictionMap';
import { L } from '../../../components/map/leafletSetup';
import { loadMap, type LoadedMap } from '../../../components/map/loadLayers';
import { useT } from '../../../i18n';
import { clockColor, clockKind, type ClockKind } from './OrderBits';
import { addCommunityLabels } from './mapLabels';
import { type OrderView } from '../../../../modules/orders/contract';
import './orders.css';

let mapPromise: Promise<LoadedMap> | null = null;

/** The jurisdiction layers, loaded once per session and shared by every order map. */
export function useMapLayers(): LoadedMap | undefined {
  const [data, setData] = useState<LoadedMap>();
  useEffect(() => {
    let live = true;
    if (!mapPromise) {
      mapPromise = loadMap().catch((e: unknown) => {
        mapPromise = null;
        throw e;
      });
    }
    mapPromise.then(
      (d) => live && setData(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return data;
}

export interface LngLat {
  lng: number;
  lat: number;
}

interface PointProps {
  value: LngLat | null;
  /** Given: a click on the map sets the point. */
  onChange?: (p: LngLat) => void;
  height?: number | string;
  testId?: string;
  /** Given (a place picked from the gazetteer): the map centres on it, close up. */
  focus?: LngLat | null;
}

/** One order's place: shown, or picked with a click when `onChange` is given. */
export function PointMap({ value, onChange, height = 260, testId = 'order-point-map', focus }: PointProps) {
  const data = useMapLayers();
  const [map, setMap] = useState<L.Map | null>(null);
  /** The user (or a focus) moved the view: stop refitting it to the street. */
  const touched = useRef(false);
  const marker = useRef<L.CircleMarker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const picking = !!onChange;

  useEffect(() => {
    if (!map || !picking) return;
    map.getContainer().style.cursor = 'crosshair';
    // 'preclick': a click on a community shape opens its popup and stops the event there, so the
    // map's own 'click' never comes; the popup is only in the way while picking.
    const click = (e: L.LeafletMouseEvent) => {
      setTimeout(() => map.closePopup(), 0);
      onChangeRef.current?.({ lng: Math.round(e.latlng.lng * 1e6) / 1e6, lat: Math.round(e.latlng.lat * 1e6) / 1e6 });
    };
    map.on('preclick', click);
    return () => {
      map.off('preclick', click);
    };
  }, [map, picking]);

  useEffect(() => {
    if (!map) return;
    marker.current?.remove();
    marker.current = null;
    if (!value) return;
    // Above the community labels (tooltip pane, 650), so the picked point is never hidden.
    if (!map.getPane('yw-pick')) map.createPane('yw-pick').style.zIndex = '700';
    marker.current = L.circleMarker([value.lat, value.lng], {
      radius: 8,
      color: '#fff',
      weight: 3,
      fillColor: '#cf1322',
      fillOpacity: 1,
      pane: 'yw-pick',
      interactive: false,
    }).addTo(map);
  }, [map, value]);

  // The view: the point when showing one, else the whole street. Refit when the box changes size
  // (a map laid out while its column was still narrow would otherwise stay zoomed far out) until
  // the user moves the map.
  const valueRef = useRef(value);
  valueRef.current = value;
  // names at interior points, never overlapping (mapLabels.ts)
  useEffect(() => (map ? addCommunityLabels(map, data?.layers.communities) : undefined), [map, data]);

  useEffect(() => {
    if (!map || !focus) return;
    touched.current = true;
    map.setView([focus.lat, focus.lng], Math.max(map.getZoom(), 15));
  }, [map, focus]);

  useEffect(() => {
    if (!map) return;
    const boundary = data?.layers.boundary?.features?.length ? L.geoJSON(data.layers.boundary).getBounds() : null;
    const fit = () => {
      if (touched.current) return;
      map.invalidateSize();
      const v = valueRef.current;
      if (v && !picking) map.setView([v.lat, v.lng], 16);
      else if (boundary?.isValid()) map.fitBounds(boundary, { padding: [12, 12] });
    };
    const touch = () => {
      touched.current = true;
    };
    const frame = requestAnimationFrame(fit);
    const ro = new ResizeObserver(() => fit());
    ro.observe(map.getContainer());
    map.on('dragstart', touch);
    map.getContainer().addEventListener('wheel', touch, { passive: true });
    if (picking) map.on('preclick', touch);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      map.off('dragstart', touch);
      map.off('preclick', touch);
      map.getContainer().removeEventListener('wheel', touch);
    };
  }, [map, data, picking]);

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

interface OrdersMapProps {
  orders: OrderView[];
  onOpen: (o: OrderView) => void;
  height?: number | string;
}

const LEGEND: Array<{ kind: ClockKind; key: 'normal' | 'due_soon' | 'overdue' | 'paused' | 'none' }> = [
  { kind: 'normal', key: 'normal' },
  { kind: 'due_soon', key: 'due_soon' },
  { kind: 'overdue', key: 'overdue' },
  { kind: 'paused', key: 'paused' },
  { kind: 'none', key: 'none' },
];

/** 在办工单地图: one marker per located order, coloured by its clock; click opens the order. */
export function OrdersMap({ orders, onOpen, height = 560 }: OrdersMapProps) {
  const t = useT();
  const data = useMapLayers();
  const [map, setMap] = useState<L.Map | null>(null);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const located = orders.filter((o) => o.location);

  useEffect(() => {
    if (!map) return;
    if (!map.getPane('yw-orders')) map.createPane('yw-orders').style.zIndex = '450';
    const group = L.layerGroup();
    // Worst first so the late ones are drawn on top.
    const rank = (k: ClockKind) =>
      ['overdue', 'stopped_late', 'due_soon', 'paused', 'normal', 'none', 'stopped'].indexOf(k);
    const list = [...located].sort((a, b) => rank(clockKind(b)) - rank(clockKind(a)));
    for (const o of list) {
      const kind = clockKind(o);
      const m = L.circleMarker([o.location!.lat, o.location!.lng], {
        pane: 'yw-orders',
        radius: o.urgency === 'normal' ? 7 : 9,
        color: o.state === 'pending_dispatch' ? '#1f1f1f' : '#ffffff',
        weight: 2,
        fillColor: clockColor(kind),
        fillOpacity: 0.92,
        className: `order-marker order-marker-${kind}`,
      });
      const tip = document.createElement('div');
      const num = document.createElement('b');
      num.textContent = o.number;
      const title = document.createElement('div');
      title.textContent = o.title;
      const unit = document.createElement('div');
      unit.style.color = '#8c8c8c';
      unit.textContent = [o.unitName, o.categoryPath].filter(Boolean).join(' · ');
      tip.append(num, title, unit);
      m.bindTooltip(tip, { direction: 'top', offset: [0, -6] });
      m.on('click', () => onOpenRef.current(o));
      group.addLayer(m);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, orders]);

  return (
    <div style={{ position: 'relative' }}>
      <JurisdictionMap
        layers={data?.layers ?? {}}
        config={data?.config}
        visible={{ communities: true, grids: false, places: false, labels: false }}
        height={height}
        testId="orders-map"
        onMap={setMap}
      />
      <div className="orders-map-legend">
        <Flex vertical gap={2}>
          {LEGEND.map((l) => (
            <span key={l.key}>
              <span className="orders-map-dot" style={{ background: clockColor(l.kind) }} />
              {t(`orders.clock.legend.${l.key}`)}
            </span>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {t('orders.map.located', { n: located.length, total: orders.length })}
          </Typography.Text>
        </Flex>
      </div>
    </div>
  );
}
