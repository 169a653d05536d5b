/** 来电历史: the caller's earlier orders, looked up while the agent types the number. */
import { useEffect, useState } from 'react';
import { Alert, Badge, Card, Empty, Flex, Spin, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { ApiError } from '../../../../api';
import { ordersApi } from '../../components/ordersApi';
import { StateTag } from '../../components/OrderBits';
import { useDebounced } from '../../components/useDebounced';
import { OPEN_STATES, type CallerHistory } from '../../../../../modules/orders/contract';

const PHONE = /^[0-9+ -]{5,20}$/;

/** `refreshKey`: change it to look the number up again (e.g. after registering a new order). */
export function CallerHistoryPanel({
  phone,
  allowed,
  refreshKey,
}: {
  phone: string | undefined;
  allowed: boolean;
  refreshKey?: string;
}) {
  const t = useT();
  const clean = (phone ?? '').replace(/\s+/g, '');
  const debounced = useDebounced(clean, 400);
  const [data, setData] = useState<CallerHistory | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = allowed && debounced.replace(/\D/g, '').length >= 7 && PHONE.test(debounced);

  useEffect(() => {
    if (!ready) {
      setData(null);
      setError(null);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    ordersApi.callerHistory(debounced, ctl.signal).then(
      (d) => {
        if (ctl.signal.aborted) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [debounced, ready, refreshKey]);

  const open = data?.items.filter((o) => OPEN_STATES.includes(o.state)).length ?? 0;

  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <HistoryOutlined />
          {t('orders.hotline.history')}
          {data ? <Badge count={data.count} showZero color={data.count ? '#1668dc' : '#d9d9d9'} /> : null}
          {loading ? <Spin size="small" /> : null}
        </Flex>
      }
      data-testid="caller-history"
    >
      {!allowed ? (
        <Typography.Text type="secondary">{t('orders.hotline.history.noPermission')}</Typography.Text>
      ) : error ? (
        <Alert type="warning" showIcon title={error} />
      ) : !data ? (
        <Typography.Text type="secondary">{t('orders.hotline.history.hint')}</Typography.Text>
      ) : data.count === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.hotline.history.none')} />
      ) : (
        <div>
          {open ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('orders.hotline.history.open', { n: open })}
            />
          ) : null}
          <div style={{ maxHeight: 300, overflow: 'auto' }}>
            {data.items.map((o) => (
              <div key={o.id} className="hotline-history-item" data-testid={`caller-order-${o.number}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Link
                    to={`/orders/${encodeURIComponent(o.id)}`}
                    target="_blank"
                    rel="noopener"
                    className="order-number"
                    tabIndex={-1}
                  >
                    {o.number}
                  </Link>
                  <StateTag state={o.state} />
                </Flex>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0', fontSize: 13 }}>
                  {o.title}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtTime(o.createdAt)}
                  {o.unitName ? ` · ${o.unitName}` : ''}
                  {o.categoryPath ? ` · ${o.categoryPath.split(' › ').pop()}` : ''}
                </Typography.Text>
              </div>
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}
