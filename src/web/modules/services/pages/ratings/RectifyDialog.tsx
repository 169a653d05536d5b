/** One step of a rectification: call-back (named person, reached?, notes), fix (what was done) or groundless (why). */
import { Checkbox, Form, Input, Modal } from 'antd';
import { useCallback } from 'react';
import { useFormSubmit } from '../../../../components/forms';
import type { RatingsT } from './i18n';
import { ratingsApi, type RectificationView } from './ratingsApi';

export type RectifyStep = 'callback' | 'fix' | 'groundless';

interface Values {
  by: string;
  reached?: boolean;
  text: string;
}

export function RectifyDialog(props: {
  t: RatingsT;
  step: RectifyStep;
  target: RectificationView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, step, target, onClose, onDone } = props;
  const [form] = Form.useForm<Values>();
  const send = useCallback(
    async (v: Values) => {
      if (step === 'callback') await ratingsApi.callback(target.id, { by: v.by, reached: !!v.reached, note: v.text });
      else if (step === 'fix') await ratingsApi.fix(target.id, { by: v.by, text: v.text });
      else await ratingsApi.groundless(target.id, { by: v.by, explanation: v.text });
      onDone();
    },
    [step, target.id, onDone],
  );
  const { busy, submit } = useFormSubmit(form, send);
  const textLabel = step === 'callback' ? t('note') : step === 'fix' ? t('fixText') : t('explanation');
  return (
    <Modal
      open
      title={`${t(`action.${step}`)} · ${target.number}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      destroyOnHidden
      data-testid={`rating-rectify-${step}`}
    >
      <Form form={form} layout="vertical" initialValues={{ reached: true }}>
        <Form.Item
          name="by"
          label={t('by')}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 50 }]}
        >
          <Input data-testid="rectify-by" />
        </Form.Item>
        {step === 'callback' && (
          <Form.Item name="reached" valuePropName="checked">
            <Checkbox>{t('reached')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={textLabel}
          rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}
        >
          <Input.TextArea rows={4} data-testid="rectify-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
