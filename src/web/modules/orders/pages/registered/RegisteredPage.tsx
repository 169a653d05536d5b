/**
 * 我登记的工单 (/orders/registered): the orders the caller registered at the hotline or the window
 * (GET /api/orders?registeredBy=me), newest first, each opening its detail.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Empty, Typography } from 'antd';
import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { OrderTable } from '../../components/OrderTable';
import { ordersApi } from '../../components/ordersApi';
import type { OrderView } from '../../../../../modules/orders/contract';

const PAGE = 50;

export default function RegisteredPage() {
  const t = useT();
  const showError = useApiError();
  const [items, setItems] = useState<OrderView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const load = useCallback(
    async (before?: string) => {
      const req = ++latest.current;
      setLoading(true);
      try {
        const page = await ordersApi.list({ registeredBy: 'me', limit: PAGE, before });
        if (req !== latest.current) return;
        setItems((old) => (before ? [...old, ...page.items] : page.items));
        setNext(page.next ?? null);
      } catch (e) {
        showError(e);
      } finally {
        if (req === latest.current) setLoading(false);
      }
    },
    [showError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div data-testid="orders-registered">
      <PageHeader
        title={t('nav.orders.registered')}
        hint={t('orders.registered.hint')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => load()} aria-label={t('common.refresh')} />
            <Link to="/orders/new">
              <Button type="primary" icon={<FormOutlined />}>
                {t('orders.registered.new')}
              </Button>
            </Link>
          </>
        }
      />
      <Card>
        <OrderTable
          orders={items}
          loading={loading}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.registered.empty')} />}
        />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {next ? (
            <Button onClick={() => load(next)} loading={loading}>
              {t('common.loadMore')}
            </Button>
          ) : items.length ? (
            <Typography.Text type="secondary">{t('audit.end', { n: items.length })}</Typography.Text>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
