/** Add a routing rule: category (prefix) + optional community → unit, with auto-dispatch settings. */
import { useEffect, useMemo } from 'react';
import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch, TreeSelect, Typography } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { type Org } from '../../../../../modules/identity/contract';
import { categoryTree, type CategoryNode } from './categoryTree';
import { type CategoryView as Category } from '../../../../../modules/orders/contract';
import { useFormSubmit } from '../../../../components/forms';

interface Values {
  categoryPrefix?: string;
  communityCode?: string;
  unitId: string;
  autoDispatch: boolean;
  minConfidence: number;
  priority: number;
  note?: string;
}

interface TreeItem {
  value: string;
  title: string;
  children?: TreeItem[];
}

const toTree = (nodes: CategoryNode[]): TreeItem[] =>
  nodes.map((n) => ({
    value: n.code,
    title: `${n.name} (${n.code})`,
    children: n.children ? toTree(n.children) : undefined,
  }));

interface Props {
  open: boolean;
  categories: Category[];
  communities: Array<{ code: string; name: string }>;
  orgs: Org[];
  onClose: () => void;
  onSaved: () => void;
}

export function RuleModal({ open, categories, communities, orgs, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const auto = Form.useWatch('autoDispatch', form);
  const treeData = useMemo(() => toTree(categoryTree(categories)), [categories]);

  useEffect(() => {
    if (open) form.setFieldsValue({ autoDispatch: false, minConfidence: 0.9, priority: 0 });
  }, [open, form]);

  const { busy, submit: save } = useFormSubmit(form, async (v: Values) => {
    await api.post('/api/routing-rules', {
      categoryPrefix: v.categoryPrefix ?? '',
      communityCode: v.communityCode ?? null,
      unitId: v.unitId,
      autoDispatch: v.autoDispatch,
      minConfidence: v.minConfidence,
      priority: v.priority,
      note: v.note?.trim() || undefined,
    });
    onSaved();
  });

  return (
    <Modal
      open={open}
      title={t('ops.admin.rule.create')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.create')}
      confirmLoading={busy}
      width={620}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'oadmin-rule-save' }}
    >
      <Typography.Paragraph type="secondary">{t('ops.admin.rule.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="categoryPrefix" label={t('ops.admin.rule.category')} extra={t('ops.admin.rule.categoryHint')}>
          <TreeSelect
            allowClear
            treeData={treeData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('ops.admin.rule.anyCategory')}
            data-testid="oadmin-rule-category"
          />
        </Form.Item>
        <Form.Item name="communityCode" label={t('ops.admin.rule.community')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ops.admin.rule.anyCommunity')}
            options={communities.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('ops.admin.rule.unit')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <OrgTreeSelect orgs={orgs} placeholder={t('ops.admin.rule.pickUnit')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="autoDispatch" label={t('ops.admin.rule.auto')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="minConfidence"
              label={t('ops.admin.rule.minConfidence')}
              tooltip={t('ops.admin.rule.minConfidenceHint')}
            >
              <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} disabled={!auto} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('ops.admin.rule.priority')} tooltip={t('ops.admin.rule.priorityHint')}>
              <InputNumber min={-100} max={100} step={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('ops.admin.rule.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
