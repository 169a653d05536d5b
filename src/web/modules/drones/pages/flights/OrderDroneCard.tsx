/**
 * 无人机 on a work order's page: the flights sent to the order with their state, and for pilots
 * (drones.fly) 「无人机应急飞行」 — the nearest idle dock flies to the order's place and its pictures
 * are attached to the order — and, once a unit reported a fix and the order is not closed,
 * 「无人机核查」 (a verification flight). Shown only to those who may read drone flights.
 */
import { useCallback } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { AlertOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useAuth } from '../../../../auth';
import { fmtTime } from '../../../../format';
import { useI18n } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { flightsApi } from './flightsApi';
import { flightStateText, kindText, reasonIn, STATE_COLORS } from './flightLabels';
import { useFlightEvents } from './useFlightEvents';

/** A unit reported its fix; the centre has not closed the order yet (审核 or 回访 pending). */
const HANDLED_OPEN: ReadonlySet<string> = new Set(['pending_review', 'pending_visit']);
const OVER: ReadonlySet<string> = new Set(['closed', 'archived', 'cancelled', 'merged']);

export interface OrderForDrones {
  id: string;
  number: string;
  state: string;
  location: { lng: number; lat: number } | null;
}

export function OrderDroneCard({ order }: { order: OrderForDrones }) {
  const { can } = useAuth();
  return can('drones.read') ? <DroneFlightsOfOrder order={order} canFly={can('drones.fly')} /> : null;
}

function DroneFlightsOfOrder({ order, canFly }: { order: OrderForDrones; canFly: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const flights = useLoad((signal) => flightsApi.list({ orderId: order.id }, signal), [order.id]);
  const reload = flights.reload;
  useFlightEvents(useCallback(() => reload(), [reload]));

  const send = async (kind: 'emergency' | 'verify') => {
    if (!order.location) return;
    try {
      const f = await flightsApi.toPoint({
        lng: order.location.lng,
        lat: order.location.lat,
        kind,
        name: `${kind === 'verify' ? '核查' : '应急'}：${order.number}`.slice(0, 60),
        orderId: order.id,
      });
      message.success(t('orderDrone.sent', { name: f.name }));
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const items = flights.data?.items ?? [];
  const flyable = canFly && !OVER.has(order.state);
  return (
    <Card size="small" title={t('orderDrone.title')} style={{ marginBottom: 16 }} data-testid="order-drones">
      {flyable ? (
        <Flex wrap gap={8} style={{ marginBottom: 8 }}>
          <Popconfirm
            title={t('orderDrone.emergencyConfirm')}
            onConfirm={() => send('emergency')}
            disabled={!order.location}
          >
            <Button danger icon={<AlertOutlined />} disabled={!order.location} data-testid="order-drone-emergency">
              {t('orderDrone.emergency')}
            </Button>
          </Popconfirm>
          {HANDLED_OPEN.has(order.state) ? (
            <Popconfirm
              title={t('orderDrone.verifyConfirm')}
              onConfirm={() => send('verify')}
              disabled={!order.location}
            >
              <Button icon={<SafetyCertificateOutlined />} disabled={!order.location} data-testid="order-drone-verify">
                {t('orderDrone.verify')}
              </Button>
            </Popconfirm>
          ) : null}
          {!order.location ? <Typography.Text type="secondary">{t('orderDrone.noLocation')}</Typography.Text> : null}
        </Flex>
      ) : null}
      {items.length ? (
        <Flex vertical gap={6} data-testid="order-drone-flights">
          {items.map((f) => (
            <div key={f.id} data-testid={`order-drone-flight-${f.id}`}>
              <Tag>{kindText(t, f.kind)}</Tag>
              <Tag color={STATE_COLORS[f.state]} data-state={f.state}>
                {flightStateText(t, f.state)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtTime(f.executeAt)}
              </Typography.Text>
              {f.reason ? (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {reasonIn(lang, f.reason)}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orderDrone.none')} />
      )}
    </Card>
  );
}
