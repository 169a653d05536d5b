/**
 * 常用语 in the action dialog: the phrases of one purpose for the order's category line
 * (GET /api/order-phrases), inserted into the dialog's text field with {工单号} {地址}… filled in.
 */
import { Form, Select, Tag } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useLoad } from '../../../../components/useLoad';
import { useOrderLabels } from '../../components/labels';
import type { OrderView, PhraseList, PhrasePurpose } from '../../../../../modules/orders/contract';

/** A phrase with the order's facts in place of its placeholders (an unknown fact becomes empty). */
export function fillPhrase(text: string, o: OrderView): string {
  const facts: Record<string, string> = {
    工单号: o.number,
    地址: o.address ?? '',
    标题: o.title,
    分类: o.categoryPath ?? '',
    承办单位: o.unitName ?? '',
  };
  return text.replace(/\{(工单号|地址|标题|分类|承办单位)\}/g, (_m, k: string) => facts[k] ?? '');
}

interface Props {
  purpose: PhrasePurpose;
  /** The form field the phrase goes into. */
  field: 'reply' | 'reason';
  order: OrderView;
}

export function PhrasePicker({ purpose, field, order }: Props) {
  const { t } = useOrderLabels();
  const form = Form.useFormInstance();
  const phrases = useLoad(
    (signal) =>
      api.get<PhraseList>(
        '/api/order-phrases',
        { purpose, ...(order.categoryCode ? { categoryCode: order.categoryCode } : {}) },
        { signal },
      ),
    [purpose, order.categoryCode],
  );
  const items = phrases.data?.items ?? [];

  const insert = (i: number) => {
    const p = items[i];
    if (!p) return;
    const current = (form.getFieldValue(field) as string | undefined) ?? '';
    form.setFieldValue(field, current + fillPhrase(p.text, order));
    void form.validateFields([field]).catch(() => undefined);
  };

  return (
    <Form.Item label={t('orders.phrases.pick')} style={{ marginBottom: 8 }}>
      <Select<number>
        value={null}
        placeholder={t('orders.phrases.placeholder')}
        suffixIcon={<MessageOutlined />}
        loading={phrases.loading}
        notFoundContent={t('orders.phrases.none')}
        showSearch={{ optionFilterProp: 'title' }}
        onChange={insert}
        options={items.map((p, i) => ({
          value: i,
          title: p.text,
          label: (
            <span style={{ whiteSpace: 'normal' }}>
              {p.categoryCode ? (
                <Tag color="blue" variant="filled" style={{ marginInlineEnd: 4 }}>
                  {t('orders.phrases.forCategory')}
                </Tag>
              ) : null}
              {p.text}
            </span>
          ),
        }))}
        popupMatchSelectWidth
        data-testid={`phrase-picker-${purpose}`}
      />
    </Form.Item>
  );
}
