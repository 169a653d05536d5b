/**
 * The command map: the street's jurisdiction layers (no internet needed; tiles only when
 * configured), every dock as a square coloured online/offline, and every aircraft as an arrow
 * turned to its heading with its battery beside it. Markers are kept per serial and moved in
 * place as telemetry arrives, so a live update never redraws the map.
 */
import { useEffect, useRef, useState } from 'react';
import { JurisdictionMap } from '../../../components/map/JurisdictionMap';
import { L } from '../../../components/map/leafletSetup';
import { loadMap, type LoadedMap } from '../../../components/map/loadLayers';
import { useT, type TFunction } from '../../../i18n';
import type { DeviceView } from './dronesApi';
import { AIRCRAFT_COLOR, aircraftModeText, dockModeText, OFFLINE_COLOR, ONLINE_COLOR, percent } from './labels';
import './drones.css';

let mapPromise: Promise<LoadedMap> | null = null;

/** The jurisdiction layers, loaded once per session. */
export function useJurisdiction(): LoadedMap | undefined {
  const [data, setData] = useState<LoadedMap>();
  useEffect(() => {
    let live = true;
    if (!mapPromise)
      mapPromise = loadMap().catch((e: unknown) => {
        mapPromise = null;
        throw e;
      });
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

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function dockIcon(d: DeviceView, selected: boolean): L.DivIcon {
  const box = el('div', `drone-dock-icon${selected ? ' drone-dock-selected' : ''}${d.online ? ' drone-online' : ''}`);
  box.style.background = d.online ? ONLINE_COLOR : OFFLINE_COLOR;
  box.dataset.testid = `map-dock-${d.sn}`;
  box.dataset.online = d.online ? '1' : '0';
  box.innerHTML =
    '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M2 9 L8 4 L14 9 V13 H2 Z" fill="#fff"/></svg>';
  if (d.openAlerts > 0) box.appendChild(el('span', 'drone-dock-alert', String(d.openAlerts)));
  return L.divIcon({ html: box, className: 'drone-marker', iconSize: [24, 24], iconAnchor: [12, 12] });
}

/** `resting`: in its dock, drawn beside the dock's square rather than on it. */
function aircraftIcon(d: DeviceView, resting: boolean): L.DivIcon {
  const a = d.aircraft;
  const wrap = el('div', 'drone-aircraft-wrap');
  wrap.dataset.testid = `map-aircraft-${d.sn}`;
  wrap.dataset.battery = a?.battery === null || a?.battery === undefined ? '' : String(a.battery);
  const arrow = el('div', 'drone-aircraft-arrow');
  arrow.style.transform = `rotate(${a?.heading ?? 0}deg)`;
  arrow.innerHTML = `<svg viewBox="0 0 20 20" width="22" height="22" aria-hidden="true"><path d="M10 1 L17 18 L10 14 L3 18 Z" fill="${d.online ? AIRCRAFT_COLOR : OFFLINE_COLOR}" stroke="#fff" stroke-width="1.5"/></svg>`;
  wrap.append(arrow, el('span', 'drone-aircraft-battery', percent(a?.battery)));
  return L.divIcon({
    html: wrap,
    className: 'drone-marker',
    iconSize: [22, 22],
    iconAnchor: resting ? [-8, 26] : [11, 11],
  });
}

function dockTip(t: TFunction, d: DeviceView): HTMLElement {
  const root = el('div', '');
  root.append(el('b', '', d.name));
  root.append(
    el('div', '', `${d.online ? t('drones.online') : t('drones.offline')} · ${dockModeText(t, d.dock?.modeCode)}`),
  );
  return root;
}

function aircraftTip(t: TFunction, d: DeviceView): HTMLElement {
  const root = el('div', '');
  root.append(el('b', '', d.callsign || d.name));
  root.append(el('div', '', `${aircraftModeText(t, d.aircraft?.modeCode)} · ${percent(d.aircraft?.battery)}`));
  return root;
}

/** Where a device is drawn: its telemetry's position, a dock's home point otherwise. */
function positionOf(d: DeviceView): L.LatLngTuple | null {
  const p = d.domain === 'dock' ? (d.dock?.point ?? d.home) : d.aircraft?.point;
  return p && Number.isFinite(p.lat) && Number.isFinite(p.lng) ? [p.lat, p.lng] : null;
}

interface Props {
  devices: DeviceView[];
  selected: string | null;
  onSelect: (sn: string) => void;
  height?: number | string;
}

export function DroneMap({ devices, selected, onSelect, height = 'calc(100vh - 210px)' }: Props) {
  const t = useT();
  const data = useJurisdiction();
  const [map, setMap] = useState<L.Map | null>(null);
  const markers = useRef(new Map<string, { marker: L.Marker; key: string }>());
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    if (!map) return;
    if (!map.getPane('yw-drones')) map.createPane('yw-drones').style.zIndex = '640';
    const seen = new Set<string>();
    for (const d of devices) {
      if (d.domain !== 'dock' && d.domain !== 'aircraft') continue;
      const at = positionOf(d);
      if (!at) continue;
      const resting =
        d.domain === 'aircraft' &&
        !isAirborneMode(d.aircraft?.modeCode) &&
        devices.some((g) => g.sn === d.gatewaySn && g.dock?.droneInDock === true);
      seen.add(d.sn);
      // what the icon shows: rebuild it only when that changes (moving is setLatLng)
      const key =
        d.domain === 'dock'
          ? [d.online, d.openAlerts, selected === d.sn, d.name, d.dock?.modeCode, t('drones.online')].join('|')
          : [
              d.online,
              d.aircraft?.heading,
              d.aircraft?.battery,
              d.aircraft?.modeCode,
              resting,
              t('drones.online'),
            ].join('|');
      const have = markers.current.get(d.sn);
      if (have) {
        have.marker.setLatLng(at);
        if (have.key !== key) {
          have.marker.setIcon(d.domain === 'dock' ? dockIcon(d, selected === d.sn) : aircraftIcon(d, resting));
          have.marker.setTooltipContent(d.domain === 'dock' ? dockTip(t, d) : aircraftTip(t, d));
          have.key = key;
        }
        continue;
      }
      const marker = L.marker(at, {
        pane: 'yw-drones',
        icon: d.domain === 'dock' ? dockIcon(d, selected === d.sn) : aircraftIcon(d, resting),
        zIndexOffset: d.domain === 'aircraft' ? 1000 : 0,
        keyboard: true,
        title: d.name,
      });
      marker.bindTooltip(d.domain === 'dock' ? dockTip(t, d) : aircraftTip(t, d), {
        direction: 'top',
        offset: [0, -12],
      });
      const sn = d.domain === 'dock' ? d.sn : (d.gatewaySn ?? d.sn);
      marker.on('click', () => onSelectRef.current(sn));
      marker.addTo(map);
      markers.current.set(d.sn, { marker, key });
    }
    for (const [sn, m] of markers.current)
      if (!seen.has(sn)) {
        m.marker.remove();
        markers.current.delete(sn);
      }
  }, [map, devices, selected, t]);

  // markers belong to one map: a new map (or none) starts from an empty set
  useEffect(() => {
    if (!map) return;
    const all = markers.current;
    return () => {
      for (const m of all.values()) m.marker.remove();
      all.clear();
    };
  }, [map]);

  // the selected dock comes into view
  useEffect(() => {
    if (!map || !selected) return;
    const m = markers.current.get(selected);
    if (m && !map.getBounds().contains(m.marker.getLatLng())) map.panTo(m.marker.getLatLng());
  }, [map, selected]);

  return (
    <div style={{ position: 'relative' }}>
      <JurisdictionMap
        layers={data?.layers ?? {}}
        config={data?.config}
        visible={{ communities: true, grids: false, places: false, labels: false }}
        height={height}
        testId="drones-map"
        onMap={setMap}
      />
      <div className="drones-map-legend">
        <div>
          <span className="drones-legend-square" style={{ background: ONLINE_COLOR }} />
          {t('drones.live.legend.online')}
        </div>
        <div>
          <span className="drones-legend-square" style={{ background: OFFLINE_COLOR }} />
          {t('drones.live.legend.offline')}
        </div>
        <div>
          <span className="drones-legend-arrow">▲</span>
          {t('drones.live.legend.aircraft')}
        </div>
      </div>
    </div>
  );
}

/** Aircraft mode codes in the air (take-off through landing): shown on the map even above their dock. */
const AIRBORNE = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 18]);
function isAirborneMode(mode: number | null | undefined): boolean {
  return mode !== null && mode !== undefined && AIRBORNE.has(mode);
}
