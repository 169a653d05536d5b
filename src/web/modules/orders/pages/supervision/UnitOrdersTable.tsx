/** The orders of one unit on the supervision board, with one-click 催办 and 督办. */
import { Badge, Button, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { AlertOutlined, BellOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { OrderLink, SlaTag, StateTag, SupervisionTag, urgencyTag } from './orderBits';
import { UNIT_STATES, type OrderView } from '../../../../../modules/orders/contract';

interface Props {
  orders: OrderView[];
  /** The user may 催办/督办 (dispatcher or leader). */
  canAct: boolean;
  busyId: string | null;
  onUrge: (o: OrderView) => void;
  onSupervise: (o: OrderView) => void;
}

export function UnitOrdersTable({ orders, canAct, busyId, onUrge, onSupervise }: Props) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<OrderView> = [
    { title: t('ops.col.number'), dataIndex: 'number', width: 160, render: (_, o) => <OrderLink order={o} /> },
    {
      title: t('ops.col.title'),
      dataIndex: 'title',
      minWidth: 240,
      ellipsis: { showTitle: false },
      render: (_, o) => (
        <Tooltip title={o.description} placement="topLeft">
          <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {urgencyTag(o.urgency, t)}
            {o.title}
          </div>
          {o.categoryPath ? (
            <div
              style={{
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
                fontSize: 12,
                color: 'rgba(0,0,0,0.45)',
              }}
            >
              {o.categoryPath}
            </div>
          ) : null}
        </Tooltip>
      ),
    },
    { title: t('ops.col.state'), dataIndex: 'state', width: 92, render: (_, o) => <StateTag state={o.state} /> },
    { title: t('ops.col.sla'), dataIndex: 'slaStatus', width: 148, render: (_, o) => <SlaTag order={o} /> },
    {
      title: t('ops.col.supervision'),
      dataIndex: 'supervisionLevel',
      width: 136,
      render: (_, o) => (
        <Space size={4}>
          <SupervisionTag level={o.supervisionLevel} />
          {o.urgeCount > 0 ? (
            <Tooltip title={t('ops.sup.urgeCount', { n: o.urgeCount })}>
              <Badge
                count={o.urgeCount}
                color="#fa8c16"
                size="small"
                offset={[4, -2]}
                data-testid={`sup-urge-count-${o.number}`}
              >
                <BellOutlined style={{ color: '#fa8c16' }} />
              </Badge>
            </Tooltip>
          ) : null}
          {!o.supervisionLevel && !o.urgeCount ? <Typography.Text type="secondary">—</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('ops.col.deadline'),
      dataIndex: 'completionDeadline',
      width: 140,
      responsive: ['xl'],
      render: (_, o) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {fmtTime(o.completionDeadline ?? o.signDeadline)}
        </span>
      ),
    },
  ];
  // the buttons' words are longer in English (Urge, Supervise): the column is as wide as they are,
  // kept at the right edge (fixed) so neither is cut off however narrow the table gets
  const actionsWidth = lang === 'en' ? 232 : 176;
  if (canAct) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: actionsWidth,
      fixed: 'right',
      render: (_, o) => {
        const held = UNIT_STATES.includes(o.state);
        const why = held ? undefined : t('ops.sup.notHeld');
        const maxed = o.supervisionLevel >= 3;
        return (
          <Space size={4} wrap={false} data-testid={`sup-actions-${o.number}`}>
            <Tooltip title={why}>
              <Button
                size="small"
                icon={<BellOutlined />}
                disabled={!held}
                loading={busyId === o.id}
                onClick={() => onUrge(o)}
                data-testid={`sup-urge-${o.number}`}
              >
                {t('ops.sup.urge')}
              </Button>
            </Tooltip>
            <Tooltip title={why ?? (maxed ? t('ops.sup.maxLevel') : undefined)}>
              <Button
                size="small"
                danger
                icon={<AlertOutlined />}
                disabled={!held || maxed}
                onClick={() => onSupervise(o)}
                data-testid={`sup-supervise-${o.number}`}
              >
                {t('ops.sup.supervise')}
              </Button>
            </Tooltip>
          </Space>
        );
      },
    });
  }
  return (
    <Table<OrderView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={orders}
      pagination={orders.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 1000 + (canAct ? actionsWidth - 176 : 0) }}
    />
  );
}
