/** Small pieces every order page shows: the state tag, the SLA clock, urgency and supervision marks. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { fmtTime } from '../../../format';
import { CLOCK_COLORS, STATE_COLORS, fmtWorkingMs, useOrderLabels } from './labels';
import { type OrderState, type OrderView } from '../../../../modules/orders/contract';

export function StateTag({ state, testId }: { state: OrderState; testId?: string }) {
  const l = useOrderLabels();
  return (
    <Tag
      color={STATE_COLORS[state] ?? 'default'}
      data-testid={testId}
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {l.state(state)}
    </Tag>
  );
}

const RUNNING: readonly OrderState[] = ['pending_sign', 'handling'];

export type ClockKind = 'none' | 'normal' | 'due_soon' | 'overdue' | 'paused' | 'stopped' | 'stopped_late';

/** Where an order's clock stands, as one word for colours and filters. */
export function clockKind(o: Pick<OrderView, 'clock' | 'state' | 'suspended'>): ClockKind {
  const c = o.clock;
  if (!c || c.remainingMs === null) return 'none';
  if (!RUNNING.includes(o.state)) return c.status === 'overdue' ? 'stopped_late' : 'stopped';
  if (o.suspended || c.status === 'paused') return 'paused';
  return c.status;
}

/** Colour of a map marker or legend swatch. */
export function clockColor(kind: ClockKind): string {
  switch (kind) {
    case 'overdue':
    case 'stopped_late':
      return CLOCK_COLORS.overdue;
    case 'due_soon':
      return CLOCK_COLORS.due_soon;
    case 'paused':
    case 'stopped':
      return CLOCK_COLORS.paused;
    case 'normal':
      return CLOCK_COLORS.normal;
    default:
      return CLOCK_COLORS.none;
  }
}

/**
 * The clock: working time left (or overdue by) with its colour; the deadlines in the tooltip.
 * `size="large"` for the detail header.
 */
export function SlaClock({ order, size = 'small' }: { order: OrderView; size?: 'small' | 'large' }) {
  const { t } = useOrderLabels();
  const kind = clockKind(order);
  const c = order.clock;
  const style = size === 'large' ? { fontSize: 16, padding: '2px 10px' } : undefined;
  if (kind === 'none' || !c || c.remainingMs === null) {
    return (
      <Typography.Text type="secondary" data-testid="sla-clock" data-clock="none">
        {t('orders.clock.notStarted')}
      </Typography.Text>
    );
  }
  // Outside office hours a just-passed deadline is "0 working minutes" late: say so in words.
  const under1m = Math.abs(c.remainingMs) < 60_000;
  const left = fmtWorkingMs(c.remainingMs, t);
  // while the unit has not signed, the badge is the sign-for deadline's: say which one it is
  const stage =
    c.stage === 'sign' && (kind === 'overdue' || kind === 'due_soon' || kind === 'normal' || kind === 'paused');
  const prefix = stage ? `${t('orders.clock.stageSign')} · ` : '';
  const tip = (
    <div>
      <div>{t('orders.clock.workingTime')}</div>
      <div>
        {t('orders.clock.signDue')}: {fmtTime(c.signDue)}
        {c.signOverdue ? ` · ${t('orders.clock.signLate')}` : ''}
      </div>
      <div>
        {t('orders.clock.completionDue')}: {fmtTime(c.completionDue)}
      </div>
      {c.allowedMs ? <div>{t('orders.clock.allowed', { d: fmtWorkingMs(c.allowedMs, t) })}</div> : null}
    </div>
  );
  let body;
  switch (kind) {
    case 'overdue':
      body = (
        <Tag color="error" icon={<WarningOutlined />} style={style}>
          {prefix}
          {under1m ? t('orders.clock.overdue') : t('orders.clock.overdueBy', { d: left })}
        </Tag>
      );
      break;
    case 'due_soon':
      body = (
        <Tag color="warning" icon={<ClockCircleOutlined />} style={style}>
          {prefix}
          {t('orders.clock.left', { d: left })}
        </Tag>
      );
      break;
    case 'paused':
      body = (
        <Tag color="default" icon={<PauseCircleOutlined />} style={style}>
          {prefix}
          {t('orders.clock.paused', { d: left })}
        </Tag>
      );
      break;
    case 'normal':
      body = (
        <Tag color="success" icon={<ClockCircleOutlined />} style={style}>
          {prefix}
          {t('orders.clock.left', { d: left })}
        </Tag>
      );
      break;
    case 'stopped_late':
      body = (
        <Typography.Text type="danger">
          {under1m ? t('orders.clock.overdue') : t('orders.clock.stoppedLate', { d: left })}
        </Typography.Text>
      );
      break;
    default:
      body = <Typography.Text type="secondary">{t('orders.clock.stopped')}</Typography.Text>;
  }
  return (
    <Tooltip title={tip}>
      <span data-testid="sla-clock" data-clock={kind} data-stage={c.stage ?? undefined}>
        {body}
      </span>
    </Tooltip>
  );
}

export function UrgencyTag({ urgency, hideNormal }: { urgency: string; hideNormal?: boolean }) {
  const l = useOrderLabels();
  if (hideNormal && urgency === 'normal') return null;
  const color = urgency === 'emergency' ? 'red' : urgency === 'urgent' ? 'volcano' : 'default';
  return <Tag color={color}>{l.urgency(urgency)}</Tag>;
}

/** 督办 level, return/extension requests and suspension as compact marks beside a title. */
export function OrderFlags({ order }: { order: OrderView }) {
  const { t } = useOrderLabels();
  const flags = [];
  if (order.supervisionLevel > 0)
    flags.push(
      <Tag key="sup" color="red" variant="filled">
        {t('orders.flag.supervised', { n: order.supervisionLevel })}
      </Tag>,
    );
  if (order.returnRequest)
    flags.push(
      <Tag key="ret" color="orange" variant="filled">
        {t('orders.flag.return')}
      </Tag>,
    );
  if (order.extensionRequest)
    flags.push(
      <Tag key="ext" color="gold" variant="filled">
        {t('orders.flag.extension')}
      </Tag>,
    );
  if (order.suspended)
    flags.push(
      <Tag key="sus" variant="filled">
        {t('orders.flag.suspended')}
      </Tag>,
    );
  if (order.reopenCount > 0)
    flags.push(
      <Tag key="reo" color="purple" variant="filled">
        {t('orders.flag.reopened', { n: order.reopenCount })}
      </Tag>,
    );
  if (order.urgency !== 'normal') flags.push(<UrgencyTag key="urg" urgency={order.urgency} />);
  if (!flags.length) return null;
  return (
    <Space size={2} wrap>
      {flags}
    </Space>
  );
}
