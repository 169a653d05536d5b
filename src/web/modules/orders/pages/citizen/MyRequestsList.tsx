/**
 * 我的诉求: a logged-in citizen's own requests (GET /api/orders/mine), newest first — number, what,
 * state and date, each a link to its progress (/my/:id). The home page shows it too.
 */
import { Button, Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useLoad } from '../../../../components/useLoad';
import { StateTag } from '../../components/OrderBits';
import type { OrderPage } from '../../../../../modules/orders/contract';

export function MyRequestsList({ limit }: { limit?: number }) {
  const t = useT();
  const mine = useLoad((signal) => api.get<OrderPage>('/api/orders/mine', undefined, { signal }), []);
  const items = mine.data?.items ?? [];
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <div data-testid="my-requests">
      <List
        loading={mine.loading && !mine.data}
        dataSource={shown}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.mine.empty')}>
              <Link to="/report">
                <Button type="primary">{t('orders.mine.report')}</Button>
              </Link>
            </Empty>
          ),
        }}
        renderItem={(o) => (
          <List.Item
            data-testid={`my-request-${o.number}`}
            actions={[
              <Link key="open" to={`/my/${encodeURIComponent(o.id)}`}>
                {t('orders.mine.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <span style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Link to={`/my/${encodeURIComponent(o.id)}`} className="mono">
                    {o.number}
                  </Link>
                  <StateTag state={o.state} />
                </span>
              }
              description={
                <>
                  <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                    {o.title}
                  </Typography.Text>
                  <div style={{ fontSize: 12 }}>{fmtTime(o.createdAt)}</div>
                </>
              }
            />
          </List.Item>
        )}
      />
      {limit && items.length > limit ? (
        <div style={{ textAlign: 'center', marginTop: 8 }}>
          <Link to="/my">{t('orders.mine.more')}</Link>
        </div>
      ) : null}
    </div>
  );
}
