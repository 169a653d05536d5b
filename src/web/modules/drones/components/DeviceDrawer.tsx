/**
 * One device in full (GET /api/drones/devices/:sn): its state, its aircraft, the open health
 * alerts (HMS) and the messages the platform could not use. Read again every 10 s while open.
 */
import { useEffect } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { fmtTime } from '../../../format';
import { useLoad } from '../../../components/useLoad';
import { dronesApi, type DeviceDetailView, type DeviceView } from './dronesApi';
import { AircraftStateView, DockStateView, OnlineBadge } from './DeviceState';
import { LivePlayer } from './LivePlayer';
import { coords, domainText, hmsLevelColor, hmsLevelText, reasonText, topicText } from './labels';

type Alert = DeviceDetailView['alerts'][number];
type Fault = DeviceDetailView['faults'][number];

export function DeviceDrawer({ sn, onClose }: { sn: string | null; onClose: () => void }) {
  const t = useT();
  const detail = useLoad((signal) => (sn ? dronesApi.device(sn, signal) : Promise.resolve(undefined)), [sn]);
  const { reload } = detail;
  useEffect(() => {
    if (!sn) return;
    const every = setInterval(reload, 10_000);
    return () => clearInterval(every);
  }, [sn, reload]);
  const d = detail.data;
  // while another device's answer is still on screen, show the loading card instead
  const device = d?.device.sn === sn ? d?.device : undefined;

  return (
    <Drawer
      open={!!sn}
      onClose={onClose}
      size={720}
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {t('drones.detail.title')}
            {device ? ` · ${device.name}` : ''}
          </span>
          <Tooltip title={t('common.refresh')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={detail.loading}
              onClick={reload}
              data-testid="device-drawer-refresh"
            />
          </Tooltip>
        </Flex>
      }
      destroyOnHidden
    >
      {!device || !d ? (
        <Card loading />
      ) : (
        <Flex vertical gap={16} data-testid="device-drawer">
          <DeviceInfo device={device} />
          <Card size="small" title={t('drones.detail.state')}>
            {device.domain === 'dock' ? (
              <DockStateView dock={device} aircraft={d.children.find((c) => c.domain === 'aircraft')} />
            ) : device.domain === 'aircraft' ? (
              <AircraftStateView device={device} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
          {d.children.map((c) => (
            <Card
              key={c.sn}
              size="small"
              title={
                <Space>
                  {t('drones.detail.children')}
                  <Typography.Text>{c.callsign || c.name}</Typography.Text>
                  <Typography.Text code>{c.sn}</Typography.Text>
                  <OnlineBadge device={c} />
                </Space>
              }
            >
              <AircraftStateView device={c} />
            </Card>
          ))}
          {device.domain === 'dock' || device.domain === 'aircraft' ? <LivePlayer sn={device.sn} /> : null}
          <Card size="small" title={t('drones.detail.alerts')}>
            <AlertTable alerts={d.alerts} />
          </Card>
          <Card size="small" title={t('drones.detail.faults')}>
            <FaultTable faults={d.faults} />
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}

function DeviceInfo({ device }: { device: DeviceView }) {
  const t = useT();
  return (
    <Descriptions size="small" column={2} bordered title={t('drones.detail.info')}>
      <Descriptions.Item label={t('drones.col.sn')}>
        <Typography.Text code copyable>
          {device.sn}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.col.domain')}>{domainText(t, device.domain)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.col.model')}>{device.modelName ?? device.modelKey ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('drones.col.online')}>
        <OnlineBadge device={device} />
        {device.onlineChangedAt ? (
          <Typography.Text type="secondary">
            {' '}
            {t('drones.since', { time: fmtTime(device.onlineChangedAt) })}
          </Typography.Text>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.col.bound')}>
        {device.bound ? <Tag color="green">{t('drones.bound')}</Tag> : <Tag color="orange">{t('drones.unbound')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.col.lastSeen')}>{fmtTime(device.lastSeenAt)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.detail.callsign')}>{device.callsign ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('drones.detail.firmware')}>{device.firmware ?? '—'}</Descriptions.Item>
      {device.domain === 'dock' ? (
        <>
          <Descriptions.Item label={t('drones.col.home')}>{coords(device.home)}</Descriptions.Item>
          <Descriptions.Item label={t('drones.detail.credentials')}>
            {device.hasCredentials ? t('drones.detail.credentials.yes') : t('drones.detail.credentials.no')}
          </Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label={t('drones.col.gateway')}>{device.gatewaySn ?? '—'}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('drones.detail.registered')}>
        {device.registeredBy ? t('drones.detail.registered.admin') : t('drones.detail.registered.topology')}
      </Descriptions.Item>
    </Descriptions>
  );
}

function AlertTable({ alerts }: { alerts: Alert[] }) {
  const t = useT();
  return (
    <Table<Alert>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={alerts}
      data-testid="device-alerts"
      locale={{ emptyText: t('drones.detail.noAlerts') }}
      columns={[
        {
          title: t('drones.alert.level'),
          dataIndex: 'level',
          width: 80,
          render: (v: number) => <Tag color={hmsLevelColor(v)}>{hmsLevelText(t, v)}</Tag>,
        },
        {
          title: t('drones.alert.textKey'),
          dataIndex: 'textKey',
          render: (v: string, a) => (
            <Space size={4} wrap>
              <Typography.Text code>{v}</Typography.Text>
              {a.inTheSky ? <Tag>{t('drones.alert.inTheSky')}</Tag> : null}
              {a.imminent ? <Tag color="red">{t('drones.alert.imminent')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('drones.alert.code'), dataIndex: 'code', width: 110 },
        { title: t('drones.alert.raisedAt'), dataIndex: 'raisedAt', width: 140, render: (v: number) => fmtTime(v) },
      ]}
    />
  );
}

function FaultTable({ faults }: { faults: Fault[] }) {
  const t = useT();
  return (
    <Table<Fault>
      size="small"
      rowKey={(f) => `${f.sn}|${f.topicKind}|${f.reason}`}
      pagination={false}
      dataSource={faults}
      data-testid="device-faults"
      locale={{ emptyText: t('drones.detail.noFaults') }}
      columns={[
        { title: t('drones.fault.topic'), dataIndex: 'topicKind', width: 130, render: (v: string) => topicText(t, v) },
        {
          title: t('drones.fault.reason'),
          dataIndex: 'reason',
          width: 120,
          render: (v: string) => <Tag color="volcano">{reasonText(t, v)}</Tag>,
        },
        { title: t('drones.fault.count'), dataIndex: 'count', width: 60 },
        { title: t('drones.fault.last'), dataIndex: 'lastAt', width: 130, render: (v: number) => fmtTime(v) },
        {
          title: t('drones.fault.sample'),
          dataIndex: 'sample',
          render: (v: string | null) =>
            v ? (
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {v}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
