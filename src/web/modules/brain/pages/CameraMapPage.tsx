/**
 * 全域监控: every camera on the street's map (clustered), filtered by community, kind and status;
 * a click on the map lists the nearest cameras with distance and view direction, and plays one
 * through the video gateway when the install has one.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Empty, List, Row, Select, Space, Tag, Typography } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError } from '../../../components/useApiError';
import { loadMap } from '../../../components/map/loadLayers';
import { useT } from '../../../i18n';
import { brainApi, type CameraFilter, type CameraPointView, type NearCameraView } from '../components/brainApi';
import { CameraMap } from '../components/CameraMap';
import '../components/brain.css';

export default function CameraMapPage() {
  const t = useT();
  const onError = useApiError();
  const [filter, setFilter] = useState<CameraFilter>({});
  const [points, setPoints] = useState<CameraPointView[]>([]);
  const [communities, setCommunities] = useState<Array<{ value: string; label: string }>>([]);
  const [probe, setProbe] = useState<{ lng: number; lat: number } | null>(null);
  const [near, setNear] = useState<NearCameraView[] | null>(null);
  const [urls, setUrls] = useState<Record<string, string[]>>({});

  useEffect(() => {
    loadMap().then(
      (d) =>
        setCommunities(
          (d.layers.communities?.features ?? []).map((f) => {
            const p = (f.properties ?? {}) as { code?: string; name?: string };
            return { value: String(p.code), label: String(p.name) };
          }),
        ),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    brainApi.points(filter).then((r) => setPoints(r.items), onError);
  }, [filter, onError]);

  const pick = useCallback(
    (lng: number, lat: number) => {
      setProbe({ lng, lat });
      brainApi.nearest(lng, lat).then((r) => setNear(r.items), onError);
    },
    [onError],
  );
  const highlighted = useMemo(() => new Set((near ?? []).map((c) => c.id)), [near]);
  const online = points.filter((p) => p.online).length;
  const play = (id: string) =>
    brainApi
      .play(id)
      .then((r) => setUrls((u) => ({ ...u, [id]: [r.flv, r.hls, r.rtc].filter((x): x is string => !!x) })), onError);

  return (
    <div data-testid="brain-cameras">
      <PageHeader title={t('brain.cameras.title')} hint={t('brain.cameras.total', { n: points.length, online })} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          placeholder={t('brain.cameras.filter.community')}
          options={communities}
          onChange={(v?: string) => setFilter((f) => ({ ...f, community: v }))}
          data-testid="filter-community"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('brain.cameras.filter.kind')}
          options={[
            { value: 'ptz', label: t('brain.cameras.kind.ptz') },
            { value: 'fixed', label: t('brain.cameras.kind.fixed') },
          ]}
          onChange={(v?: 'ptz' | 'fixed') => setFilter((f) => ({ ...f, kind: v }))}
          data-testid="filter-kind"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('brain.cameras.filter.status')}
          options={[
            { value: 'online', label: t('brain.cameras.status.online') },
            { value: 'offline', label: t('brain.cameras.status.offline') },
          ]}
          onChange={(v?: 'online' | 'offline') => setFilter((f) => ({ ...f, status: v }))}
          data-testid="filter-status"
        />
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <CameraMap points={points} highlighted={highlighted} probe={probe} onPick={pick} />
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('brain.cameras.nearest')} size="small" data-testid="nearest-cameras">
            {near === null ? (
              <Typography.Text type="secondary">{t('brain.cameras.nearest.hint')}</Typography.Text>
            ) : near.length === 0 ? (
              <Empty description={t('brain.cameras.nearest.none')} />
            ) : (
              <List
                size="small"
                dataSource={near}
                renderItem={(c) => (
                  <List.Item
                    data-testid={`nearest-${c.id}`}
                    actions={[
                      <Button key="play" size="small" onClick={() => play(c.id)}>
                        {t('brain.cameras.play')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space size={4}>
                          <span>{c.name}</span>
                          <Tag color={c.online ? 'green' : 'default'}>
                            {c.online ? t('brain.cameras.status.online') : t('brain.cameras.status.offline')}
                          </Tag>
                        </Space>
                      }
                      description={
                        <>
                          {t('brain.cameras.distance', { m: Math.round(c.distanceM) })}
                          {c.direction !== null &&
                            ` · ${t('brain.cameras.direction', { deg: Math.round(c.direction) })}`}
                          {c.facing && ` · ${t('brain.cameras.facing')}`}
                          {urls[c.id]?.map((u) => (
                            <div key={u}>
                              <Typography.Text copyable code>
                                {u}
                              </Typography.Text>
                            </div>
                          ))}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
