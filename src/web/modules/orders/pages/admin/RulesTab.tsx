/** 分拨规则: which unit gets which category in which community, and whether it goes there automatically. */
import { useMemo, useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { useOrgs } from '../../../../components/useRefData';
import { type GeoCollection } from '../../../../components/map/geoTypes';
import { type CategoryView as Category, type RoutingRule } from '../../../../../modules/orders/contract';
import { RuleModal } from './RuleModal';

export function RulesTab() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const rules = useLoad((signal) => api.get<{ items: RoutingRule[] }>('/api/routing-rules', undefined, { signal }), []);
  const cats = useLoad((signal) => api.get<{ items: Category[] }>('/api/order-categories', undefined, { signal }), []);
  const geo = useLoad((signal) => api.get<GeoCollection>('/api/geo/communities', undefined, { signal }), []);
  const { orgs } = useOrgs();
  const [creating, setCreating] = useState(false);
  const communities = useMemo(
    () =>
      (geo.data?.features ?? [])
        .map((f) => ({ code: String(f.properties?.code ?? ''), name: String(f.properties?.name ?? '') }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    [geo.data],
  );
  const communityName = new Map(communities.map((c) => [c.code, c.name]));

  const remove = async (r: RoutingRule) => {
    try {
      await api.delete(`/api/routing-rules/${encodeURIComponent(r.id)}`);
      message.success(t('ops.admin.rule.deleted'));
      rules.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<RoutingRule> = [
    {
      title: t('ops.admin.rule.category'),
      dataIndex: 'categoryPrefix',
      sorter: (a, b) => a.categoryPrefix.localeCompare(b.categoryPrefix),
      render: (v: string, r) =>
        v ? (
          <Space size={6}>
            <span>{r.categoryPath ?? v}</span>
            <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
              {v}
            </Typography.Text>
          </Space>
        ) : (
          <Tag>{t('ops.admin.rule.anyCategory')}</Tag>
        ),
    },
    {
      title: t('ops.admin.rule.community'),
      dataIndex: 'communityCode',
      width: 160,
      render: (v: string | null) => (v ? (communityName.get(v) ?? v) : <Tag>{t('ops.admin.rule.anyCommunity')}</Tag>),
    },
    {
      title: t('ops.admin.rule.unit'),
      dataIndex: 'unitName',
      width: 200,
      ellipsis: true,
      render: (v: string | null, r) => v ?? r.unitId,
    },
    {
      title: t('ops.admin.rule.auto'),
      dataIndex: 'autoDispatch',
      width: 150,
      filters: [
        { text: t('ops.admin.rule.autoYes'), value: true },
        { text: t('ops.admin.rule.autoNo'), value: false },
      ],
      onFilter: (v, r) => r.autoDispatch === v,
      render: (v: boolean, r) =>
        v ? (
          <Tag color="green" icon={<ThunderboltOutlined />}>
            {t('ops.admin.rule.autoAt', { n: Math.round(r.minConfidence * 100) })}
          </Tag>
        ) : (
          <Tag>{t('ops.admin.rule.suggestOnly')}</Tag>
        ),
    },
    {
      title: t('ops.admin.rule.priority'),
      dataIndex: 'priority',
      width: 80,
      align: 'right',
      sorter: (a, b) => a.priority - b.priority,
    },
    { title: t('ops.admin.rule.note'), dataIndex: 'note', ellipsis: true, responsive: ['lg'] },
  ];
  if (can('orders.configure')) {
    columns.push({
      title: t('common.actions'),
      width: 90,
      render: (_, r) => (
        <Popconfirm title={t('ops.admin.rule.deleteConfirm')} onConfirm={() => remove(r)}>
          <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid={`oadmin-rule-delete-${r.id}`}>
            {t('ops.admin.delete')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <div data-testid="oadmin-rules">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">
          {t('ops.admin.rule.summary', { n: rules.data?.items.length ?? 0 })}
        </Typography.Text>
        {can('orders.configure') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="oadmin-rule-create"
          >
            {t('ops.admin.rule.create')}
          </Button>
        ) : null}
      </Space>
      <Table<RoutingRule>
        rowKey="id"
        size="small"
        loading={rules.loading}
        columns={columns}
        dataSource={rules.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 900 }}
      />
      <RuleModal
        open={creating}
        categories={cats.data?.items ?? []}
        communities={communities}
        orgs={orgs}
        onClose={() => setCreating(false)}
        onSaved={() => {
          message.success(t('common.created'));
          setCreating(false);
          rules.reload();
        }}
      />
    </div>
  );
}
