/** 我的诉求 · one request (/my/:id): its progress as tracking shows it, without the number-and-phone form. */
import { Alert, Button, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../../api';
import { useT } from '../../../../i18n';
import { useLoad } from '../../../../components/useLoad';
import { TrackResultCard } from './TrackResultCard';
import type { TrackResult } from './trackSteps';

export default function MyRequestPage() {
  const t = useT();
  const { id = '' } = useParams();
  const order = useLoad(
    (signal) => api.get<TrackResult>(`/api/orders/mine/${encodeURIComponent(id)}`, undefined, { signal }),
    [id],
  );
  return (
    <div style={{ maxWidth: 760 }}>
      <Link to="/my">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0, marginBottom: 8 }}>
          {t('orders.mine.back')}
        </Button>
      </Link>
      {order.data ? (
        <TrackResultCard result={order.data} />
      ) : order.error ? (
        <Alert
          type="warning"
          showIcon
          title={
            order.error instanceof ApiError && order.error.status !== 404
              ? order.error.message
              : t('orders.mine.notFound')
          }
        />
      ) : (
        <Spin />
      )}
    </div>
  );
}
