/** 办事指南检索: the published catalogue searched in Chinese (or pinyin initials), filtered by department, life event, site and online depth. */
import { useState } from 'react';
import { Card, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/useLoad';
import { CASE_TYPE_LABELS, ONLINE_DEPTHS, ONLINE_DEPTH_LABELS } from '../../../../modules/services/contract';
import { type HitView, type SearchParams, servicesApi } from '../api';

const PAGE = 20;

export default function CataloguePage() {
  const t = useT();
  const [text, setText] = useState('');
  const [params, setParams] = useState<SearchParams>({ limit: PAGE, offset: 0 });
  const filters = useLoad((signal) => servicesApi.filters(signal), []);
  const result = useLoad((signal) => servicesApi.search(params, signal), [JSON.stringify(params)]);
  const set = (patch: Partial<SearchParams>) => setParams((p) => ({ ...p, ...patch, offset: 0 }));

  const columns: TableColumnsType<HitView> = [
    {
      title: t('services.col.name'),
      dataIndex: 'name',
      render: (name: string, h) => (
        <Link to={`/services/guides/${h.itemId}`} data-testid={`service-item-${h.itemId}`}>
          {name}
        </Link>
      ),
    },
    { title: t('services.col.department'), dataIndex: 'departmentName', width: 200 },
    {
      title: t('services.col.caseType'),
      dataIndex: 'caseType',
      width: 100,
      render: (c: HitView['caseType']) => <Tag>{CASE_TYPE_LABELS[c]}</Tag>,
    },
    {
      title: t('services.col.depth'),
      dataIndex: 'onlineDepth',
      width: 160,
      render: (d: HitView['onlineDepth']) => (
        <Tag color={d === 'full_online' ? 'green' : undefined}>{ONLINE_DEPTH_LABELS[d]}</Tag>
      ),
    },
    {
      title: t('services.col.visits'),
      dataIndex: 'visits',
      width: 100,
      render: (n: number) => t('services.visits', { n }),
    },
    {
      title: t('services.col.promised'),
      dataIndex: 'promisedDays',
      width: 130,
      render: (n: number) => (n === 0 ? t('services.onTheSpot') : t('services.days', { n })),
    },
  ];

  const f = filters.data;
  return (
    <>
      <PageHeader title={t('services.search.title')} hint={t('services.search.hint')} />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Input.Search
            data-testid="service-search"
            allowClear
            enterButton
            placeholder={t('services.search.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
          <Space wrap>
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('services.search.department')}
              options={f?.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.count}）` }))}
              onChange={(v?: string) => set({ department: v })}
            />
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('services.search.lifeEvent')}
              options={f?.lifeEvents.map((l) => ({ value: l.key, label: `${l.label}（${l.count}）` }))}
              onChange={(v?: SearchParams['lifeEvent']) => set({ lifeEvent: v })}
            />
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('services.search.site')}
              options={f?.sites.map((s) => ({ value: s.id, label: `${s.name}（${s.count}）` }))}
              onChange={(v?: string) => set({ site: v })}
            />
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('services.search.depth')}
              options={ONLINE_DEPTHS.map((d) => ({ value: d, label: ONLINE_DEPTH_LABELS[d] }))}
              onChange={(v?: SearchParams['onlineDepth']) => set({ onlineDepth: v })}
            />
          </Space>
          <Table<HitView>
            rowKey="itemId"
            size="middle"
            loading={result.loading}
            columns={columns}
            dataSource={result.data?.items ?? []}
            locale={{ emptyText: t('services.search.empty') }}
            pagination={{
              current: Math.floor((params.offset ?? 0) / PAGE) + 1,
              pageSize: PAGE,
              total: result.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('services.search.total', { n }),
              onChange: (page) => setParams((p) => ({ ...p, offset: (page - 1) * PAGE })),
            }}
          />
        </Space>
      </Card>
    </>
  );
}
