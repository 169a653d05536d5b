/**
 * 电子围栏: the no-fly zones and stay-inside areas on the street's map and in a list, the docks' sync
 * status; for administrators (drones.manage) new / edit / enable / delete and "sync now". The
 * pre-flight check refuses a route that enters a no-fly zone or leaves its stay-inside area.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Popconfirm, Row, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { GeofenceFormModal } from './GeofenceFormModal';
import { GeofenceMap } from './GeofenceMap';
import { type GeofenceView, geofencesApi, NO_FLY_COLOR, STAY_INSIDE_COLOR } from './geofencesApi';
import { SyncCard } from './SyncCard';

export default function GeofencesPage() {
  const t = useT();
  const { can } = useAuth();
  const manage = can('drones.manage');
  const { message } = App.useApp();
  const showError = useApiError();
  const list = useLoad((signal) => geofencesApi.list(signal), []);
  const sync = useLoad((signal) => geofencesApi.sync(signal), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<GeofenceView | null | undefined>(undefined);
  const [pushing, setPushing] = useState(false);
  const zones = list.data?.items ?? [];
  const reload = () => {
    list.reload();
    sync.reload();
  };

  const act = async (f: () => Promise<unknown>, done: string) => {
    try {
      await f();
      message.success(done);
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<GeofenceView> = [
    {
      title: t('drones.geofences.col.name'),
      dataIndex: 'name',
      render: (v: string, g) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setSelected(g.id)}
          data-testid={`geofence-row-${g.name}`}
        >
          {v}
        </Button>
      ),
    },
    {
      title: t('drones.geofences.col.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: GeofenceView['kind']) => (
        <Tag color={k === 'no_fly' ? NO_FLY_COLOR : STAY_INSIDE_COLOR}>
          {t(k === 'no_fly' ? 'drones.geofences.kind.no_fly' : 'drones.geofences.kind.stay_inside')}
        </Tag>
      ),
    },
    {
      title: t('drones.geofences.col.shape'),
      dataIndex: 'shape',
      width: 130,
      render: (s: GeofenceView['shape'], g) =>
        s === 'circle'
          ? `${t('drones.geofences.shape.circle')} ${g.radiusM} m`
          : `${t('drones.geofences.shape.polygon')} · ${g.polygon?.length ?? 0}`,
    },
    {
      title: t('drones.geofences.col.heights'),
      width: 110,
      render: (_: unknown, g) =>
        g.minHeightM === null && g.maxHeightM === null
          ? t('drones.geofences.allHeights')
          : `${g.minHeightM ?? 0}–${g.maxHeightM ?? '∞'} m`,
    },
    {
      title: t('drones.geofences.col.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (v: boolean, g) => (
        <Space size={4}>
          <Switch
            size="small"
            checked={v}
            disabled={!manage}
            onChange={(on) => act(() => geofencesApi.update(g.id, { enabled: on }), t('common.saved'))}
          />
          {v && !g.onDocks ? (
            <Tag title={t('drones.geofences.platformOnly.hint')}>{t('drones.geofences.platformOnly')}</Tag>
          ) : null}
        </Space>
      ),
    },
    ...(manage
      ? [
          {
            title: t('drones.geofences.col.actions'),
            width: 110,
            render: (_: unknown, g: GeofenceView) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(g)}
                  aria-label={t('drones.geofences.edit')}
                />
                <Popconfirm
                  title={t('drones.geofences.delete.confirm', { name: g.name })}
                  onConfirm={() => act(() => geofencesApi.remove(g.id), t('drones.geofences.delete.done'))}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('drones.geofences.delete')}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.drones.geofences')}
        hint={t('drones.geofences.hint')}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="geofence-new">
              {t('drones.geofences.new')}
            </Button>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <GeofenceMap zones={zones} selected={selected} onSelect={setSelected} height="calc(100vh - 260px)" />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small" title={t('drones.geofences.list')}>
              <Table<GeofenceView>
                rowKey="id"
                size="small"
                loading={list.loading}
                columns={columns}
                dataSource={zones}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                rowClassName={(g) => (g.id === selected ? 'ant-table-row-selected' : '')}
                data-testid="geofence-table"
              />
            </Card>
            <SyncCard
              sync={sync.data}
              canPush={manage}
              pushing={pushing}
              onPush={async () => {
                setPushing(true);
                await act(() => geofencesApi.syncNow(), t('drones.geofences.sync.pushed'));
                setPushing(false);
              }}
            />
          </Space>
        </Col>
      </Row>
      <GeofenceFormModal
        editing={editing}
        zones={zones}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          message.success(t('common.saved'));
          reload();
        }}
      />
    </>
  );
}
