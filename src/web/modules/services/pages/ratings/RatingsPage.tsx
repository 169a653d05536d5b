/**
 * 好差评: the published figures per department, window or month (count, 满意率, 差评率, 差评整改率)
 * ranked by 差评率 (GET /api/services/ratings/stats), and the 差评整改台账 with its call-back, fix and
 * 不实差评 actions (services.ratings.manage; the buttons are hidden from readers).
 */
import { Button, Card, Checkbox, Flex, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useAuth } from '../../../../auth';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { useOrgs } from '../../../../components/useRefData';
import { fmtTime } from '../../../../format';
import { useRatingsT, type RatingsKey } from './i18n';
import { RectifyDialog, type RectifyStep } from './RectifyDialog';
import { ratingsApi, type RectificationView, type StatsBy, type StatsView } from './ratingsApi';

type Row = StatsView['rows'][number];

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export default function RatingsPage() {
  const t = useRatingsT();
  const { can } = useAuth();
  const canManage = can('services.ratings.manage');
  const [by, setBy] = useState<StatsBy>('department');
  const [overdue, setOverdue] = useState(false);
  const [dialog, setDialog] = useState<{ step: RectifyStep; target: RectificationView } | null>(null);
  const stats = useLoad((signal) => ratingsApi.stats(by, signal), [by]);
  const queue = useLoad((signal) => ratingsApi.queue(overdue ? { overdue: true } : {}, signal), [overdue]);
  const sites = useLoad((signal) => ratingsApi.sites(signal), []);
  const { orgs } = useOrgs();

  const name = useMemo(() => {
    const units = new Map(orgs.map((o) => [o.id, o.name]));
    const windows = new Map(
      (sites.data?.items ?? []).flatMap((s) =>
        s.windows.map((w) => [w.id, `${s.name} ${w.number} ${w.name}`] as const),
      ),
    );
    return (key: string): string => {
      if (by === 'department') return units.get(key) ?? key;
      if (by === 'window') return key === '' ? t('noWindow') : (windows.get(key) ?? key);
      return key;
    };
  }, [by, orgs, sites.data, t]);

  const columns: TableColumnsType<Row> = [
    { title: t('rank'), dataIndex: 'rank', width: 90, align: 'center' },
    { title: t('key'), dataIndex: 'key', render: (k: string) => name(k) },
    { title: t('count'), dataIndex: 'count', align: 'right' },
    { title: t('satisfactionRate'), dataIndex: 'satisfactionRate', align: 'right', render: pct },
    { title: t('bad'), dataIndex: 'bad', align: 'right' },
    {
      title: t('badRate'),
      dataIndex: 'badRate',
      align: 'right',
      render: (v: number | null) => <span style={v ? { color: '#cf1322' } : undefined}>{pct(v)}</span>,
    },
    { title: t('groundless'), dataIndex: 'groundless', align: 'right' },
    { title: t('rectifiedOnTime'), dataIndex: 'rectifiedOnTime', align: 'right' },
    { title: t('rectificationRate'), dataIndex: 'rectificationRate', align: 'right', render: pct },
  ];

  const done = useCallback(() => {
    setDialog(null);
    queue.reload();
    stats.reload();
  }, [queue, stats]);

  const queueColumns: TableColumnsType<RectificationView> = [
    { title: t('number'), dataIndex: 'number' },
    {
      title: t('level'),
      dataIndex: 'level',
      render: (l: number) => <Tag color="red">{t(`level.${l}` as RatingsKey)}</Tag>,
    },
    { title: t('key'), dataIndex: 'departmentId', render: (id: string) => orgs.find((o) => o.id === id)?.name ?? id },
    { title: t('status'), dataIndex: 'status', render: (s: string) => t(`status.${s}` as RatingsKey) },
    {
      title: t('callbackDue'),
      dataIndex: 'callbackDue',
      render: (v: number, r) => (
        <Space>
          {fmtTime(v)}
          {r.callbackOverdue && <Tag color="volcano">{t('overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('fixDue'),
      dataIndex: 'fixDue',
      render: (v: number, r) => (
        <Space>
          {fmtTime(v)}
          {r.fixOverdue && <Tag color="volcano">{t('overdue')}</Tag>}
        </Space>
      ),
    },
    ...(canManage
      ? [
          {
            title: t('actions'),
            key: 'actions',
            render: (_: unknown, r: RectificationView) => (
              <Space size="small">
                {r.status === 'open' && (
                  <Button
                    size="small"
                    data-testid={`rect-callback-${r.number}`}
                    onClick={() => setDialog({ step: 'callback', target: r })}
                  >
                    {t('action.callback')}
                  </Button>
                )}
                {r.status === 'called_back' && (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`rect-fix-${r.number}`}
                    onClick={() => setDialog({ step: 'fix', target: r })}
                  >
                    {t('action.fix')}
                  </Button>
                )}
                {(r.status === 'open' || r.status === 'called_back') && (
                  <Button size="small" onClick={() => setDialog({ step: 'groundless', target: r })}>
                    {t('action.groundless')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const total = stats.data?.total;
  return (
    <div data-testid="ratings-page">
      <PageHeader title={t('title')} hint={t('hint')} />
      <Card
        extra={
          <Segmented
            value={by}
            onChange={(v) => setBy(v as StatsBy)}
            options={(['department', 'window', 'month'] as const).map((k) => ({ value: k, label: t(`by.${k}`) }))}
          />
        }
      >
        <Table<Row>
          rowKey={(r) => `${r.key}|${r.departmentId ?? ''}`}
          size="small"
          loading={stats.loading}
          columns={columns}
          dataSource={stats.data?.rows ?? []}
          pagination={false}
          data-testid="ratings-stats"
          summary={() =>
            total ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.count}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {pct(total.satisfactionRate)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {total.bad}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {pct(total.badRate)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {total.groundless}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {total.rectifiedOnTime}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right">
                  {pct(total.rectificationRate)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={t('queue')}
        extra={
          <Flex gap={8}>
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
              {t('onlyOverdue')}
            </Checkbox>
          </Flex>
        }
      >
        <Table<RectificationView>
          rowKey="id"
          size="small"
          loading={queue.loading}
          columns={queueColumns}
          dataSource={queue.data?.items ?? []}
          data-testid="ratings-queue"
        />
      </Card>
      {dialog && (
        <RectifyDialog t={t} step={dialog.step} target={dialog.target} onClose={() => setDialog(null)} onDone={done} />
      )}
    </div>
  );
}
