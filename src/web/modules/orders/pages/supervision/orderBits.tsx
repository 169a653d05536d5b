/** Small displays of an order used by the supervision, visit and evaluation pages. */
import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { hasKey, useI18n, type TFunction } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { HOURS_PER_WORKING_DAY, type OrderView } from '../../../../../modules/orders/contract';

export { StateTag } from '../../components/OrderBits';

const LEVEL_COLORS = ['default', 'gold', 'volcano', 'red'];

/** 督办一级/二级/三级; nothing for level 0. */
export function SupervisionTag({ level }: { level: number }) {
  const { t } = useI18n();
  if (!level) return null;
  const l = Math.min(3, Math.max(1, level));
  return (
    <Tag color={LEVEL_COLORS[l]} data-testid={`supervision-level-${l}`}>
      {t(`ops.sup.level.${l}` as 'ops.sup.level.1')}
    </Tag>
  );
}

/** "3.5 工作日" / "5 小时" for a span of working time. */
export function workingSpan(ms: number, t: TFunction): string {
  const hours = Math.abs(ms) / 3_600_000;
  if (hours < HOURS_PER_WORKING_DAY) return t('ops.time.hours', { n: Math.max(0.1, Math.round(hours * 10) / 10) });
  return t('ops.time.workdays', { n: Math.round((hours / HOURS_PER_WORKING_DAY) * 10) / 10 });
}

/** The time-limit status: 超期 x / 剩余 x / 挂起, coloured. */
export function SlaTag({ order }: { order: Pick<OrderView, 'slaStatus' | 'clock' | 'completionDeadline'> }) {
  const { t } = useI18n();
  const c = order.clock;
  const remaining = c?.remainingMs ?? null;
  const tip = order.completionDeadline ? t('ops.sup.deadline', { time: fmtTime(order.completionDeadline) }) : undefined;
  if (c?.status === 'paused') return <Tag>{t('ops.sla.paused')}</Tag>;
  if (order.slaStatus === 'overdue' || (remaining !== null && remaining < 0)) {
    return (
      <Tooltip title={tip}>
        <Tag color="error">
          {remaining !== null && remaining < 0
            ? t('ops.sla.overdueBy', { span: workingSpan(remaining, t) })
            : t('ops.sla.overdue')}
        </Tag>
      </Tooltip>
    );
  }
  if (order.slaStatus === 'due_soon') {
    return (
      <Tooltip title={tip}>
        <Tag color="warning">
          {remaining !== null ? t('ops.sla.dueSoonLeft', { span: workingSpan(remaining, t) }) : t('ops.sla.dueSoon')}
        </Tag>
      </Tooltip>
    );
  }
  if (remaining !== null) {
    return (
      <Tooltip title={tip}>
        <Tag color="green">{t('ops.sla.left', { span: workingSpan(remaining, t) })}</Tag>
      </Tooltip>
    );
  }
  return <Tag>{t('ops.sla.normal')}</Tag>;
}

/** The order number, linking to the detail page. */
export function OrderLink({ order }: { order: Pick<OrderView, 'id' | 'number'> }) {
  return (
    <Link to={`/orders/${encodeURIComponent(order.id)}`} className="mono" data-testid={`order-link-${order.number}`}>
      {order.number}
    </Link>
  );
}

/** A channel's name (热线, 网格…), falling back to the raw code. */
export function channelLabel(channel: string, t: TFunction): string {
  const key = `ops.channel.${channel}`;
  return hasKey(key) ? t(key) : channel;
}

export function urgencyTag(urgency: string, t: TFunction) {
  if (urgency === 'emergency') return <Tag color="red">{t('ops.urgency.emergency')}</Tag>;
  if (urgency === 'urgent') return <Tag color="orange">{t('ops.urgency.urgent')}</Tag>;
  return null;
}
