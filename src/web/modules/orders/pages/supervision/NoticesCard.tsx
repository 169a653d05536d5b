/** The latest 督办 / 超期 / 临期 notices sent to units (the notifications outbox). */
import { Card, Empty, List, Tag, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api } from '../../../../api';
import { useT, type MessageKey } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useLoad } from '../../../../components/useLoad';
import type { OutboxEntry as NoticeRow } from '../../../../../modules/orders/contract';

const TEMPLATES: Record<string, { key: MessageKey; color: string }> = {
  'unit.supervised': { key: 'ops.sup.notice.supervised', color: 'red' },
  'unit.overdue': { key: 'ops.sup.notice.overdue', color: 'volcano' },
  'unit.due_soon': { key: 'ops.sup.notice.dueSoon', color: 'orange' },
};

export function NoticesCard({ height, tick }: { height: number; tick: number }) {
  const t = useT();
  const notices = useLoad(
    (signal) => api.get<{ items: NoticeRow[] }>('/api/notifications', { limit: 300 }, { signal }),
    [tick],
  );
  const items = (notices.data?.items ?? []).filter((n) => n.template in TEMPLATES).slice(0, 20);
  return (
    <Card
      title={
        <span>
          <NotificationOutlined /> {t('ops.sup.notices')}
        </span>
      }
      loading={notices.loading && !notices.data}
      styles={{ body: { padding: '4px 16px', height, overflow: 'auto' } }}
      data-testid="sup-notices"
    >
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('ops.sup.notices.empty')}
          style={{ marginTop: 48 }}
        />
      ) : (
        <List
          dataSource={items}
          renderItem={(n) => {
            const tpl = TEMPLATES[n.template];
            return (
              <List.Item key={n.id} style={{ display: 'block', padding: '10px 0' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 4 }}>
                  <span>
                    <Tag color={tpl.color}>{t(tpl.key)}</Tag>
                    {n.orderId && n.orderNumber ? (
                      <Link to={`/orders/${encodeURIComponent(n.orderId)}`} className="mono">
                        {n.orderNumber}
                      </Link>
                    ) : null}
                  </span>
                  <span className="ops-notice-meta">{fmtTime(n.createdAt)}</span>
                </div>
                <div className="ops-notice-text" title={n.text}>
                  {n.text}
                </div>
                {n.recipientName ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('ops.sup.notice.to', { unit: n.recipientName })}
                  </Typography.Text>
                ) : null}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
