/** 地名库 (/admin/gazetteer): import places from a spreadsheet, find them, delete them. */
import { useState } from 'react';
import { App, Button, Card, Col, Flex, Input, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { useApiError } from '../../../../components/useApiError';
import {
  GAZETTEER_KINDS,
  type GazetteerKind,
  type GazetteerList,
  type GazetteerPlace,
} from '../../../../../modules/geography/gazetteer.contract';
import { GazetteerImport } from './GazetteerImport';

const PAGE = 20;

export default function GazetteerPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<GazetteerKind | undefined>();
  const [page, setPage] = useState(1);
  const { data, loading, reload } = useLoad(
    (signal) =>
      api.get<GazetteerList>(
        '/api/geo/gazetteer/entries',
        { q: q.trim() || undefined, kind, offset: (page - 1) * PAGE, limit: PAGE },
        { signal },
      ),
    [q, kind, page],
  );

  const remove = async (p: GazetteerPlace) => {
    try {
      await api.delete(`/api/geo/gazetteer/${encodeURIComponent(p.id)}`);
      message.success(t('gazetteer.deleted', { name: p.name }));
      reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('nav.admin.gazetteer')}
        hint={t('gazetteer.hint')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={8} style={{ marginBottom: 16 }}>
          <GazetteerImport onImported={reload} />
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small">
            <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
              <Input.Search
                allowClear
                placeholder={t('gazetteer.search')}
                onSearch={(v) => {
                  setQ(v);
                  setPage(1);
                }}
                style={{ width: 280 }}
                data-testid="gazetteer-search"
              />
              <Select<GazetteerKind>
                allowClear
                placeholder={t('gazetteer.kind.all')}
                value={kind}
                onChange={(v) => {
                  setKind(v);
                  setPage(1);
                }}
                style={{ width: 160 }}
                options={GAZETTEER_KINDS.map((k) => ({ value: k, label: t(`geo.kind.${k}`) }))}
              />
              <Typography.Text type="secondary">{t('gazetteer.total', { n: data?.total ?? 0 })}</Typography.Text>
            </Flex>
            <Table<GazetteerPlace>
              size="small"
              rowKey="id"
              loading={loading}
              dataSource={data?.items ?? []}
              data-testid="gazetteer-table"
              pagination={{
                current: page,
                pageSize: PAGE,
                total: data?.total ?? 0,
                showSizeChanger: false,
                onChange: setPage,
              }}
              columns={[
                {
                  title: t('gazetteer.col.name'),
                  dataIndex: 'name',
                  render: (_: string, p) => (
                    <span>
                      <Typography.Text strong>{p.name}</Typography.Text>
                      {p.alias ? (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {p.alias}
                        </Typography.Text>
                      ) : null}
                    </span>
                  ),
                },
                {
                  title: t('gazetteer.col.kind'),
                  dataIndex: 'kind',
                  render: (k: GazetteerKind) => <Tag>{t(`geo.kind.${k}`)}</Tag>,
                },
                { title: t('gazetteer.col.address'), dataIndex: 'address' },
                {
                  title: t('gazetteer.col.community'),
                  dataIndex: 'communityName',
                  render: (c: string | null) =>
                    c ?? <Typography.Text type="warning">{t('gazetteer.outside')}</Typography.Text>,
                },
                {
                  title: t('gazetteer.col.coords'),
                  render: (_: unknown, p) => (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {p.lng.toFixed(6)}, {p.lat.toFixed(6)}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('gazetteer.col.source'),
                  dataIndex: 'source',
                  render: (s: string) => t(s === 'demo' ? 'gazetteer.source.demo' : 'gazetteer.source.import'),
                },
                {
                  title: '',
                  width: 60,
                  render: (_: unknown, p) => (
                    <Popconfirm title={t('gazetteer.deleteConfirm', { name: p.name })} onConfirm={() => remove(p)}>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('gazetteer.delete')}
                        data-testid={`gazetteer-delete-${p.name}`}
                      />
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
