import { useMemo, useState } from 'react';
import { Button, Card, Col, Row, Segmented, Space, Statistic, Tag } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { downloadText, todayShanghai } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { JurisdictionMap, type MapLayers } from '../../../../components/map/JurisdictionMap';
import { GEO_LAYERS, loadMap } from '../../../../components/map/loadLayers';
import { type GeoCollection } from '../../../../components/map/geoTypes';
import { type GeoLayer } from '../../../../../modules/geography/contract';
import { ImportPanel } from './ImportPanel';

/** 辖区: the four jurisdiction layers, each exported as GeoJSON or replaced by an import (previewed first). */
export default function GeoPage() {
  const t = useT();
  const { data, loading, reload } = useLoad((signal) => loadMap(signal), []);
  const [layer, setLayer] = useState<GeoLayer>('communities');
  const [preview, setPreview] = useState<{ fc: GeoCollection; n: number } | null>(null);

  const current = data?.layers[layer];
  const layers = useMemo<MapLayers>(() => {
    const base = { ...(data?.layers ?? {}) };
    if (preview) base[layer] = preview.fc;
    return base;
  }, [data, preview, layer]);

  const exportLayer = () => {
    if (!current) return;
    downloadText(
      `yiwang-${layer}-${todayShanghai()}.geojson`,
      JSON.stringify(current, null, 2),
      'application/geo+json',
    );
  };

  return (
    <div>
      <PageHeader
        title={t('nav.admin.geo')}
        hint={t('geo.hint')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Segmented<GeoLayer>
        value={layer}
        onChange={(v) => {
          setLayer(v);
          setPreview(null);
        }}
        options={GEO_LAYERS.map((l) => ({ value: l, label: t(`map.layer.${l}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="geo-layer-switch"
      />
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" loading={loading} style={{ marginBottom: 16 }}>
            <Space size="large" align="center" wrap>
              <Statistic
                title={t('geo.current', { layer: t(`map.layer.${layer}`) })}
                value={current?.features?.length ?? 0}
              />
              <Button icon={<DownloadOutlined />} onClick={exportLayer} disabled={!current} data-testid="geo-export">
                {t('geo.export')}
              </Button>
            </Space>
          </Card>
          <ImportPanel
            key={layer}
            layer={layer}
            onPreview={(fc) => setPreview(fc ? { fc, n: Date.now() } : null)}
            onImported={() => {
              setPreview(null);
              reload();
            }}
          />
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={preview ? <Tag color="processing">{t('geo.previewing')}</Tag> : t('geo.currentMap')}
          >
            <JurisdictionMap
              layers={layers}
              visible={{ grids: layer === 'grids', places: true, communities: true }}
              config={data?.config}
              height={560}
              testId="geo-map"
              fitKey={preview ? preview.n : 'current'}
              fitLayer={preview ? layer : undefined}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
