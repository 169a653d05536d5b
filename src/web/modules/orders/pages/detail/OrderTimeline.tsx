/** 办理过程: every event of the order — who, which unit, when, from → to state, the note and the step's photos. */
import { Space, Tag, Timeline, Typography } from 'antd';
import { ArrowRightOutlined, RobotOutlined } from '@ant-design/icons';
import { fmtTime } from '../../../../format';
import { useOrderLabels } from '../../components/labels';
import { StateTag } from '../../components/OrderBits';
import { useOrgIndex, useCategories } from '../../components/refData';
import { useRouteReason } from '../../components/routeReason';
import { type TimelineEntry } from '../../../../../modules/orders/contract';
import { Attachments } from './Blocks';

const RED = new Set([
  'order.sla_overdue',
  'order.cancelled',
  'order.reply_rejected',
  'order.return_requested',
  'order.supervised',
  'order.urged',
]);
const GREEN = new Set([
  'order.reply_approved',
  'order.visited',
  'order.archived',
  'order.direct_replied',
  'order.signed',
]);
const GRAY = new Set(['order.notified', 'order.recategorised', 'order.follow_main']);

function colorOf(e: TimelineEntry): string {
  if (e.type === 'order.visited' && e.data?.result === 'unsatisfied') return 'red';
  if (e.type === 'order.sla_due_soon') return 'orange';
  if (RED.has(e.type)) return 'red';
  if (GREEN.has(e.type)) return 'green';
  if (GRAY.has(e.type)) return 'gray';
  return 'blue';
}

/** The photos a step carried (处置后照片 of a reply). */
const photosOf = (e: TimelineEntry): string[] =>
  Array.isArray(e.data?.photos) ? (e.data.photos as unknown[]).filter((x): x is string => typeof x === 'string') : [];

/** The few event details worth a line of their own. */
function Details({ e }: { e: TimelineEntry }) {
  const l = useOrderLabels();
  const { t } = l;
  const orgs = useOrgIndex();
  const cats = useCategories();
  const reasonText = useRouteReason();
  const d = e.data ?? {};
  const parts: string[] = [];
  switch (e.type) {
    case 'order.created': {
      if (typeof d.channel === 'string') parts.push(`${t('orders.field.channel')}: ${l.channel(d.channel)}`);
      const route = d.route as { unitId?: string; autoDispatch?: boolean; reason?: string } | null | undefined;
      if (route?.unitId)
        parts.push(
          t('orders.tl.route', { unit: orgs.name(route.unitId) ?? route.unitId, reason: reasonText(route.reason) }),
        );
      break;
    }
    case 'order.dispatched':
      if (d.redispatch) parts.push(t('orders.tl.redispatch'));
      break;
    case 'order.recategorised':
      parts.push(`${cats.path(d.from as string | null) ?? '—'} → ${cats.path(d.to as string | null) ?? '—'}`);
      break;
    case 'order.extension_requested':
      if (typeof d.requestedDeadline === 'number')
        parts.push(t('orders.tl.requested', { at: fmtTime(d.requestedDeadline) }));
      break;
    case 'order.extension_approved':
      if (typeof d.grantedDeadline === 'number') parts.push(t('orders.tl.granted', { at: fmtTime(d.grantedDeadline) }));
      break;
    case 'order.visited':
      if (typeof d.result === 'string') parts.push(`${t('orders.field.visitResult')}: ${l.visit(d.result)}`);
      break;
    case 'order.supervised':
      if (typeof d.level === 'number') parts.push(t('orders.tl.level', { n: d.level }));
      break;
    case 'order.contacted':
      if (typeof d.method === 'string') parts.push(`${t('orders.field.method')}: ${l.lookup('contact', d.method)}`);
      break;
    case 'order.reply_rejected':
    case 'order.resumed':
      if (typeof d.completionDeadline === 'number')
        parts.push(t('orders.tl.newDeadline', { at: fmtTime(d.completionDeadline) }));
      break;
  }
  if (!parts.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
      {parts.join(' · ')}
    </Typography.Text>
  );
}

export function OrderTimeline({ entries }: { entries: TimelineEntry[] }) {
  const l = useOrderLabels();
  const items = entries.map((e) => ({
    key: e.id,
    color: colorOf(e),
    title: <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{fmtTime(e.at)}</span>,
    content: (
      <div data-testid={`timeline-${e.type}`}>
        <Space size={6} wrap>
          <Typography.Text strong>{l.event(e.type, e.label)}</Typography.Text>
          {e.actorName ? (
            <Typography.Text>{e.actorName}</Typography.Text>
          ) : (
            <Tag icon={<RobotOutlined />} variant="filled">
              {l.t('orders.tl.system')}
            </Tag>
          )}
          {e.unitName ? <Typography.Text type="secondary">@ {e.unitName}</Typography.Text> : null}
          {e.from && e.to && e.from !== e.to ? (
            <span>
              <StateTag state={e.from} /> <ArrowRightOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />{' '}
              <StateTag state={e.to} />
            </span>
          ) : !e.from && e.to ? (
            <StateTag state={e.to} />
          ) : null}
        </Space>
        <Details e={e} />
        {e.note ? <div className="order-timeline-note">{e.note}</div> : null}
        {photosOf(e).length ? (
          <div style={{ marginTop: 6 }}>
            <Attachments ids={photosOf(e)} size={56} testId={`timeline-photos-${e.id}`} />
          </div>
        ) : null}
      </div>
    ),
  }));
  return (
    <div data-testid="order-timeline" className="order-timeline">
      <Timeline mode="start" titleSpan="120px" items={items} />
    </div>
  );
}
