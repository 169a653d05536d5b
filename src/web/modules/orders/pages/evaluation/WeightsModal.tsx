/** 评分规则: the indicator weights (must add up to 100) and the deductions; editable by admins. */
import { useEffect, useState } from 'react';
import { Alert, App, Col, Divider, Form, InputNumber, Modal, Row, Typography } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useApiError } from '../../../../components/useApiError';
import { INDICATOR_LABELS } from './format';
import { INDICATOR_KEYS, type MetricWeights, type WeightsResponse } from '../../../../../modules/orders/contract';
import { useFormSubmit } from '../../../../components/forms';

interface Props {
  open: boolean;
  editable: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function WeightsModal({ open, editable, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<MetricWeights>();
  const [info, setInfo] = useState<WeightsResponse | null>(null);
  const values = Form.useWatch([], form) as MetricWeights | undefined;
  const sum = INDICATOR_KEYS.reduce((s, k) => s + (Number(values?.weights?.[k]) || 0), 0);

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    api
      .get<WeightsResponse>('/api/orders/metrics/weights', undefined, { signal: ctl.signal })
      .then((w) => {
        setInfo(w);
        form.setFieldsValue(w.value);
      })
      .catch(showError);
    return () => ctl.abort();
  }, [open, form, showError]);

  const { busy, submit: save } = useFormSubmit(form, async (v: MetricWeights) => {
    if (Math.abs(sum - 100) > 1e-9) {
      message.error(t('ops.eval.weights.sumError', { n: sum }));
      return;
    }
    await api.put('/api/orders/metrics/weights', v);
    message.success(t('common.saved'));
    onSaved();
  });

  return (
    <Modal
      open={open}
      title={t('ops.eval.weights')}
      onCancel={onClose}
      onOk={editable ? save : onClose}
      okText={editable ? t('common.save') : t('ops.close')}
      cancelButtonProps={editable ? undefined : { style: { display: 'none' } }}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'eval-weights-save' }}
    >
      <Typography.Paragraph type="secondary">{t('ops.eval.weights.hint')}</Typography.Paragraph>
      {info ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {info.isDefault
            ? t('ops.eval.weights.default')
            : t('ops.eval.weights.updatedAt', { time: fmtTime(info.updatedAt) })}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" disabled={!editable} requiredMark={false}>
        <Row gutter={16}>
          {INDICATOR_KEYS.map((k) => (
            <Col span={8} key={k}>
              <Form.Item
                name={['weights', k]}
                label={t(INDICATOR_LABELS[k])}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber
                  min={0}
                  max={100}
                  step={1}
                  style={{ width: '100%' }}
                  suffix={t('ops.eval.points')}
                  data-testid={`eval-weight-${k}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Alert
          type={Math.abs(sum - 100) > 1e-9 ? 'error' : 'success'}
          showIcon
          title={t('ops.eval.weights.sum', { n: Math.round(sum * 100) / 100 })}
          style={{ marginBottom: 8 }}
        />
        <Divider titlePlacement="start" plain>
          {t('ops.eval.deductions')}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name={['deductions', 'lateSign']}
              label={t('ops.eval.deduct.lateSign')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} suffix={t('ops.eval.points')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['deductions', 'overdue']}
              label={t('ops.eval.deduct.overdue')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} suffix={t('ops.eval.points')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['deductions', 'max']}
              label={t('ops.eval.deduct.max')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} suffix={t('ops.eval.points')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
