/**
 * The handler's bell: their units' notices (新工单, 临期, 超期, 督办) from GET /api/notifications/mine,
 * refreshed every 30 s. Opening the list marks what it shows as seen (up to the newest notice
 * shown), so a notice arriving meanwhile still counts as unread.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Empty, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { api } from '../api';
import { useT, type MessageKey } from '../i18n';
import { fmtTime } from '../format';
import type { UnitNotices as Mine } from '../../modules/orders/contract';

const COLOR: Record<string, string> = {
  'unit.new_order': 'blue',
  'unit.due_soon': 'orange',
  'unit.overdue': 'red',
  'unit.supervised': 'purple',
};

export function NoticeBell() {
  const t = useT();
  const navigate = useNavigate();
  const [data, setData] = useState<Mine | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api.get<Mine>('/api/notifications/mine', { limit: 20 }));
    } catch {
      // a failed refresh keeps the last list; the next tick tries again
    }
  }, []);
  useEffect(() => {
    void load();
    const id = setInterval(load, 30_000);
    return () => clearInterval(id);
  }, [load]);

  const onOpenChange = async (next: boolean) => {
    setOpen(next);
    if (!next || !data?.items.length || data.unread === 0) return;
    try {
      await api.post('/api/notifications/mine/seen', { until: data.items[0]!.createdAt });
    } finally {
      void load();
    }
  };

  const list = data?.items.length ? (
    <List
      size="small"
      style={{ width: 380, maxHeight: 420, overflow: 'auto' }}
      dataSource={data.items}
      renderItem={(n) => (
        <List.Item
          data-testid={`notice-${n.orderNumber ?? n.id}`}
          style={{ cursor: n.orderId ? 'pointer' : undefined, background: n.unread ? '#f0f7ff' : undefined }}
          onClick={() => {
            if (!n.orderId) return;
            setOpen(false);
            navigate(`/orders/${encodeURIComponent(n.orderId)}`);
          }}
        >
          <List.Item.Meta
            title={
              <>
                <Tag color={COLOR[n.template]}>
                  {n.template in COLOR ? t(`notices.${n.template}` as MessageKey) : n.title}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtTime(n.createdAt)}
                </Typography.Text>
              </>
            }
            description={
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {n.text}
              </Typography.Paragraph>
            }
          />
        </List.Item>
      )}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.empty')} style={{ width: 280 }} />
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notices.title')}
      content={list}
      open={open}
      onOpenChange={onOpenChange}
    >
      <Badge
        count={data?.unread ?? 0}
        overflowCount={99}
        size="small"
        data-testid="notice-count"
        data-count={data?.unread ?? ''}
      >
        <Button type="text" icon={<BellOutlined />} aria-label={t('notices.title')} data-testid="notice-bell" />
      </Badge>
    </Popover>
  );
}
