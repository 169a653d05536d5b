/** Edit one category: name, active, and — for a leaf — its unit kind and time limits. */
import { useEffect } from 'react';
import { Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { departmentTypeLabel } from './labels';
import { DEPARTMENT_TYPES, type CategoryView as Category, type Limits } from '../../../../../modules/orders/contract';
import { useFormSubmit } from '../../../../components/forms';

interface Values {
  name: string;
  active: boolean;
  departmentType?: string;
  limits?: Limits;
}

export function CategoryModal({
  category,
  onClose,
  onSaved,
}: {
  category: Category | null;
  onClose: () => void;
  onSaved: (c: Category) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (category) {
      form.setFieldsValue({
        name: category.name,
        active: category.active,
        departmentType: category.departmentType ?? undefined,
        limits: category.limits ?? undefined,
      });
    }
  }, [category, form]);

  const { busy, submit: save } = useFormSubmit(form, async (v: Values) => {
    if (!category) return;
    const body: Record<string, unknown> = { name: v.name.trim(), active: v.active };
    if (category.leaf) {
      if (v.departmentType) body.departmentType = v.departmentType;
      if (v.limits) body.limits = v.limits;
    }
    const saved = await api.patch<Category>(`/api/order-categories/${encodeURIComponent(category.code)}`, body);
    onSaved(saved);
  });

  const num = (name: (string | number)[], label: string, max: number, step: number, unit: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('form.required') }]}>
      <InputNumber min={0.5} max={max} step={step} style={{ width: '100%' }} suffix={unit} />
    </Form.Item>
  );

  return (
    <Modal
      open={!!category}
      title={category ? t('ops.admin.cat.edit', { path: category.path }) : ''}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      confirmLoading={busy}
      width={620}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'oadmin-cat-save' }}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('ops.admin.cat.name')}
              rules={[{ required: true, whitespace: true, message: t('form.required') }]}
            >
              <Input maxLength={40} data-testid="oadmin-cat-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="active" label={t('ops.admin.cat.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {category?.leaf ? (
          <>
            <Form.Item name="departmentType" label={t('ops.admin.cat.deptType')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={DEPARTMENT_TYPES.map((d) => ({ value: d, label: departmentTypeLabel(d, t) }))}
              />
            </Form.Item>
            <Divider titlePlacement="start" plain>
              {t('ops.admin.cat.limits')}
            </Divider>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
              {t('ops.admin.cat.limitsHint')}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col span={12}>
                {num(['limits', 'signHours'], t('ops.admin.cat.signHours'), 80, 0.5, t('ops.admin.unit.hours'))}
              </Col>
              <Col span={12}>
                {num(['limits', 'contactDays'], t('ops.admin.cat.contactDays'), 30, 0.5, t('ops.admin.unit.days'))}
              </Col>
              <Col span={8}>
                {num(
                  ['limits', 'completeDays', 'normal'],
                  t('ops.admin.cat.normal'),
                  90,
                  0.5,
                  t('ops.admin.unit.days'),
                )}
              </Col>
              <Col span={8}>
                {num(
                  ['limits', 'completeDays', 'urgent'],
                  t('ops.admin.cat.urgent'),
                  90,
                  0.5,
                  t('ops.admin.unit.days'),
                )}
              </Col>
              <Col span={8}>
                {num(
                  ['limits', 'completeDays', 'emergency'],
                  t('ops.admin.cat.emergency'),
                  30,
                  0.5,
                  t('ops.admin.unit.days'),
                )}
              </Col>
            </Row>
          </>
        ) : (
          <Typography.Paragraph type="secondary">{t('ops.admin.cat.branchHint')}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
