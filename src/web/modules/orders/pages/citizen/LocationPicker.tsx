/**
 * Where the problem is: "use my location" (browser GPS, WGS-84) or a click on the map. The map
 * shows the street's own layers for logged-in users; on public pages it needs an online tile
 * layer (the street layers need a login), so without one only the GPS button is offered.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { AimOutlined, CloseOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { JurisdictionMap, type MapLayers } from '../../../../components/map/JurisdictionMap';
import { L } from '../../../../components/map/leafletSetup';
import { type GeoCollection } from '../../../../components/map/geoTypes';
import { type MapConfig } from '../../../../../platform/api.contract';
import { currentPosition, GeoError, type Position } from './geolocate';
import type { Located } from '../../../../../modules/geography/contract';

export interface PickedLocation extends Position {
  source: 'gps' | 'map';
}

interface Props {
  value: PickedLocation | null;
  onChange: (v: PickedLocation | null) => void;
  /** Larger buttons for phones in the field. */
  big?: boolean;
  mapHeight?: number;
  /** Start locating at once (the inspector's page). */
  autoLocate?: boolean;
  /** The page has its own big "locate" button (calls the handle). */
  hideButton?: boolean;
}

export interface LocationPickerHandle {
  locate: () => void;
}

/** Locate at once only when the user already allowed it: never a permission prompt on page load. */
async function alreadyAllowed(): Promise<boolean> {
  try {
    const st = await navigator.permissions?.query({ name: 'geolocation' as PermissionName });
    return st?.state === 'granted';
  } catch {
    return false;
  }
}

export const LocationPicker = forwardRef<LocationPickerHandle, Props>(function LocationPicker(
  { value, onChange, big, mapHeight = 240, autoLocate, hideButton },
  ref,
) {
  const t = useT();
  const { me } = useAuth();
  const loggedIn = !!me;
  const [locating, setLocating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [config, setConfig] = useState<MapConfig | null>(null);
  const [layers, setLayers] = useState<MapLayers>({});
  const [mapReady, setMapReady] = useState<boolean | null>(null);
  const [located, setLocated] = useState<Located | null>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // What can be drawn: the street layers (logged in) and/or an online tile layer.
  useEffect(() => {
    const ctl = new AbortController();
    (async () => {
      let cfg: MapConfig | null = null;
      try {
        cfg = await api.get<MapConfig>('/api/map/config', undefined, { signal: ctl.signal, allow401: true });
      } catch {
        cfg = null;
      }
      const got: MapLayers = {};
      if (loggedIn) {
        const [boundary, communities] = await Promise.allSettled([
          api.get<GeoCollection>('/api/geo/boundary', undefined, { signal: ctl.signal }),
          api.get<GeoCollection>('/api/geo/communities', undefined, { signal: ctl.signal }),
        ]);
        if (boundary.status === 'fulfilled') got.boundary = boundary.value;
        if (communities.status === 'fulfilled') got.communities = communities.value;
      }
      if (ctl.signal.aborted) return;
      setConfig(cfg);
      setLayers(got);
      setMapReady(!!cfg?.tileUrl || !!got.boundary?.features?.length || !!got.communities?.features?.length);
    })();
    return () => ctl.abort();
  }, [loggedIn]);

  // Community and grid of the point (logged-in users may look it up).
  useEffect(() => {
    setLocated(null);
    if (!value || !loggedIn) return;
    const ctl = new AbortController();
    api
      .get<Located>('/api/geo/lookup', { lng: value.lng, lat: value.lat, crs: 'WGS84' }, { signal: ctl.signal })
      .then(setLocated)
      .catch(() => undefined);
    return () => ctl.abort();
  }, [value?.lng, value?.lat, loggedIn]); // eslint-disable-line react-hooks/exhaustive-deps

  // The marker follows the value.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const ll = L.latLng(value.lat, value.lng);
    if (markerRef.current) markerRef.current.setLatLng(ll);
    else markerRef.current = L.marker(ll).addTo(map);
    if (value.source === 'gps') map.setView(ll, Math.max(map.getZoom(), 16));
  }, [value, mapReady]);

  const onMap = useCallback((map: L.Map | null) => {
    mapRef.current = map;
    markerRef.current = null;
    if (!map) return;
    // a tap picks the point; the community popups would only get in the way here
    map.on('popupopen', () => map.closePopup());
    map.on('click', (e: L.LeafletMouseEvent) => {
      const lat = Math.round(e.latlng.lat * 1e6) / 1e6;
      const lng = Math.round(e.latlng.lng * 1e6) / 1e6;
      onChangeRef.current({ lng, lat, source: 'map' });
    });
  }, []);

  const locate = useCallback(async () => {
    setLocating(true);
    setError(null);
    try {
      const p = await currentPosition();
      onChangeRef.current({ ...p, source: 'gps' });
    } catch (e) {
      setError(e instanceof GeoError ? t(e.key) : t('ops.loc.unavailable'));
    } finally {
      setLocating(false);
    }
  }, [t]);

  useImperativeHandle(ref, () => ({ locate: () => void locate() }), [locate]);

  const auto = useRef(autoLocate);
  useEffect(() => {
    if (!auto.current) return;
    auto.current = false;
    void alreadyAllowed().then((ok) => {
      if (ok) void locate();
    });
  }, [locate]);

  return (
    <div className="cz-loc" data-testid="location-picker">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        {hideButton ? null : (
          <Button
            type={value ? 'default' : 'primary'}
            ghost={!value}
            icon={<AimOutlined />}
            loading={locating}
            onClick={locate}
            size={big ? 'large' : 'middle'}
            data-testid="location-gps"
          >
            {t('ops.loc.useMine')}
          </Button>
        )}
        {value ? (
          <Space size={4} wrap>
            <Tag
              color={value.source === 'gps' ? 'green' : 'blue'}
              icon={<EnvironmentOutlined />}
              data-testid="location-value"
            >
              {value.lat.toFixed(5)}, {value.lng.toFixed(5)}
              {value.accuracy ? ` ±${value.accuracy}m` : ''}
            </Tag>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              onClick={() => onChange(null)}
              aria-label={t('common.clear')}
            />
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {locating
              ? t('ops.loc.locating')
              : mapReady
                ? hideButton
                  ? t('ops.loc.tapMap')
                  : t('ops.loc.orTap')
                : t('ops.loc.optional')}
          </Typography.Text>
        )}
      </Space>
      {located ? (
        <div style={{ marginTop: 8 }}>
          {located.inStreet ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="location-community">
              {t('ops.loc.in', {
                place: [located.community?.name, located.grid?.name].filter(Boolean).join(' · ') || '—',
              })}
            </Typography.Text>
          ) : (
            <Alert type="warning" showIcon title={t('ops.loc.outside')} />
          )}
        </div>
      ) : null}
      {error ? (
        <Alert type="warning" showIcon title={error} style={{ marginTop: 8 }} data-testid="location-error" />
      ) : null}
      {mapReady ? (
        <JurisdictionMap
          layers={layers}
          config={config}
          height={mapHeight}
          testId="location-map"
          visible={{ places: false, grids: false, labels: false }}
          onMap={onMap}
        />
      ) : null}
    </div>
  );
});
