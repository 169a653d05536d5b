/** The gallery's viewer: one picture large, where and when it was taken, a small map; ← → step through the list. */
import { useEffect, useMemo } from 'react';
import { Button, Col, Descriptions, Flex, Modal, Row, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { fmtTime } from '../../../../format';
import { useT } from '../../../../i18n';
import type { MediaView } from '../../components/dronesApi';
import { PointMap } from '../findings/PointMap';

interface Props {
  items: MediaView[];
  index: number | null;
  onIndex: (i: number | null) => void;
  dockName: (sn: string) => string;
}

export function MediaViewer({ items, index, onIndex, dockName }: Props) {
  const t = useT();
  const m = index === null ? null : (items[index] ?? null);
  const points = useMemo(() => (m && m.lng !== null && m.lat !== null ? [{ lng: m.lng, lat: m.lat }] : []), [m]);

  useEffect(() => {
    if (index === null) return;
    const key = (e: KeyboardEvent) => {
      if (e.key === 'ArrowLeft' && index > 0) onIndex(index - 1);
      if (e.key === 'ArrowRight' && index < items.length - 1) onIndex(index + 1);
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [index, items.length, onIndex]);

  return (
    <Modal
      open={!!m}
      onCancel={() => onIndex(null)}
      footer={null}
      width="86vw"
      title={m?.name}
      destroyOnHidden
      data-testid="media-viewer"
    >
      {m && index !== null ? (
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Flex align="center" gap={8}>
              <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => onIndex(index - 1)} />
              <div style={{ flex: 1, textAlign: 'center', background: '#000', borderRadius: 6 }}>
                <img
                  src={m.url}
                  alt={m.name}
                  style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }}
                  data-testid="media-viewer-image"
                />
              </div>
              <Button
                icon={<RightOutlined />}
                disabled={index === items.length - 1}
                onClick={() => onIndex(index + 1)}
              />
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 4 }}>
              {index + 1} / {items.length}
            </Typography.Text>
          </Col>
          <Col xs={24} lg={8}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('drones.media.takenAt')}>
                {fmtTime(m.takenAt ?? m.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('drones.media.dock')}>{dockName(m.dockSn)}</Descriptions.Item>
              {m.flightId ? (
                <Descriptions.Item label={t('drones.media.flight')}>
                  <Typography.Text code style={{ fontSize: 12 }}>
                    {m.flightId}
                  </Typography.Text>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('drones.media.where')}>
                {m.lng !== null && m.lat !== null
                  ? `${m.lng.toFixed(6)}, ${m.lat.toFixed(6)}`
                  : t('drones.media.noPlace')}
              </Descriptions.Item>
              {m.relativeAltitude !== null ? (
                <Descriptions.Item
                  label={t('drones.media.altitude')}
                >{`${m.relativeAltitude.toFixed(1)} m`}</Descriptions.Item>
              ) : null}
            </Descriptions>
            {points.length ? (
              <div style={{ marginTop: 12 }}>
                <PointMap points={points} height={240} testId="media-viewer-map" />
              </div>
            ) : null}
          </Col>
        </Row>
      ) : null}
    </Modal>
  );
}
