/** A dock's home point: typed as longitude/latitude, or picked with a click on a small map of the street. */
import { useEffect, useRef, useState } from 'react';
import { Col, Form, InputNumber, Row, type FormInstance } from 'antd';
import { JurisdictionMap } from '../../../../components/map/JurisdictionMap';
import { L } from '../../../../components/map/leafletSetup';
import { useJurisdiction } from '../../components/DroneMap';
import { useT } from '../../../../i18n';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Inside a Form whose values have `homeLng` and `homeLat`. */
export function HomePointField({ form }: { form: FormInstance }) {
  const t = useT();
  const data = useJurisdiction();
  const [map, setMap] = useState<L.Map | null>(null);
  const lng = Form.useWatch('homeLng', form) as number | null | undefined;
  const lat = Form.useWatch('homeLat', form) as number | null | undefined;
  const marker = useRef<L.CircleMarker | null>(null);

  useEffect(() => {
    if (!map) return;
    map.getContainer().style.cursor = 'crosshair';
    // 'preclick': a click on a community opens its popup and stops there; while picking it is in the way
    const click = (e: L.LeafletMouseEvent) => {
      setTimeout(() => map.closePopup(), 0);
      form.setFieldsValue({ homeLng: round6(e.latlng.lng), homeLat: round6(e.latlng.lat) });
    };
    map.on('preclick', click);
    return () => {
      map.off('preclick', click);
    };
  }, [map, form]);

  useEffect(() => {
    if (!map) return;
    marker.current?.remove();
    marker.current = null;
    if (typeof lng !== 'number' || typeof lat !== 'number') return;
    if (!map.getPane('yw-pick')) map.createPane('yw-pick').style.zIndex = '700';
    marker.current = L.circleMarker([lat, lng], {
      radius: 8,
      color: '#fff',
      weight: 3,
      fillColor: '#cf1322',
      fillOpacity: 1,
      pane: 'yw-pick',
      interactive: false,
    }).addTo(map);
  }, [map, lng, lat]);

  // The view: the street (or the point, when one is given) — refitted when the box changes size
  // (the dialog lays the map out before it has its final size) until the user moves the map.
  const touched = useRef(false);
  const point = useRef<[number, number] | null>(null);
  point.current = typeof lng === 'number' && typeof lat === 'number' ? [lat, lng] : null;
  useEffect(() => {
    if (!map) return;
    touched.current = false;
    const boundary = data?.layers.boundary?.features?.length ? L.geoJSON(data.layers.boundary).getBounds() : null;
    const fitView = () => {
      if (touched.current) return;
      map.invalidateSize();
      if (map.getSize().x === 0) return;
      if (point.current) map.setView(point.current, 15);
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

  const both = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: async () => {
      const a = getFieldValue('homeLng');
      const b = getFieldValue('homeLat');
      const has = (v: unknown) => v !== null && v !== undefined && v !== '';
      if (has(a) !== has(b)) throw new Error(t('drones.form.home.both'));
    },
  });

  return (
    <Form.Item label={t('drones.form.home')} extra={t('drones.form.home.hint')} style={{ marginBottom: 8 }}>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="homeLng" noStyle rules={[both]} dependencies={['homeLat']}>
            <InputNumber
              min={-180}
              max={180}
              step={0.0001}
              placeholder={t('drones.form.lng')}
              style={{ width: '100%' }}
              data-testid="dock-home-lng"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="homeLat" noStyle rules={[both]} dependencies={['homeLng']}>
            <InputNumber
              min={-90}
              max={90}
              step={0.0001}
              placeholder={t('drones.form.lat')}
              style={{ width: '100%' }}
              data-testid="dock-home-lat"
            />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ marginTop: 8 }}>
        <JurisdictionMap
          layers={data?.layers ?? {}}
          config={data?.config}
          visible={{ communities: true, grids: false, places: false, labels: false }}
          height={220}
          testId="dock-home-map"
          onMap={setMap}
        />
      </div>
    </Form.Item>
  );
}
