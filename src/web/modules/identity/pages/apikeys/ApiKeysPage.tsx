import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { type ApiKeyRow } from '../../../../../modules/identity/contract';
import { type List as Items } from '../../../../../platform/contract';
import { CreateKeyModal } from './CreateKeyModal';

export default function ApiKeysPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const keys = useLoad((signal) => api.get<Items<ApiKeyRow>>('/api/api-keys', undefined, { signal }), []);
  const [creating, setCreating] = useState(false);

  const revoke = async (k: ApiKeyRow) => {
    try {
      await api.post(`/api/api-keys/${encodeURIComponent(k.id)}/revoke`);
      message.success(t('apiKey.revoked.done'));
      keys.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<ApiKeyRow> = [
    { title: t('apiKey.name'), dataIndex: 'name' },
    {
      title: t('apiKey.prefix'),
      dataIndex: 'prefix',
      render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
    },
    {
      title: t('apiKey.permissions'),
      dataIndex: 'permissions',
      render: (ps: string[]) => ps.map((p) => <Tag key={p}>{p}</Tag>),
    },
    { title: t('apiKey.createdAt'), dataIndex: 'createdAt', width: 150, render: fmtTime },
    { title: t('apiKey.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: fmtTime },
    {
      title: t('user.status'),
      width: 170,
      render: (_, k) =>
        k.revokedAt ? (
          <Tag>{t('apiKey.revokedAt', { time: fmtTime(k.revokedAt) })}</Tag>
        ) : (
          <Tag color="green">{t('apiKey.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      width: 110,
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t('apiKey.revoke.confirm', { name: k.name })}
            onConfirm={() => revoke(k)}
            okButtonProps={{ danger: true }}
          >
            <Button size="small" type="link" danger icon={<StopOutlined />}>
              {t('apiKey.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.admin.apiKeys')}
        hint={t('apiKey.hint')}
        extra={
          <Space>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="api-key-create"
            >
              {t('apiKey.create')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Table<ApiKeyRow>
          rowKey="id"
          loading={keys.loading}
          dataSource={keys.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowClassName={(k) => (k.revokedAt ? 'row-muted' : '')}
          scroll={{ x: 900 }}
        />
      </Card>
      <CreateKeyModal open={creating} onClose={() => setCreating(false)} onCreated={keys.reload} />
    </div>
  );
}
