/** The ranking table: one row per unit, every column sortable, the street total at the bottom. */
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../../i18n';
import { INDICATOR_LABELS, hours, pct, rateColor, scoreColor } from './format';
import { type IndicatorKey, type MetricsRow } from '../../../../../modules/orders/contract';

const RATE_COLUMNS: IndicatorKey[] = ['signOnTime', 'onTimeCompletion', 'satisfaction', 'return', 'rework', 'solve'];

/** Nulls (nothing to judge) sort last in either direction. */
function nullsLast(a: number | null, b: number | null, order?: 'ascend' | 'descend' | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return order === 'descend' ? -1 : 1;
  if (b === null) return order === 'descend' ? 1 : -1;
  return a - b;
}

interface Props {
  rows: MetricsRow[];
  total: MetricsRow | null;
  loading: boolean;
  selectedUnitId: string | null;
  onSelect: (row: MetricsRow) => void;
}

export function RankingTable({ rows, total, loading, selectedUnitId, onSelect }: Props) {
  const t = useT();
  const rateTip = (k: IndicatorKey, r: MetricsRow): string => {
    switch (k) {
      case 'signOnTime':
        return t('ops.eval.tip.fraction', { a: r.signedOnTime, b: r.dispatched });
      case 'onTimeCompletion':
        return t('ops.eval.tip.fraction', { a: r.completedOnTime, b: r.completed });
      case 'satisfaction':
        return t('ops.eval.tip.fraction', { a: r.satisfied, b: r.visited });
      case 'return':
        return t('ops.eval.tip.fraction', { a: r.returned, b: r.dispatched });
      case 'rework':
        return t('ops.eval.tip.fraction', { a: r.reworked, b: r.closed });
      case 'solve':
        return t('ops.eval.tip.fraction', { a: r.solved, b: r.closed });
    }
  };

  const columns: TableColumnsType<MetricsRow> = [
    {
      title: t('ops.eval.rank'),
      dataIndex: 'rank',
      width: 60,
      align: 'center',
      render: (v: number | null, r) =>
        v === null ? (
          <Tooltip title={r.score !== null && r.dispatched <= 0 ? t('ops.eval.notRankedNoDispatch') : undefined}>
            <Typography.Text type="secondary" data-testid={`eval-unranked-${r.unitId}`}>
              —
            </Typography.Text>
          </Tooltip>
        ) : (
          <span className={`eval-rank${v <= 3 ? ` r${v}` : ''}`}>{v}</span>
        ),
    },
    {
      title: t('ops.col.unit'),
      dataIndex: 'unitName',
      width: 156,
      ellipsis: true,
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'),
    },
    {
      title: t('ops.eval.dispatched'),
      dataIndex: 'dispatched',
      width: 84,
      align: 'right',
      sorter: (a, b) => a.dispatched - b.dispatched,
    },
    ...RATE_COLUMNS.map((k): TableColumnsType<MetricsRow>[number] => ({
      title: t(INDICATOR_LABELS[k]),
      key: k,
      width: 90,
      align: 'right',
      sorter: (a, b, order) => nullsLast(a.rates[k], b.rates[k], order),
      render: (_: unknown, r: MetricsRow) => (
        <Tooltip title={rateTip(k, r)}>
          <span style={{ color: rateColor(k, r.rates[k]) }}>{pct(r.rates[k])}</span>
        </Tooltip>
      ),
    })),
    {
      title: t('ops.eval.avgHandling'),
      dataIndex: 'avgHandlingHours',
      width: 100,
      align: 'right',
      sorter: (a, b, order) => nullsLast(a.avgHandlingHours, b.avgHandlingHours, order),
      render: (v: number | null) => hours(v, t),
    },
    {
      title: t('ops.eval.overdue'),
      dataIndex: 'overdue',
      width: 80,
      align: 'right',
      sorter: (a, b) => a.overdue - b.overdue,
      render: (v: number, r) => (
        <Tooltip title={t('ops.eval.tip.overdue', { closed: r.overdueClosed, open: r.overdueOpen })}>
          <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span>
        </Tooltip>
      ),
    },
    {
      title: t('ops.eval.score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      sorter: (a, b, order) => nullsLast(a.score, b.score, order),
      render: (v: number | null, r) => (
        <Tooltip title={r.deduction ? t('ops.eval.tip.deduction', { n: r.deduction }) : t('ops.eval.tip.noDeduction')}>
          <span className="eval-score" style={{ color: scoreColor(v) }}>
            {v === null ? '—' : v.toFixed(2)}
          </span>
        </Tooltip>
      ),
    },
  ];

  return (
    <Table<MetricsRow>
      className="eval-table"
      data-testid="eval-table"
      rowKey={(r) => r.unitId ?? 'total'}
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      sticky={{ offsetHeader: 64 }}
      scroll={{ x: 1110 }}
      rowClassName={(r) => (r.unitId === selectedUnitId ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ onClick: () => onSelect(r), style: { cursor: 'pointer' } })}
      summary={() =>
        total && rows.length ? (
          <Table.Summary>
            <Table.Summary.Row className="eval-total-row">
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>{t('ops.eval.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {total.dispatched}
              </Table.Summary.Cell>
              {RATE_COLUMNS.map((k, i) => (
                <Table.Summary.Cell key={k} index={3 + i} align="right">
                  <Tooltip title={rateTip(k, total)}>{pct(total.rates[k])}</Tooltip>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={9} align="right">
                {hours(total.avgHandlingHours, t)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={10} align="right">
                {total.overdue}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={11} />
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
