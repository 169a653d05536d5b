/**
 * One AI finding in full: the picture with the recognised box, what and how sure, where (a small
 * map), which flight and service; a pending one is confirmed into a work order (its number shown,
 * linked to /orders/<id>) or dismissed with a reason by a reviewer (drones.review).
 */
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../../auth';
import { fmtTime } from '../../../../format';
import { useT } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { coords } from '../../components/labels';
import { type FindingView, missionsApi } from '../../components/dronesApi';
import { FindingPicture } from './FindingPicture';
import { PointMap } from './PointMap';

export const STATUS_COLOR: Record<FindingView['status'], string> = {
  pending: 'orange',
  confirmed: 'green',
  dismissed: 'default',
  merged: 'purple',
};

interface Props {
  finding: FindingView | null;
  onReviewed: (f: FindingView) => void;
}

export function FindingDetail({ finding: f, onReviewed }: Props) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const points = useMemo(() => (f ? [{ lng: f.lng, lat: f.lat }] : []), [f]);

  if (!f)
    return (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.findings.empty')} />
      </Card>
    );

  const review = async (decision: 'confirm' | 'dismiss', note?: string) => {
    setBusy(true);
    try {
      const done = await missionsApi.review(f.id, { decision, ...(note ? { note } : {}) });
      if (decision === 'confirm') message.success(t('drones.findings.confirmed', { number: done.orderNumber ?? '' }));
      else message.success(t('drones.findings.dismissed'));
      setDismissing(false);
      onReviewed(done);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const mayReview = can('drones.review') && f.status === 'pending';

  return (
    <Card
      size="small"
      data-testid="finding-detail"
      data-finding={f.id}
      title={
        <Space>
          {t(`drones.algorithm.${f.algorithm}`)}
          <Tag color={STATUS_COLOR[f.status]}>{t(`drones.findings.tab.${f.status}`)}</Tag>
        </Space>
      }
      extra={
        mayReview ? (
          <Space>
            <Popconfirm title={t('drones.findings.confirm.title')} onConfirm={() => review('confirm')}>
              <Button type="primary" icon={<CheckOutlined />} loading={busy} data-testid="finding-confirm">
                {t('drones.findings.confirm')}
              </Button>
            </Popconfirm>
            <Button icon={<CloseOutlined />} onClick={() => setDismissing(true)} data-testid="finding-dismiss">
              {t('drones.findings.dismiss')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <FindingPicture mediaId={f.mediaId} box={f.box} width="100%" height={320} preview testId="finding-picture" />
        <Space wrap>
          <Tag color="blue">{t('drones.findings.confidence', { v: Math.round(f.confidence * 100) })}</Tag>
          {f.repeats > 0 ? (
            <Tag color="volcano" data-testid="finding-repeats">
              {t('drones.findings.repeats', { n: f.repeats })}
            </Tag>
          ) : null}
        </Space>
        {f.status === 'confirmed' && f.orderNumber ? (
          <Typography.Text data-testid="finding-order">
            {t('drones.findings.order')}{' '}
            {f.orderId && can('orders.read') ? (
              <Link to={`/orders/${encodeURIComponent(f.orderId)}`} data-testid="finding-order-link">
                {f.orderNumber}
              </Link>
            ) : (
              <Typography.Text strong>{f.orderNumber}</Typography.Text>
            )}
          </Typography.Text>
        ) : null}
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('drones.findings.place')}>
            {f.address ? <div>{f.address}</div> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {coords(f)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('drones.findings.at')}>{fmtTime(f.createdAt)}</Descriptions.Item>
          {f.flightId ? (
            <Descriptions.Item label={t('drones.findings.flight')}>
              <Typography.Text code style={{ fontSize: 12 }}>
                {f.flightId}
              </Typography.Text>
              {f.dockSn ? ` · ${f.dockSn}` : ''}
            </Descriptions.Item>
          ) : null}
          {f.source ? <Descriptions.Item label={t('drones.findings.source')}>{f.source}</Descriptions.Item> : null}
          {f.reviewedAt ? (
            <Descriptions.Item label={t(`drones.findings.tab.${f.status}`)}>
              {t('drones.findings.reviewedBy', { who: f.reviewedBy ?? '—', time: fmtTime(f.reviewedAt) })}
              {f.note ? <div>{f.note}</div> : null}
            </Descriptions.Item>
          ) : null}
          {f.mergedInto ? (
            <Descriptions.Item label={t('drones.findings.tab.merged')}>
              {t('drones.findings.mergedInto')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <PointMap points={points} height={200} testId="finding-map" />
      </Flex>
      <Modal
        open={dismissing}
        title={t('drones.findings.dismiss.title')}
        onCancel={() => setDismissing(false)}
        confirmLoading={busy}
        destroyOnHidden
        onOk={async () => {
          const v = await form.validateFields();
          await review('dismiss', v.note.trim());
        }}
        okButtonProps={{ danger: true }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={t('drones.findings.dismiss.reason')}
            rules={[{ required: true, whitespace: true, message: t('drones.findings.dismiss.reasonRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={t('drones.findings.dismiss.placeholder')}
              data-testid="finding-dismiss-note"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
