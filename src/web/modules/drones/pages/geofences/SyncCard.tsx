/** 各机场同步状态: the file the docks should hold, and each dock's last flight_areas_sync_progress. */
import { Button, Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import type { GeofenceSyncView } from './geofencesApi';

type Row = GeofenceSyncView['docks'][number];

const STATUS_COLOR: Record<string, string> = {
  synchronized: 'green',
  synchronizing: 'blue',
  wait_sync: 'gold',
  fail: 'red',
  switch_fail: 'red',
};

export function SyncCard({
  sync,
  canPush,
  pushing,
  onPush,
}: {
  sync: GeofenceSyncView | undefined;
  canPush: boolean;
  pushing: boolean;
  onPush: () => void;
}) {
  const t = useT();
  const statusText = (s: Row['status']) =>
    s ? t(`drones.geofences.sync.status.${s}` as 'drones.geofences.sync.status.fail') : t('drones.geofences.sync.none');
  const columns: TableColumnsType<Row> = [
    {
      title: t('drones.geofences.sync.dock'),
      dataIndex: 'name',
      render: (v: string, r) => <span title={r.dockSn}>{v}</span>,
    },
    {
      title: t('drones.geofences.sync.online'),
      dataIndex: 'online',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">{t('drones.online')}</Tag> : <Tag>{t('drones.offline')}</Tag>),
    },
    {
      title: t('drones.geofences.sync.status'),
      dataIndex: 'status',
      render: (s: Row['status'], r) => (
        <Space
          size={4}
          data-testid={`geofence-sync-${r.dockSn}`}
          data-status={s ?? ''}
          data-current={r.current ? '1' : '0'}
        >
          <Tag color={s ? STATUS_COLOR[s] : undefined}>{statusText(s)}</Tag>
          {r.current ? (
            <Tag color="green">{t('drones.geofences.sync.current')}</Tag>
          ) : s === 'synchronized' ? (
            <Tag color="gold">{t('drones.geofences.sync.stale')}</Tag>
          ) : null}
          {r.reasonText ? <Typography.Text type="danger">{r.reasonText}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('drones.geofences.sync.reported'),
      dataIndex: 'reportedAt',
      width: 160,
      render: (v: number | null) => (v ? fmtTime(v) : t('drones.none')),
    },
  ];
  return (
    <Card
      size="small"
      title={t('drones.geofences.sync.title')}
      extra={
        canPush ? (
          <Button
            size="small"
            icon={<SyncOutlined />}
            loading={pushing}
            onClick={onPush}
            data-testid="geofence-sync-now"
          >
            {t('drones.geofences.sync.now')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {sync?.file ? (
          <Tooltip title={`SHA-256 ${sync.file.checksum}`}>
            <span data-testid="geofence-file">
              {t('drones.geofences.sync.file', { name: sync.file.name, areas: sync.file.areas, size: sync.file.size })}
            </span>
          </Tooltip>
        ) : (
          t('drones.geofences.sync.noFile')
        )}
      </Typography.Paragraph>
      <Table<Row> rowKey="dockSn" size="small" pagination={false} columns={columns} dataSource={sync?.docks ?? []} />
    </Card>
  );
}
