/** The work-order table both workbenches use: dense, one row per order, the clock coloured. */
import type { HTMLAttributes, Key, ReactNode } from 'react';
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type React from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fmtTime } from '../../../format';
import { useOrderLabels } from './labels';
import { OrderFlags, SlaClock, StateTag, clockKind } from './OrderBits';
import { useOrgIndex } from './refData';
import { DispatchTimer, useDispatchTarget, useNow } from './DispatchTimer';
import { type OrderView } from '../../../../modules/orders/contract';
import './orders.css';

interface Props {
  orders: OrderView[];
  loading?: boolean;
  /** Row selection (bulk actions); omitted = no checkboxes. */
  selection?: { keys: Key[]; onChange: (keys: Key[], rows: OrderView[]) => void; disabled?: (o: OrderView) => boolean };
  /** A last column of per-row buttons (e.g. 签收). */
  rowActions?: (o: OrderView) => ReactNode;
  rowActionsWidth?: number;
  /** Ids to highlight briefly (changed by the live stream). */
  flash?: ReadonlySet<string>;
  empty?: ReactNode;
  /** Narrow layout (beside the map): community, unit and date fold into the title cell. */
  compact?: boolean;
}

export function OrderTable({
  orders,
  loading,
  selection,
  rowActions,
  rowActionsWidth = 96,
  flash,
  empty,
  compact,
}: Props) {
  const l = useOrderLabels();
  const { t } = l;
  const orgs = useOrgIndex();
  const navigate = useNavigate();
  const communityName = new Map(orgs.communities.map((c) => [c.code, c.name]));
  // 待分拨 rows show their wait against the 分拨时限 (for those who dispatch)
  const dispatchTarget = useDispatchTarget();
  const now = useNow();

  const columns: TableColumnsType<OrderView> = [
    {
      title: t('orders.col.number'),
      dataIndex: 'number',
      width: 142,
      fixed: 'left',
      render: (_: string, o) => (
        <div>
          <Link
            to={`/orders/${encodeURIComponent(o.id)}`}
            className="order-number"
            data-testid={`order-link-${o.number}`}
          >
            {o.number}
          </Link>
          <div className="order-sub">{l.channel(o.channel)}</div>
        </div>
      ),
    },
    {
      title: t('orders.col.titleCategory'),
      dataIndex: 'title',
      render: (_: string, o) => (
        <div style={{ minWidth: 0 }}>
          <Tooltip title={o.description} placement="topLeft" mouseEnterDelay={0.6}>
            <span className="order-title">{o.title}</span>
          </Tooltip>
          <div className="order-sub order-title" title={o.categoryPath ?? undefined}>
            {o.categoryPath ?? t('orders.category.none')}
            {compact && o.unitName ? ` · ${o.unitName}` : ''}
          </div>
          <OrderFlags order={o} />
        </div>
      ),
    },
    {
      title: t('orders.col.community'),
      dataIndex: 'communityCode',
      width: 92,
      ellipsis: true,
      render: (c: string | null) => (c ? (communityName.get(c) ?? c) : '—'),
    },
    {
      title: t('orders.col.unit'),
      dataIndex: 'unitName',
      width: 132,
      ellipsis: true,
      render: (u: string | null) => u ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('orders.col.state'),
      dataIndex: 'state',
      width: 82,
      render: (_: string, o) => <StateTag state={o.state} />,
    },
    {
      title: t('orders.col.clock'),
      key: 'clock',
      width: 128,
      render: (_: unknown, o) =>
        o.state === 'pending_dispatch' && dispatchTarget !== null ? (
          <DispatchTimer createdAt={o.createdAt} targetMinutes={dispatchTarget} now={now} />
        ) : (
          <SlaClock order={o} />
        ),
    },
    {
      title: t('orders.col.createdAt'),
      dataIndex: 'createdAt',
      width: 118,
      render: (v: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{fmtTime(v)}</span>,
    },
  ];
  if (compact) {
    const hide = new Set(['communityCode', 'unitName', 'createdAt']);
    for (let i = columns.length - 1; i >= 0; i--) {
      const c = columns[i] as { dataIndex?: string };
      if (c.dataIndex && hide.has(c.dataIndex)) columns.splice(i, 1);
    }
  }
  if (rowActions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: rowActionsWidth,
      fixed: 'right',
      render: (_: unknown, o) => rowActions(o),
    });
  }

  return (
    <Table<OrderView>
      className="orders-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={orders}
      columns={columns}
      pagination={false}
      scroll={{ x: compact ? 620 : 1000 }}
      sticky
      locale={empty ? { emptyText: empty } : undefined}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.keys,
              onChange: (keys, rows) => selection.onChange(keys, rows),
              getCheckboxProps: (o) => ({ disabled: selection.disabled?.(o) ?? false }),
              columnWidth: 36,
              fixed: true,
            }
          : undefined
      }
      rowClassName={(o) => {
        const k = clockKind(o);
        return [
          k === 'overdue' ? 'row-overdue' : k === 'due_soon' ? 'row-due-soon' : '',
          flash?.has(o.id) ? 'row-flash' : '',
        ].join(' ');
      }}
      onRow={(o) =>
        ({
          'data-testid': `order-row-${o.number}`,
          'data-state': o.state,
          // a click on the row opens the order — but not a click on its own controls (links,
          // buttons, the selection box) or the end of a text selection
          onClick: (e: React.MouseEvent<HTMLElement>) => {
            const target = e.target as HTMLElement;
            if (target.closest('a, button, input, label, .ant-checkbox-wrapper, .ant-table-selection-column')) return;
            if (window.getSelection()?.toString()) return;
            navigate(`/orders/${encodeURIComponent(o.id)}`);
          },
          style: { cursor: 'pointer' },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
