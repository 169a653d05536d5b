/**
 * The home page's 工单概览: the caller's work-order queues with their counts (GET /api/orders/counts),
 * each a link into its workbench tab — the centre's queues for dispatchers, the unit's for handlers.
 */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { DISPATCH_QUEUES, UNIT_QUEUES } from '../../modules/orders/pages/workbench/queues';
import { useQueueCounts } from '../../modules/orders/pages/workbench/useOrderList';

export function OrdersOverview({ centre }: { centre: boolean }) {
  const t = useT();
  const { value } = useQueueCounts();
  const queues = (centre ? DISPATCH_QUEUES : UNIT_QUEUES).filter((q) => q.count);
  const base = centre ? '/orders' : '/orders/unit';
  return (
    <Card title={t('home.orders')} data-testid="home-orders">
      <Row gutter={[12, 12]}>
        {queues.map((q) => {
          const n = value ? q.count!(value) : null;
          return (
            <Col xs={12} md={8} xl={6} key={q.key}>
              <Link to={`${base}?queue=${q.key}`} data-testid={`home-queue-${q.key}`} data-count={n ?? ''}>
                <Card size="small" hoverable>
                  <Statistic
                    title={t(q.labelKey)}
                    value={n ?? '—'}
                    styles={{ content: { color: q.alert && n ? '#cf1322' : undefined } }}
                  />
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
