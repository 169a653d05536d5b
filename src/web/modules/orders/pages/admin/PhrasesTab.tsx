/** 常用语: the phrases offered in the 办结答复, 直接答复 and 退单 dialogs, one list per purpose, optionally per category. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Empty, Form, Input, Row, Segmented, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useLoad } from '../../../../components/useLoad';
import { useFormSubmit } from '../../../../components/forms';
import { CategoryTreeSelect } from '../../components/Pickers';
import {
  MAX_PHRASE_LENGTH,
  MAX_PHRASES_PER_PURPOSE,
  PHRASE_PLACEHOLDERS,
  PHRASE_PURPOSES,
  type PhraseIn,
  type PhraseList,
  type PhrasePurpose,
} from '../../../../../modules/orders/contract';

interface FormValues {
  phrases: Array<{ text?: string; categoryCode?: string | null }>;
}

export function PhrasesTab() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const editable = can('orders.configure');
  const [purpose, setPurpose] = useState<PhrasePurpose>('reply');
  const list = useLoad((signal) => api.get<PhraseList>('/api/order-phrases', { purpose }, { signal }), [purpose]);
  const [form] = Form.useForm<FormValues>();
  const count = Form.useWatch('phrases', form)?.length ?? 0;

  useEffect(() => {
    if (list.data)
      form.setFieldsValue({ phrases: list.data.items.map((p) => ({ text: p.text, categoryCode: p.categoryCode })) });
  }, [list.data, form]);

  const { busy, submit: save } = useFormSubmit(form, async (v: FormValues) => {
    const phrases: PhraseIn[] = (v.phrases ?? []).map((p) => ({
      text: (p.text ?? '').trim(),
      ...(p.categoryCode ? { categoryCode: p.categoryCode } : {}),
    }));
    await api.put<PhraseList>('/api/order-phrases', { purpose, phrases });
    message.success(t('ops.admin.phrases.saved'));
    list.reload();
  });

  return (
    <div data-testid="oadmin-phrases">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('ops.admin.phrases.hint', {
          placeholders: PHRASE_PLACEHOLDERS.join(' '),
          max: MAX_PHRASES_PER_PURPOSE,
          len: MAX_PHRASE_LENGTH,
        })}
        description={
          list.data?.updatedAt
            ? t('ops.admin.phrases.savedAt', { time: fmtTime(list.data.updatedAt) })
            : t('ops.admin.phrases.never')
        }
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented<PhrasePurpose>
          value={purpose}
          onChange={setPurpose}
          options={PHRASE_PURPOSES.map((p) => ({ value: p, label: t(`ops.admin.phrases.purpose.${p}`) }))}
          data-testid="oadmin-phrases-purpose"
        />
        <Typography.Text type="secondary">
          {t('ops.admin.phrases.count', { n: count, max: MAX_PHRASES_PER_PURPOSE })}
        </Typography.Text>
      </Space>
      {!editable ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('ops.admin.phrases.readOnly')} />
      ) : null}
      <Form form={form} layout="vertical" disabled={!editable || list.loading} requiredMark={false}>
        <Form.List name="phrases">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top" data-testid={`oadmin-phrase-${i}`}>
                  <Col xs={24} md={15}>
                    <Form.Item
                      name={[f.name, 'text']}
                      label={i === 0 ? t('ops.admin.phrases.text') : undefined}
                      rules={[{ required: true, whitespace: true, message: t('form.required') }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={MAX_PHRASE_LENGTH} showCount />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={7}>
                    <Form.Item
                      name={[f.name, 'categoryCode']}
                      label={i === 0 ? t('ops.admin.phrases.category') : undefined}
                    >
                      <CategoryTreeSelect placeholder={t('ops.admin.phrases.allCategories')} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Form.Item label={i === 0 ? ' ' : undefined} colon={false}>
                      <Button
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('ops.admin.delete')}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              {editable ? (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ text: '' })}
                  disabled={fields.length >= MAX_PHRASES_PER_PURPOSE}
                  style={{ marginBottom: 16 }}
                  data-testid="oadmin-phrases-add"
                >
                  {t('ops.admin.phrases.add')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
      {editable ? (
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={save} data-testid="oadmin-phrases-save">
          {t('common.save')}
        </Button>
      ) : null}
    </div>
  );
}
