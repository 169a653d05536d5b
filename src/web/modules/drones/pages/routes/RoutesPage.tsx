/**
 * 航线: the wayline routes (name, scenario, waypoints, length, highest point, the KMZ's MD5), each
 * opened on the map, exported as its .kmz, sent to the flights page to plan a flight, or deleted;
 * for pilots (drones.fly) 绘制航线 on the map and 导入 KMZ. What the API's checks say about a saved
 * route (warnings) stays shown above the list.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  ImportOutlined,
  PlusOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { fetchBlob } from '../../../../api';
import { useAuth } from '../../../../auth';
import { fmtTime } from '../../../../format';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { dronesApi, missionsApi, type RouteSaved, type RouteView } from '../../components/dronesApi';
import { ImportModal } from './ImportModal';
import { RouteEditor } from './RouteEditor';

/** The .kmz with the session cookie, offered as a download. */
async function downloadFile(path: string, filename: string): Promise<void> {
  const href = URL.createObjectURL(await fetchBlob(path));
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 2000);
}

export default function RoutesPage() {
  const t = useT();
  const { can } = useAuth();
  const fly = can('drones.fly');
  const { message } = App.useApp();
  const showError = useApiError();
  const routes = useLoad((signal) => missionsApi.routes(signal), []);
  const devices = useLoad((signal) => dronesApi.devices(signal), []);
  const docks = useMemo(() => (devices.data?.items ?? []).filter((d) => d.domain === 'dock'), [devices.data]);
  const [editing, setEditing] = useState<RouteView | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [last, setLast] = useState<RouteSaved | null>(null);

  const saved = (r: RouteSaved) => {
    setEditing(undefined);
    setImporting(false);
    setLast(r);
    if (r.warnings.length) message.warning(t('drones.routes.savedWarnings', { n: r.warnings.length }));
    else message.success(t('drones.routes.saved', { name: r.route.name }));
    routes.reload();
  };
  const remove = async (r: RouteView) => {
    try {
      await missionsApi.deleteRoute(r.id);
      message.success(t('drones.routes.deleted'));
      if (last?.route.id === r.id) setLast(null);
      routes.reload();
    } catch (e) {
      showError(e);
    }
  };
  const exportKmz = (r: RouteView) => downloadFile(missionsApi.kmzPath(r.id), `${r.name}.kmz`).catch(showError);

  const columns: TableColumnsType<RouteView> = [
    {
      title: t('drones.routes.col.name'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <Typography.Link onClick={() => setEditing(r)} data-testid={`route-open-${r.id}`}>
          {v}
        </Typography.Link>
      ),
    },
    {
      title: t('drones.routes.col.scenario'),
      dataIndex: 'scenario',
      width: 120,
      render: (v: RouteView['scenario']) => <Tag color="geekblue">{t(`drones.scenario.${v}`)}</Tag>,
    },
    { title: t('drones.routes.col.waypoints'), dataIndex: 'waypoints', width: 80, align: 'right' },
    {
      title: t('drones.routes.col.length'),
      dataIndex: 'lengthM',
      width: 100,
      align: 'right',
      render: (v: number) => t('drones.routes.lengthValue', { v: (v / 1000).toFixed(2) }),
    },
    {
      title: t('drones.routes.col.maxHeight'),
      dataIndex: 'maxHeight',
      width: 90,
      align: 'right',
      render: (v: number) => t('drones.routes.heightValue', { v }),
    },
    {
      title: t('drones.routes.col.md5'),
      dataIndex: 'md5',
      width: 130,
      render: (v: string) => (
        <Tooltip title={v}>
          <Typography.Text code copyable={{ text: v }} style={{ fontSize: 12 }}>
            {v.slice(0, 8)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    { title: t('drones.routes.col.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: number) => fmtTime(v) },
    {
      title: t('common.actions'),
      width: fly ? 330 : 200,
      render: (_, r) => (
        <Space size={0} wrap>
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setEditing(r)}>
            {t('drones.routes.open')}
          </Button>
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            onClick={() => exportKmz(r)}
            data-testid={`route-export-${r.id}`}
          >
            {t('drones.routes.export')}
          </Button>
          {fly ? (
            <>
              <Link to={`/drones/flights?routeId=${encodeURIComponent(r.id)}`} data-testid={`route-plan-${r.id}`}>
                <Button size="small" type="link" icon={<SendOutlined />}>
                  {t('drones.routes.plan')}
                </Button>
              </Link>
              <Popconfirm title={t('drones.routes.delete.confirm', { name: r.name })} onConfirm={() => remove(r)}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid={`route-delete-${r.id}`}>
                  {t('drones.routes.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="drones-routes">
      <PageHeader
        title={t('drones.routes.title')}
        hint={t('drones.routes.hint')}
        extra={
          fly ? (
            <>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="route-import">
                {t('drones.routes.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="route-new">
                {t('drones.routes.new')}
              </Button>
            </>
          ) : null
        }
      />
      {last?.warnings.length ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setLast(null) }}
          style={{ marginBottom: 12 }}
          data-testid="route-warnings"
          title={`${t('drones.routes.saved', { name: last.route.name })} · ${t('drones.editor.warnings')}`}
          description={last.warnings.map((w, i) => (
            <div key={i}>
              {w.waypoint !== undefined ? `${t('drones.editor.issueAt', { n: w.waypoint + 1 })}: ` : ''}
              {w.message}
            </div>
          ))}
        />
      ) : null}
      <Card size="small">
        <Table<RouteView>
          rowKey="id"
          size="small"
          loading={routes.loading}
          dataSource={routes.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('drones.routes.empty') }}
          onRow={(r) => ({ 'data-testid': `route-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      <RouteEditor
        editing={editing}
        docks={docks}
        canWrite={fly}
        onClose={() => setEditing(undefined)}
        onSaved={saved}
      />
      {fly ? <ImportModal open={importing} onClose={() => setImporting(false)} onImported={saved} /> : null}
    </div>
  );
}
