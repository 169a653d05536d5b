/**
 * 工单详情 (/orders/:id — id or 工单号): header with the clock, the citizen (masked), description,
 * attachments and place, the timeline, notifications, merged/main orders, and exactly the actions
 * the server says are allowed now, each with its small form.
 */
import { useCallback, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { ArrowLeftOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../../api';
import { fmtTime } from '../../../../format';
import { Forbidden } from '../../../../components/Results';
import { useLoad } from '../../../../components/useLoad';
import { ordersApi } from '../../components/ordersApi';
import { useOrderLabels } from '../../components/labels';
import { OrderFlags, SlaClock, StateTag, UrgencyTag } from '../../components/OrderBits';
import { PointMap } from '../../components/maps';
import { useOrgIndex } from '../../components/refData';
import { useLiveOrders } from '../../components/useLiveOrders';
import { type ActionType, type OrderDetail } from '../../../../../modules/orders/contract';
import { ActionModal } from './ActionModal';
import { CitizenBlock, NotificationsTable, PhotosBeforeAfter } from './Blocks';
import { OrderTimeline } from './OrderTimeline';
import { PrintMenu } from '../print/PrintMenu';
import { OrderDroneCard } from '../../../drones/pages/flights/OrderDroneCard';
import '../../components/orders.css';

/** The buttons that move the order forward get the primary look; the rest stay quiet. */
const PRIMARY: ReadonlySet<ActionType> = new Set([
  'dispatch',
  'sign',
  'submit_reply',
  'approve_reply',
  'visit',
  'approve_return',
  'approve_extension',
  'archive',
]);
const DANGER: ReadonlySet<ActionType> = new Set(['cancel']);

export default function OrderDetailPage() {
  const l = useOrderLabels();
  const { t } = l;
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const orgs = useOrgIndex();
  const loaded = useLoad((signal) => ordersApi.detail(id, signal), [id]);
  const [override, setOverride] = useState<OrderDetail | null>(null);
  const [acting, setActing] = useState<ActionType | null>(null);
  const detail =
    override &&
    override.order.id === loaded.data?.order.id &&
    override.order.version >= (loaded.data?.order.version ?? 0)
      ? override
      : loaded.data;
  const { reload } = loaded;

  const live = useCallback(
    (events: { entityId?: string | null }[]) => {
      if (!detail) return;
      const ids = new Set([detail.order.id, ...detail.mergedOrders.map((m) => m.id), detail.mainOrder?.id]);
      if (events.some((e) => e.entityId && ids.has(e.entityId))) reload();
    },
    [detail, reload],
  );
  useLiveOrders(live);

  if (!detail) {
    if (loaded.error instanceof ApiError) {
      if (loaded.error.status === 403) return <Forbidden />;
      if (loaded.error.status === 404)
        return (
          <Result
            status="404"
            title={t('orders.detail.notFound')}
            subTitle={id}
            extra={<Button onClick={() => navigate(-1)}>{t('orders.detail.back')}</Button>}
          />
        );
      return (
        <Result
          status="error"
          title={loaded.error.message}
          extra={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      );
    }
    return <Spin size="large" className="page-spin" />;
  }

  const o = detail.order;
  // Exactly what the server allows now, in its order.
  const actions = detail.actions;
  const community = o.communityCode
    ? (orgs.communities.find((c) => c.code === o.communityCode)?.name ?? o.communityCode)
    : null;

  const backForDispatch = o.state === 'pending_dispatch' && o.dispatchedAt !== null;
  const facts: DescriptionsProps['items'] = [
    {
      key: 'category',
      label: t('orders.col.category'),
      span: { xs: 1, sm: 2, xl: 2 },
      children: <span data-testid="order-category">{o.categoryPath ?? t('orders.category.none')}</span>,
    },
    { key: 'urgency', label: t('orders.field.urgency'), children: l.urgency(o.urgency) },
    { key: 'unit', label: t('orders.col.unit'), children: <span data-testid="order-unit">{o.unitName ?? '—'}</span> },
    { key: 'channel', label: t('orders.field.channel'), children: l.channel(o.channel) },
    {
      key: 'supervision',
      label: t('orders.detail.supervision'),
      children:
        o.supervisionLevel > 0 ? t('orders.flag.supervised', { n: o.supervisionLevel }) : t('orders.detail.none'),
    },
    { key: 'created', label: t('orders.col.createdAt'), children: fmtTime(o.createdAt) },
    {
      key: 'dispatched',
      // back in 待分拨 after a 退单 or 收回: the time shown is the last dispatch's, and says so
      label: backForDispatch ? t('orders.detail.lastDispatchedAt') : t('orders.detail.dispatchedAt'),
      children: (
        <span data-testid="order-dispatched-at">
          {fmtTime(o.dispatchedAt)}
          {backForDispatch ? (
            <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="order-redispatch-pending">
              {t('orders.detail.awaitingRedispatch')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { key: 'signed', label: t('orders.detail.signedAt'), children: fmtTime(o.signedAt) },
    {
      key: 'signDue',
      label: t('orders.clock.signDue'),
      children: (
        <>
          {fmtTime(o.signDeadline)}
          {o.clock?.signOverdue ? (
            <Tag color="error" style={{ marginInlineStart: 6 }}>
              {t('orders.clock.signLate')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      key: 'due',
      label: t('orders.clock.completionDue'),
      children: <span data-testid="order-deadline">{fmtTime(o.completionDeadline)}</span>,
    },
    { key: 'contact', label: t('orders.detail.firstContactAt'), children: fmtTime(o.firstContactAt) },
    ...(o.repliedAt ? [{ key: 'replied', label: t('orders.detail.repliedAt'), children: fmtTime(o.repliedAt) }] : []),
    ...(o.visitResult
      ? [{ key: 'visit', label: t('orders.field.visitResult'), children: l.visit(o.visitResult) }]
      : []),
    ...(o.closedAt ? [{ key: 'closed', label: t('orders.detail.closedAt'), children: fmtTime(o.closedAt) }] : []),
    {
      key: 'counters',
      label: t('orders.detail.counters'),
      children: t('orders.detail.countersValue', { bounce: o.bounceCount, reopen: o.reopenCount, urge: o.urgeCount }),
    },
  ];

  const done = (d: OrderDetail, type: ActionType) => {
    setOverride(d);
    setActing(null);
    message.success(t('orders.act.done', { action: l.action(type) }));
    reload();
  };

  const actionsCard = (
    <Card size="small" title={t('orders.detail.actions')} className="order-actions-card" data-testid="order-actions">
      {actions.length ? (
        <Flex wrap gap={8}>
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.has(a) ? 'primary' : 'default'}
              danger={DANGER.has(a)}
              onClick={() => setActing(a)}
              data-testid={`action-${a}`}
            >
              {l.action(a)}
            </Button>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary" data-testid="order-no-actions">
          {t('orders.detail.noActions')}
        </Typography.Text>
      )}
    </Card>
  );

  return (
    <div data-testid="order-detail" data-order-id={o.id} data-number={o.number}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space size={10} wrap align="center">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('orders.detail.back')}
          />
          <Typography.Text className="order-detail-number" copyable={{ text: o.number }} data-testid="order-number">
            {o.number}
          </Typography.Text>
          <StateTag state={o.state} testId="order-state" />
          <SlaClock order={o} size="large" />
          <UrgencyTag urgency={o.urgency} hideNormal />
          {o.supervisionLevel > 0 ? (
            <Tag color="red">{t('orders.flag.supervised', { n: o.supervisionLevel })}</Tag>
          ) : null}
          {o.demo ? <Tag>{t('orders.detail.demo')}</Tag> : null}
        </Space>
        <Space size={8}>
          <PrintMenu order={o} />
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loaded.loading}>
            {t('common.refresh')}
          </Button>
        </Space>
      </Flex>

      {detail.mainOrder ? (
        <Alert
          type="info"
          showIcon
          icon={<LinkOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="order-main"
          title={
            <span>
              {t('orders.detail.mergedInto')}{' '}
              <Link to={`/orders/${encodeURIComponent(detail.mainOrder.id)}`}>{detail.mainOrder.number}</Link>{' '}
              <StateTag state={detail.mainOrder.state} />
            </span>
          }
        />
      ) : null}
      {o.returnRequest ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('orders.act.returnAsked', {
            unit: orgs.name(o.returnRequest.unitId) ?? o.unitName ?? '—',
            at: fmtTime(o.returnRequest.at),
          })}
          description={o.returnRequest.reason}
          data-testid="order-return-request"
        />
      ) : null}
      {o.extensionRequest ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('orders.act.extensionAsked', { at: fmtTime(o.extensionRequest.requestedDeadline) })}
          description={o.extensionRequest.reason}
          data-testid="order-extension-request"
        />
      ) : null}

      <Row gutter={16}>
        <Col xs={24} lg={15} xxl={16}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {o.title}
            </Typography.Title>
            <OrderFlags order={o} />
            <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} style={{ marginTop: 8 }} items={facts} />
          </Card>

          <Card size="small" title={t('orders.field.description')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph className="order-detail-desc" data-testid="order-description">
              {o.description}
            </Typography.Paragraph>
            <PhotosBeforeAfter before={o.attachments} after={detail.afterPhotos} replied={o.repliedAt !== null} />
          </Card>

          {o.reply ? (
            <Card size="small" title={t('orders.detail.reply')} style={{ marginBottom: 16 }} data-testid="order-reply">
              <Typography.Paragraph className="order-detail-desc">{o.reply}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtTime(o.repliedAt)}
              </Typography.Text>
            </Card>
          ) : null}

          <Card
            size="small"
            title={t('orders.detail.timeline', { n: detail.timeline.length })}
            style={{ marginBottom: 16 }}
          >
            <OrderTimeline entries={detail.timeline} />
          </Card>

          <Card
            size="small"
            title={t('orders.detail.notifications', { n: detail.notifications.length })}
            style={{ marginBottom: 16 }}
          >
            <NotificationsTable items={detail.notifications} />
          </Card>
        </Col>

        <Col xs={24} lg={9} xxl={8}>
          <div style={{ marginBottom: 16 }}>{actionsCard}</div>
          <Card size="small" title={t('orders.detail.citizen')} style={{ marginBottom: 16 }}>
            <CitizenBlock order={o} canReveal={detail.canReveal} />
          </Card>
          <Card size="small" title={t('orders.detail.place')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              style={{ marginBottom: 8 }}
              items={[
                { key: 'address', label: t('orders.field.address'), children: o.address ?? '—' },
                {
                  key: 'community',
                  label: t('orders.col.community'),
                  children: [community, o.gridCode].filter(Boolean).join(' · ') || '—',
                },
              ]}
            />
            {o.location ? (
              <PointMap value={o.location} height={240} testId="order-map" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.detail.noLocation')} />
            )}
          </Card>
          <OrderDroneCard order={o} />
          {detail.mergedOrders.length ? (
            <Card
              size="small"
              title={t('orders.detail.merged', { n: detail.mergedOrders.length })}
              style={{ marginBottom: 16 }}
              data-testid="order-merged"
            >
              <Flex vertical gap={6}>
                {detail.mergedOrders.map((m) => (
                  <div key={m.id}>
                    <Link to={`/orders/${encodeURIComponent(m.id)}`} className="order-number">
                      {m.number}
                    </Link>{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {fmtTime(m.createdAt)}
                    </Typography.Text>
                    <div style={{ fontSize: 13 }}>{m.title}</div>
                  </div>
                ))}
              </Flex>
            </Card>
          ) : null}
        </Col>
      </Row>

      <ActionModal type={acting} detail={detail} onClose={() => setActing(null)} onDone={done} onRefused={reload} />
    </div>
  );
}
