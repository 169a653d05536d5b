/** 分类与时限: the category tree with each leaf's time limits; edit, enable, disable. */
import { useMemo, useState } from 'react';
import { App, Button, Input, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { CategoryModal } from './CategoryModal';
import { departmentTypeLabel, requestTypeLabel } from './labels';
import { categoryTree, filterTree, type CategoryNode } from './categoryTree';
import { type CategoryView as Category } from '../../../../../modules/orders/contract';

export function CategoriesTab() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const cats = useLoad((signal) => api.get<{ items: Category[] }>('/api/order-categories', undefined, { signal }), []);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Category | null>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const [toggling, setToggling] = useState<string | null>(null);
  const tree = useMemo(() => categoryTree(cats.data?.items ?? []), [cats.data]);
  const shown = useMemo(() => filterTree(tree, q), [tree, q]);
  const allKeys = useMemo(() => (cats.data?.items ?? []).filter((c) => !c.leaf).map((c) => c.code), [cats.data]);
  const leaves = (cats.data?.items ?? []).filter((c) => c.leaf).length;

  const toggle = async (c: Category, active: boolean) => {
    setToggling(c.code);
    try {
      await api.patch(`/api/order-categories/${encodeURIComponent(c.code)}`, { active });
      message.success(
        active ? t('ops.admin.cat.enabled', { name: c.name }) : t('ops.admin.cat.disabled', { name: c.name }),
      );
      cats.reload();
    } catch (e) {
      showError(e);
    } finally {
      setToggling(null);
    }
  };

  const limit = (v: number | undefined, unit: 'h' | 'd') =>
    v === undefined ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : unit === 'h' ? (
      t('ops.admin.hoursShort', { n: v })
    ) : (
      t('ops.admin.daysShort', { n: v })
    );

  const columns: TableColumnsType<CategoryNode> = [
    {
      title: t('ops.admin.cat.name'),
      dataIndex: 'name',
      render: (_, c) => (
        <Space size={6}>
          <span
            style={{ fontWeight: c.level === 1 ? 600 : undefined, color: c.active ? undefined : 'rgba(0,0,0,0.35)' }}
          >
            {c.name}
          </span>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {c.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('ops.admin.cat.requestType'),
      dataIndex: 'requestType',
      width: 90,
      render: (v: string | null) => (v ? <Tag>{requestTypeLabel(v, t)}</Tag> : null),
    },
    {
      title: t('ops.admin.cat.deptType'),
      dataIndex: 'departmentType',
      width: 170,
      ellipsis: true,
      render: (v: string | null) => (v ? departmentTypeLabel(v, t) : null),
    },
    {
      title: t('ops.admin.cat.signHours'),
      width: 100,
      align: 'right',
      render: (_, c) => (c.limits ? limit(c.limits.signHours, 'h') : null),
    },
    {
      title: t('ops.admin.cat.contactDays'),
      width: 100,
      align: 'right',
      render: (_, c) => (c.limits ? limit(c.limits.contactDays, 'd') : null),
    },
    {
      title: (
        <Tooltip title={t('ops.admin.cat.completeHint')}>
          <span>{t('ops.admin.cat.complete')}</span>
        </Tooltip>
      ),
      width: 180,
      align: 'right',
      render: (_, c) =>
        c.limits ? (
          <span className="mono">
            {c.limits.completeDays.normal} / <span style={{ color: '#d46b08' }}>{c.limits.completeDays.urgent}</span> /{' '}
            <span style={{ color: '#cf1322' }}>{c.limits.completeDays.emergency}</span>
          </span>
        ) : null,
    },
    {
      title: t('ops.admin.cat.active'),
      dataIndex: 'active',
      width: 80,
      render: (v: boolean, c) => (
        <Switch size="small" checked={v} loading={toggling === c.code} onChange={(on) => toggle(c, on)} />
      ),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, c) => (
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => setEditing(c)}
          data-testid={`oadmin-cat-edit-${c.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="oadmin-categories">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('ops.admin.cat.search')}
            onSearch={setQ}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ width: 240 }}
          />
          <Button onClick={() => setExpanded(allKeys)}>{t('ops.admin.expandAll')}</Button>
          <Button onClick={() => setExpanded([])}>{t('ops.admin.collapseAll')}</Button>
        </Space>
        <Typography.Text type="secondary">
          {t('ops.admin.cat.count', { n: cats.data?.items.length ?? 0, leaves })}
        </Typography.Text>
      </Space>
      <Table<CategoryNode>
        rowKey="code"
        size="small"
        loading={cats.loading}
        columns={columns}
        dataSource={shown}
        pagination={false}
        expandable={{ expandedRowKeys: q ? allKeys : expanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
        scroll={{ x: 1000 }}
      />
      <CategoryModal
        category={editing}
        onClose={() => setEditing(null)}
        onSaved={(c) => {
          message.success(t('ops.admin.cat.saved', { name: c.name }));
          setEditing(null);
          cats.reload();
        }}
      />
    </div>
  );
}
