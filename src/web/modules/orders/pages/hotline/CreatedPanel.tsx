/**
 * After 登记: the 工单号 in big type (the agent reads it out), where the order went, and possible
 * duplicates the dispatcher may merge it into.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Space, Tag, Typography, type ButtonProps } from 'antd';
import {
  ArrowRightOutlined,
  BranchesOutlined,
  CheckCircleFilled,
  MergeCellsOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { useAuth } from '../../../../auth';
import { fmtTime } from '../../../../format';
import { useApiError } from '../../../../components/useApiError';
import { ordersApi } from '../../components/ordersApi';
import { useOrgIndex } from '../../components/refData';
import { useRouteReason } from '../../components/routeReason';
import { StateTag } from '../../components/OrderBits';
import { type IntakeResult } from '../../../../../modules/orders/contract';

interface Props {
  result: IntakeResult;
  onChange: (r: IntakeResult) => void;
  onNext: () => void;
}

/** "GC2026112600015" → "GC 20261126 00015": easier to read out digit group by digit group. */
function spaced(n: string): string {
  const m = /^([A-Z]+)(\d{8})(\d+)$/.exec(n);
  return m ? `${m[1]} ${m[2]} ${m[3]}` : n;
}

export function CreatedPanel({ result, onChange, onNext }: Props) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const orgs = useOrgIndex();
  const reasonText = useRouteReason();
  const [merging, setMerging] = useState<string | null>(null);
  const { order, route, duplicates } = result;
  const merged = order.state === 'merged';

  const merge = async (mainId: string, mainNumber: string) => {
    setMerging(mainId);
    try {
      const d = await ordersApi.act(order.id, 'merge', { mainOrderId: mainId });
      onChange({ ...result, order: d.order });
      message.success(t('orders.hotline.merged', { number: mainNumber }));
    } catch (e) {
      showError(e);
    } finally {
      setMerging(null);
    }
  };

  let routeText: string;
  let routeType: 'success' | 'info' | 'warning' = 'info';
  if (merged) {
    const main = duplicates.find((d) => d.id === order.mainOrderId);
    routeText = t('orders.hotline.route.merged', { number: main?.number ?? order.mainOrderId ?? '' });
  } else if (order.state === 'pending_sign' || order.state === 'handling') {
    routeText = t('orders.hotline.route.auto', { unit: order.unitName ?? orgs.name(order.unitId) ?? '—' });
    routeType = 'success';
  } else if (order.state === 'pending_dispatch') {
    routeText = route
      ? t('orders.hotline.route.suggested', {
          unit: orgs.name(route.unitId) ?? route.unitId,
          reason: reasonText(route.reason),
        })
      : t('orders.hotline.route.manual');
    routeType = 'warning';
  } else {
    routeText = t('orders.hotline.route.state');
  }

  return (
    <Card data-testid="hotline-created">
      <Flex vertical align="center" gap={6} style={{ padding: '8px 0 16px' }}>
        <Typography.Text type="success" style={{ fontSize: 16 }}>
          <CheckCircleFilled /> {t('orders.hotline.created')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('orders.hotline.readOut')}</Typography.Text>
        <Typography.Text
          className="hotline-created-number"
          copyable={{ text: order.number }}
          data-testid="created-order-number"
          data-number={order.number}
        >
          {order.number}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ letterSpacing: 2 }}>
          {spaced(order.number)}
        </Typography.Text>
        <Space wrap style={{ marginTop: 6 }}>
          <StateTag state={order.state} testId="created-order-state" />
          {order.categoryPath ? <Tag>{order.categoryPath}</Tag> : null}
        </Space>
      </Flex>
      <Alert
        type={routeType}
        showIcon
        icon={<BranchesOutlined />}
        title={routeText}
        data-testid="created-route"
        style={{ marginBottom: 12 }}
      />

      {duplicates.length ? (
        <Card
          size="small"
          type="inner"
          title={t('orders.hotline.duplicates', { n: duplicates.length })}
          style={{ marginBottom: 12 }}
          data-testid="created-duplicates"
        >
          <List
            size="small"
            dataSource={duplicates}
            renderItem={(d) => (
              <List.Item
                actions={[
                  can('orders.dispatch') && !merged ? (
                    <Popconfirm
                      key="merge"
                      title={t('orders.hotline.mergeConfirm', { number: d.number })}
                      onConfirm={() => merge(d.id, d.number)}
                      okButtonProps={{ 'data-testid': 'merge-confirm' } as ButtonProps}
                    >
                      <Button
                        size="small"
                        icon={<MergeCellsOutlined />}
                        loading={merging === d.id}
                        data-testid={`merge-into-${d.number}`}
                      >
                        {t('orders.hotline.mergeInto')}
                      </Button>
                    </Popconfirm>
                  ) : order.mainOrderId === d.id ? (
                    <Tag key="m" color="magenta">
                      {t('orders.hotline.mergedHere')}
                    </Tag>
                  ) : null,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      <Link
                        to={`/orders/${encodeURIComponent(d.id)}`}
                        target="_blank"
                        rel="noopener"
                        className="order-number"
                      >
                        {d.number}
                      </Link>
                      <StateTag state={d.state} />
                      <Tag
                        color={d.reason === 'distance' ? 'default' : 'orange'}
                        data-testid={`dup-reason-${d.number}`}
                      >
                        {t(`orders.dup.reason.${d.reason}`)}
                      </Tag>
                    </Space>
                  }
                  description={
                    <span>
                      {d.title}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('orders.hotline.dupMeta', {
                          sim: Math.round(d.similarity * 100),
                          dist: d.distanceMeters === null ? '—' : `${d.distanceMeters} m`,
                          at: fmtTime(d.createdAt),
                        })}
                      </Typography.Text>
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}

      <Flex gap={8} justify="center" wrap>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          onClick={onNext}
          autoFocus
          data-testid="hotline-next"
        >
          {t('orders.hotline.next')}
        </Button>
        {can('orders.read') ? (
          <Link to={`/orders/${encodeURIComponent(order.id)}`}>
            <Button size="large" icon={<ArrowRightOutlined />} data-testid="created-open">
              {t('orders.hotline.open')}
            </Button>
          </Link>
        ) : null}
      </Flex>
    </Card>
  );
}
