import { useMemo, useState } from 'react';
import { Alert, Card, Checkbox, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { JurisdictionMap, type MapVisibility } from '../../../../components/map/JurisdictionMap';
import { loadMap } from '../../../../components/map/loadLayers';
import { communityColors } from '../../../../components/map/style';

export default function MapPage() {
  const t = useT();
  const { data, loading } = useLoad((signal) => loadMap(signal), []);
  const [visible, setVisible] = useState<Required<MapVisibility>>({
    communities: true,
    grids: false,
    places: true,
    labels: true,
  });
  const layers = data?.layers ?? {};
  const colors = useMemo(() => communityColors(data?.layers.communities), [data]);
  const count = (k: keyof typeof layers) => layers[k]?.features?.length ?? 0;
  const empty = data && count('boundary') + count('communities') + count('grids') + count('places') === 0;

  const toggle = (k: keyof MapVisibility) => (e: { target: { checked: boolean } }) =>
    setVisible((v) => ({ ...v, [k]: e.target.checked }));

  return (
    <div>
      <PageHeader
        title={t('map.title')}
        hint={data?.config?.tileUrl ? t('map.hint.tiles') : t('map.hint.noTiles')}
        extra={
          <Space wrap>
            <Checkbox checked={visible.communities} onChange={toggle('communities')} data-testid="toggle-communities">
              {t('map.layer.communities')}
            </Checkbox>
            <Checkbox checked={visible.grids} onChange={toggle('grids')} data-testid="toggle-grids">
              {t('map.layer.grids')}
            </Checkbox>
            <Checkbox checked={visible.places} onChange={toggle('places')} data-testid="toggle-places">
              {t('map.layer.places')}
            </Checkbox>
            <Checkbox checked={visible.labels} onChange={toggle('labels')} data-testid="toggle-labels">
              {t('map.labels')}
            </Checkbox>
          </Space>
        }
      />
      {data?.failed.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('map.partialFail', { layers: data.failed.map((f) => f.layer).join(', ') })}
        />
      ) : null}
      {empty ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('map.empty')} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={19}>
          <JurisdictionMap layers={layers} visible={visible} config={data?.config} height="calc(100vh - 210px)" />
        </Col>
        <Col xs={24} xl={5}>
          <Card size="small" title={t('map.stats')} loading={loading} style={{ marginBottom: 12 }}>
            <Flex justify="space-around" gap={8}>
              {(['communities', 'grids', 'places'] as const).map((k) => (
                <div key={k} className="map-stat">
                  <div className="map-stat-value">{count(k)}</div>
                  <Typography.Text type="secondary">{t(`map.layer.${k}`)}</Typography.Text>
                </div>
              ))}
            </Flex>
          </Card>
          <Card size="small" title={t('map.legend')} loading={loading}>
            {colors.size === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Flex vertical gap={6}>
                {(layers.communities?.features ?? [])
                  .slice()
                  .sort((a, b) => String(a.properties?.code).localeCompare(String(b.properties?.code)))
                  .map((f) => (
                    <Typography.Text key={String(f.properties?.code)}>
                      <span
                        className="map-legend-swatch"
                        style={{ background: colors.get(String(f.properties?.code)) }}
                      />
                      {String(f.properties?.name ?? '')}
                      <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                        {String(f.properties?.code ?? '')}
                      </Typography.Text>
                    </Typography.Text>
                  ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
