/**
 * The home page's 我最近登记的工单 for those who register orders without working a queue (window
 * clerks): their latest registrations (GET /api/orders?registeredBy=me) with state and a link each.
 */
import { Card, Empty, List } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { fmtTime } from '../../format';
import { useLoad } from '../../components/useLoad';
import { StateTag } from '../../modules/orders/components/OrderBits';
import { ordersApi } from '../../modules/orders/components/ordersApi';

export function RegisteredOverview() {
  const t = useT();
  const page = useLoad((signal) => ordersApi.list({ registeredBy: 'me', limit: 8 }, signal), []);
  return (
    <Card
      title={t('orders.registered.recent')}
      extra={<Link to="/orders/registered">{t('orders.registered.more')}</Link>}
      data-testid="home-registered"
    >
      <List
        size="small"
        loading={page.loading && !page.data}
        dataSource={page.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.registered.empty')} />,
        }}
        renderItem={(o) => (
          <List.Item extra={<span style={{ fontSize: 12, color: '#8c8c8c' }}>{fmtTime(o.createdAt)}</span>}>
            <span style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
              <Link to={`/orders/${encodeURIComponent(o.id)}`} className="mono">
                {o.number}
              </Link>
              <StateTag state={o.state} />
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{o.title}</span>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
