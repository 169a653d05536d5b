/** 督办: raise an order's supervision level by one, with the required instruction (note). */
import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Space, Typography } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { SupervisionTag } from './orderBits';
import { type OrderView } from '../../../../../modules/orders/contract';
import { useFormSubmit } from '../../../../components/forms';

interface Props {
  order: OrderView | null;
  onClose: () => void;
  onDone: (order: OrderView) => void;
}

export function SuperviseModal({ order, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ note: string }>();

  useEffect(() => {
    if (order) form.setFieldsValue({ note: '' });
  }, [order, form]);

  const { busy, submit } = useFormSubmit(form, async (values: { note: string }) => {
    if (!order) return;
    await api.post(`/api/orders/${encodeURIComponent(order.id)}/actions`, {
      type: 'supervise',
      note: values.note.trim(),
    });
    onDone(order);
  });

  const next = Math.min(3, (order?.supervisionLevel ?? 0) + 1);
  return (
    <Modal
      open={!!order}
      title={t('ops.sup.supervise.title', { number: order?.number ?? '' })}
      onCancel={onClose}
      onOk={submit}
      okText={t('ops.sup.supervise.ok')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'sup-confirm' }}
      destroyOnHidden
    >
      {order ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Typography.Text strong>{order.title}</Typography.Text>
          <Alert
            type="warning"
            showIcon
            title={
              <span>
                {t('ops.sup.supervise.raise')} <SupervisionTag level={next} />
                {order.unitName ? t('ops.sup.supervise.unit', { unit: order.unitName }) : null}
              </span>
            }
          />
          <Form form={form} layout="vertical" requiredMark={false}>
            <Form.Item
              name="note"
              label={t('ops.sup.supervise.note')}
              rules={[{ required: true, whitespace: true, message: t('ops.sup.supervise.noteRequired') }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={1000}
                showCount
                placeholder={t('ops.sup.supervise.placeholder')}
                data-testid="sup-note"
                autoFocus
              />
            </Form.Item>
          </Form>
        </Space>
      ) : null}
    </Modal>
  );
}
