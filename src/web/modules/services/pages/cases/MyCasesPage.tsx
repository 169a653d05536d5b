/**
 * 我的办件: the citizen's own cases (GET /api/services/cases?queue=mine) with state, number and the
 * promised due date; drafts open the apply page again, the others their detail.
 */
import { useState } from 'react';
import { Button, Card, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { fmtDate, fmtTime } from '../../../../format';
import { type CaseRowView, casesApi } from './casesApi';
import { CLOCK_STATES, labelOf, STATE_COLOURS } from './caseLabels';
import { useCasesT } from './i18n';

const PAGE = 20;
/** The filter tabs: each a comma list the route's `state` takes. */
const FILTERS = {
  all: '',
  draft: 'draft',
  running: 'pre_review,submitted,accepted',
  awaiting_correction: 'awaiting_correction',
  done: 'decided,delivered,rated',
  closed: 'rejected,returned,withdrawn,expired',
} as const;
type Filter = keyof typeof FILTERS;

export default function MyCasesPage() {
  const t = useCasesT();
  const [filter, setFilter] = useState<Filter>('all');
  const [offset, setOffset] = useState(0);
  const list = useLoad(
    (signal) => casesApi.mine({ limit: PAGE, offset, ...(FILTERS[filter] ? { state: FILTERS[filter] } : {}) }, signal),
    [filter, offset],
  );
  const now = Date.now();

  const columns: TableColumnsType<CaseRowView> = [
    {
      title: t('col.number'),
      dataIndex: 'number',
      width: 200,
      render: (n: string | null, c) => (
        <Link to={`/services/cases/${c.id}`} data-testid={`my-case-${c.id}`}>
          {n ?? t('col.noNumber')}
        </Link>
      ),
    },
    { title: t('col.item'), dataIndex: 'itemName' },
    {
      title: t('col.state'),
      dataIndex: 'state',
      width: 160,
      render: (s: string, c) => (
        <Tag color={STATE_COLOURS[s]} data-testid={`my-case-state-${c.id}`}>
          {labelOf(t, 'state', s, c.stateLabel)}
        </Tag>
      ),
    },
    { title: t('col.created'), dataIndex: 'createdAt', width: 150, render: (v: number) => fmtTime(v) },
    { title: t('col.submitted'), dataIndex: 'submittedAt', width: 150, render: (v: number | null) => fmtTime(v) },
    {
      title: t('col.due'),
      dataIndex: 'dueAt',
      width: 160,
      render: (v: number | null, c) =>
        v === null ? (
          '—'
        ) : (
          <span>
            {fmtDate(v)} {CLOCK_STATES.has(c.state) && v < now ? <Tag color="red">{t('clock.overdue')}</Tag> : null}
          </span>
        ),
    },
    {
      title: '',
      key: 'go',
      width: 110,
      render: (_: unknown, c) =>
        c.state === 'draft' ? (
          <Link to={`/services/apply/${c.itemId}?case=${c.id}`} data-testid={`my-case-continue-${c.id}`}>
            <Button size="small">{t('mine.continue')}</Button>
          </Link>
        ) : (
          <Link to={`/services/cases/${c.id}`}>
            <Button size="small">{t('mine.open')}</Button>
          </Link>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('mine.title')} hint={t('mine.hint')} />
      <Card>
        <Segmented<Filter>
          data-testid="my-cases-filter"
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setOffset(0);
          }}
          options={(Object.keys(FILTERS) as Filter[]).map((f) => ({ value: f, label: t(`mine.filter.${f}`) }))}
          style={{ marginBottom: 16 }}
        />
        <Table<CaseRowView>
          data-testid="my-cases"
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('mine.empty')}</Typography.Text> }}
          pagination={{
            current: offset / PAGE + 1,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => setOffset((p - 1) * PAGE),
          }}
        />
      </Card>
    </>
  );
}
