/**
 * The application form (申请表): the applicant (the name taken from the account for a person, not
 * editable) and the fields every online application carries. The guides hold no per-item field
 * schema yet, so the fields are this common set; they are stored as the case's `form`.
 */
import { Form, Input, Radio, type FormInstance } from 'antd';
import { useCasesT } from './i18n';

export interface ApplyValues {
  kind: 'person' | 'enterprise';
  name: string;
  idNo?: string;
  phone?: string;
  reason?: string;
  address?: string;
  delivery: 'window' | 'mail';
  mailAddress?: string;
}

/** The form's own fields (beside `attachments`) as the case keeps them. */
export const FORM_FIELDS = ['reason', 'address', 'delivery', 'mailAddress'] as const;

export function ApplyForm({
  form,
  accountName,
  disabled,
  saved,
}: {
  form: FormInstance<ApplyValues>;
  accountName: string;
  disabled?: boolean;
  /** a saved draft: its ID number and phone are shown masked, so leaving them empty keeps them */
  saved?: { idNo: string; phone: string };
}) {
  const t = useCasesT();
  const kind = Form.useWatch('kind', form);
  const delivery = Form.useWatch('delivery', form);
  const need = (field: string) => [{ required: true, whitespace: true, message: t('apply.required', { field }) }];
  const needUnlessSaved = (field: string) => (saved ? [] : need(field));
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={{ kind: 'person', name: accountName, delivery: 'window' }}
      onValuesChange={(changed: Partial<ApplyValues>) => {
        // a person applies under the account's own name; an enterprise under its registered name
        if (changed.kind === 'person') form.setFieldValue('name', accountName);
      }}
    >
      <Form.Item name="kind" label={t('apply.kind')}>
        <Radio.Group
          data-testid="apply-kind"
          options={[
            { value: 'person', label: t('apply.kind.person') },
            { value: 'enterprise', label: t('apply.kind.enterprise') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('apply.name')}
        rules={need(t('apply.name'))}
        extra={kind !== 'enterprise' ? t('apply.name.fromAccount') : undefined}
      >
        <Input data-testid="apply-name" maxLength={100} readOnly={kind !== 'enterprise'} />
      </Form.Item>
      <Form.Item
        name="idNo"
        label={t('apply.idNo')}
        rules={[
          ...needUnlessSaved(t('apply.idNo')),
          {
            pattern: /^[0-9A-Za-z]{18}$/,
            message: t(kind === 'enterprise' ? 'apply.idNo.enterprise' : 'apply.idNo.person'),
          },
        ]}
        extra={t(kind === 'enterprise' ? 'apply.idNo.enterprise' : 'apply.idNo.person')}
      >
        <Input data-testid="apply-idno" maxLength={18} placeholder={saved?.idNo} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('apply.phone')}
        rules={[...needUnlessSaved(t('apply.phone')), { pattern: /^[0-9+\- ]{5,20}$/, message: t('apply.phone') }]}
      >
        <Input data-testid="apply-phone" maxLength={20} inputMode="tel" placeholder={saved?.phone} />
      </Form.Item>
      <Form.Item name="reason" label={t('apply.reason')} rules={need(t('apply.reason'))}>
        <Input.TextArea data-testid="apply-reason" rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="address" label={t('apply.address')}>
        <Input data-testid="apply-address" maxLength={200} />
      </Form.Item>
      <Form.Item name="delivery" label={t('apply.delivery')}>
        <Radio.Group
          data-testid="apply-delivery"
          options={[
            { value: 'window', label: t('apply.delivery.window') },
            { value: 'mail', label: t('apply.delivery.mail') },
          ]}
        />
      </Form.Item>
      {delivery === 'mail' ? (
        <Form.Item name="mailAddress" label={t('apply.mailAddress')} rules={need(t('apply.mailAddress'))}>
          <Input data-testid="apply-mail-address" maxLength={200} />
        </Form.Item>
      ) : null}
    </Form>
  );
}
