/** Blocks of the order detail page: the citizen (masked, revealable), photos before and after, notifications. */
import { useState } from 'react';
import { App, Button, Descriptions, Empty, Flex, Image, Table, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, FileOutlined, PhoneOutlined, SafetyOutlined } from '@ant-design/icons';
import { fmtTime } from '../../../../format';
import { useApiError } from '../../../../components/useApiError';
import { ordersApi } from '../../components/ordersApi';
import { useOrderLabels } from '../../components/labels';
import { type NotificationEntry, type OrderView } from '../../../../../modules/orders/contract';

/**
 * 反映人: masked by default; 查看号码 reveals it once for this page view (the server audits it) when the
 * detail says the caller may (`canReveal`: the centre, or the unit handling the order), with a tel: link.
 */
export function CitizenBlock({ order, canReveal }: { order: OrderView; canReveal: boolean }) {
  const { t } = useOrderLabels();
  const { message } = App.useApp();
  const showError = useApiError();
  const [revealed, setRevealed] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const r = order.reporter;
  const has = !!(r.name || r.phone);

  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(await ordersApi.reveal(order.id));
      message.info(t('orders.citizen.logged'));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="order-citizen"
      items={[
        {
          key: 'name',
          label: t('orders.field.name'),
          children: <span data-testid="citizen-name">{(revealed ? revealed.name : r.name) ?? '—'}</span>,
        },
        {
          key: 'phone',
          label: t('orders.field.phone'),
          children: (
            <Flex gap={6} align="center" wrap>
              {revealed?.phone ? (
                <>
                  <Typography.Text copyable data-testid="citizen-phone">
                    {revealed.phone}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="link"
                    icon={<PhoneOutlined />}
                    href={`tel:${revealed.phone.replace(/[^0-9+]/g, '')}`}
                    data-testid="citizen-call"
                  >
                    {t('orders.reveal.call')}
                  </Button>
                </>
              ) : (
                <span data-testid="citizen-phone">{r.phone ?? '—'}</span>
              )}
              {revealed ? (
                <Tag icon={<SafetyOutlined />} color="warning" variant="filled">
                  {t('orders.citizen.revealed')}
                </Tag>
              ) : has && r.masked && canReveal ? (
                <Tooltip title={t('orders.reveal.hint')}>
                  <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={reveal} data-testid="reveal-pii">
                    {t('orders.reveal.button')}
                  </Button>
                </Tooltip>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** Photos shown (previewable); other files (PDF, video) as links. The type is learnt by loading. */
export function Attachments({
  ids,
  empty,
  size = 96,
  testId = 'order-attachments',
}: {
  ids: string[];
  /** What to say when there are none (default: 无附件). */
  empty?: string;
  size?: number;
  testId?: string;
}) {
  const { t } = useOrderLabels();
  const [notImage, setNotImage] = useState<ReadonlySet<string>>(new Set());
  if (!ids.length)
    return <Typography.Text type="secondary">{empty ?? t('orders.detail.noAttachments')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap data-testid={testId}>
        {ids.map((id, i) =>
          notImage.has(id) ? (
            <a
              key={id}
              href={`/api/files/${encodeURIComponent(id)}`}
              target="_blank"
              rel="noopener"
              className="order-file-tile"
            >
              <FileOutlined style={{ fontSize: 24 }} />
              {t('orders.detail.file', { n: i + 1 })}
            </a>
          ) : (
            <Image
              key={id}
              src={`/api/files/${encodeURIComponent(id)}`}
              width={size}
              height={size}
              className="order-attachment"
              style={{ objectFit: 'cover' }}
              alt={t('orders.detail.file', { n: i + 1 })}
              onError={() => setNotImage((s) => new Set(s).add(id))}
            />
          ),
        )}
      </Flex>
    </Image.PreviewGroup>
  );
}

/** 处置前 (the citizen's, from intake) beside 处置后 (the unit's, sent with its replies; once it replied). */
export function PhotosBeforeAfter({ before, after, replied }: { before: string[]; after: string[]; replied: boolean }) {
  const { t } = useOrderLabels();
  const column = (title: string, ids: string[], empty: string, testId: string) => (
    <div style={{ flex: '1 1 240px', minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <div style={{ marginTop: 6 }}>
        <Attachments ids={ids} empty={empty} testId={testId} />
      </div>
    </div>
  );
  return (
    <Flex gap={16} wrap data-testid="order-photos">
      {column(t('orders.photos.before'), before, t('orders.detail.noAttachments'), 'order-attachments')}
      {after.length || replied
        ? column(t('orders.photos.after'), after, t('orders.photos.noneAfter'), 'order-after-photos')
        : null}
    </Flex>
  );
}

export function NotificationsTable({ items }: { items: NotificationEntry[] }) {
  const { t, lookup } = useOrderLabels();
  if (!items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.detail.noNotifications')} />;
  return (
    <Table<NotificationEntry>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      scroll={{ x: 560 }}
      columns={[
        { title: t('orders.notif.at'), dataIndex: 'createdAt', width: 130, render: (v: number) => fmtTime(v) },
        {
          title: t('orders.notif.to'),
          dataIndex: 'recipientKind',
          width: 90,
          render: (v: string, n) => `${lookup('recipient', v)} · ${lookup('notifChannel', n.channel)}`,
        },
        {
          title: t('orders.notif.text'),
          dataIndex: 'text',
          render: (v: string) => <Typography.Text style={{ fontSize: 12 }}>{v}</Typography.Text>,
        },
        {
          title: t('orders.notif.status'),
          dataIndex: 'status',
          width: 80,
          render: (v: string) => (
            <Tag color={v === 'sent' ? 'green' : v === 'failed' ? 'red' : 'default'}>{lookup('notifStatus', v)}</Tag>
          ),
        },
      ]}
    />
  );
}
