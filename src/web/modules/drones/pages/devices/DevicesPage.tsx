/**
 * 设备: the docks and their aircraft (online since, binding, last message, open alerts, home point),
 * the detail drawer, and for administrators (drones.manage) 登记机场 with the MQTT login shown
 * once, 编辑, 重置密码, 删除, and the on-site setup values (现场配置).
 */
import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, EyeOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { dronesApi, type Credentials, type DeviceView } from '../../components/dronesApi';
import { useDroneFleet } from '../../components/useDroneFleet';
import { DeviceDrawer } from '../../components/DeviceDrawer';
import { OnlineBadge } from '../../components/DeviceState';
import { LiveStatusBadge } from '../../components/LiveStatusBadge';
import { coords, domainText } from '../../components/labels';
import { ConnectionCard } from './ConnectionInfo';
import { CredentialsModal } from './CredentialsModal';
import { DockFormModal } from './DockFormModal';

/** Docks first, each followed by its aircraft; devices without a dock at the end. */
function ordered(devices: DeviceView[]): DeviceView[] {
  const docks = devices.filter((d) => d.domain === 'dock').sort((a, b) => a.name.localeCompare(b.name));
  const out: DeviceView[] = [];
  const placed = new Set<string>();
  for (const d of docks) {
    out.push(d);
    placed.add(d.sn);
    for (const c of devices.filter((x) => x.gatewaySn === d.sn && x.domain !== 'dock')) {
      out.push(c);
      placed.add(c.sn);
    }
  }
  return [...out, ...devices.filter((d) => !placed.has(d.sn))];
}

export default function DevicesPage() {
  const t = useT();
  const { can } = useAuth();
  const manage = can('drones.manage');
  const { message } = App.useApp();
  const showError = useApiError();
  const fleet = useDroneFleet();
  // only administrators may read the setup values (drones.manage): others never ask
  const connection = useLoad(
    (signal) => (manage ? dronesApi.connection(signal) : Promise.resolve(undefined)),
    [manage],
  );
  const [drawer, setDrawer] = useState<string | null>(null);
  const [editing, setEditing] = useState<DeviceView | null | undefined>(undefined);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const rows = useMemo(() => ordered(fleet.devices), [fleet.devices]);

  const resetPassword = async (d: DeviceView) => {
    try {
      setCredentials(await dronesApi.resetPassword(d.sn));
    } catch (e) {
      showError(e);
    }
  };
  const remove = async (d: DeviceView) => {
    try {
      await dronesApi.remove(d.sn);
      message.success(t('drones.delete.done'));
      fleet.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<DeviceView> = [
    {
      title: t('drones.col.name'),
      dataIndex: 'name',
      width: 230,
      fixed: 'left',
      render: (v: string, d) => (
        <Space
          size={4}
          style={{ whiteSpace: 'nowrap', ...(d.domain !== 'dock' && d.gatewaySn ? { paddingLeft: 12 } : {}) }}
        >
          {d.domain !== 'dock' && d.gatewaySn ? <Typography.Text type="secondary">↳</Typography.Text> : null}
          <Typography.Link onClick={() => setDrawer(d.sn)} data-testid={`device-name-${d.sn}`}>
            {d.callsign && d.domain !== 'dock' ? d.callsign : v}
          </Typography.Link>
        </Space>
      ),
    },
    {
      title: t('drones.col.domain'),
      dataIndex: 'domain',
      width: 90,
      render: (v: string) => <Tag color={v === 'dock' ? 'geekblue' : 'cyan'}>{domainText(t, v)}</Tag>,
    },
    {
      title: t('drones.col.sn'),
      dataIndex: 'sn',
      width: 170,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('drones.col.model'), width: 150, render: (_, d) => d.modelName ?? d.modelKey ?? '—' },
    {
      title: t('drones.col.online'),
      width: 170,
      render: (_, d) => (
        <div>
          <OnlineBadge device={d} />
          {d.onlineChangedAt ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('drones.since', { time: fmtTime(d.onlineChangedAt) })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('drones.col.bound'),
      width: 100,
      render: (_, d) =>
        d.bound ? <Tag color="green">{t('drones.bound')}</Tag> : <Tag color="orange">{t('drones.unbound')}</Tag>,
    },
    { title: t('drones.col.lastSeen'), dataIndex: 'lastSeenAt', width: 140, render: (v: number | null) => fmtTime(v) },
    {
      title: t('drones.col.alerts'),
      dataIndex: 'openAlerts',
      width: 70,
      render: (v: number) => (v > 0 ? <Badge count={v} /> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: t('drones.col.home'),
      width: 190,
      render: (_, d) =>
        d.domain === 'dock' ? <Typography.Text style={{ fontSize: 12 }}>{coords(d.home)}</Typography.Text> : '—',
    },
    {
      title: t('common.actions'),
      width: manage ? 280 : 80,
      render: (_, d) => (
        <Space size={0} wrap>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            onClick={() => setDrawer(d.sn)}
            data-testid={`device-open-${d.sn}`}
          >
            {t('drones.action.details')}
          </Button>
          {manage ? (
            <>
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setEditing(d)}
                data-testid={`device-edit-${d.sn}`}
              >
                {t('common.edit')}
              </Button>
              {d.domain === 'dock' ? (
                <Popconfirm title={t('drones.reset.confirm', { name: d.name })} onConfirm={() => resetPassword(d)}>
                  <Button size="small" type="link" icon={<KeyOutlined />} data-testid={`device-reset-${d.sn}`}>
                    {t('drones.action.resetPassword')}
                  </Button>
                </Popconfirm>
              ) : null}
              <Popconfirm title={t('drones.delete.confirm', { name: d.name })} onConfirm={() => remove(d)}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid={`device-delete-${d.sn}`}>
                  {t('drones.action.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('drones.devices.title')}
        hint={t('drones.devices.hint')}
        extra={
          <>
            <LiveStatusBadge live={fleet.live} />
            {manage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="drones-register"
              >
                {t('drones.action.register')}
              </Button>
            ) : null}
          </>
        }
      />
      {manage ? <ConnectionCard info={connection.data} loading={connection.loading} /> : null}
      <Card size="small">
        <Table<DeviceView>
          rowKey="sn"
          size="small"
          loading={fleet.loading}
          dataSource={rows}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1300 }}
          data-testid="drones-devices"
          onRow={(d) => ({ 'data-testid': `device-row-${d.sn}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      <DeviceDrawer sn={drawer} onClose={() => setDrawer(null)} />
      {manage ? (
        <DockFormModal
          editing={editing}
          onClose={() => setEditing(undefined)}
          onRegistered={(c) => {
            setEditing(undefined);
            setCredentials(c);
            fleet.reload();
          }}
          onSaved={() => {
            setEditing(undefined);
            message.success(t('common.saved'));
            fleet.reload();
          }}
        />
      ) : null}
      <CredentialsModal credentials={credentials} connection={connection.data} onClose={() => setCredentials(null)} />
    </div>
  );
}
