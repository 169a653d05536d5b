import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { type Org } from '../../../../../modules/identity/contract';
import { CODE_PATTERN } from './OrgFormModal';

const KIND_COLORS: Record<string, string> = {
  street: 'red',
  department: 'blue',
  community: 'green',
  unit: 'purple',
  grid: 'orange',
};
export const kindColor = (kind: string) => KIND_COLORS[kind] ?? 'default';

interface Props {
  org: Org;
  parent?: Org;
  childCount: number;
  onSaved: () => void;
  onAddChild: () => void;
}

/** The selected organisation: its facts and a form to rename it or change its code. */
export function OrgDetail({ org, parent, childCount, onSaved, onAddChild }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ name: org.name, code: org.code });
  }, [org, form]);

  const save = async (v: { name: string; code: string }) => {
    const patch: { name?: string; code?: string } = {};
    if (v.name.trim() !== org.name) patch.name = v.name.trim();
    if (v.code.trim() !== org.code) patch.code = v.code.trim();
    if (!Object.keys(patch).length) {
      message.info(t('common.noChanges'));
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/api/orgs/${encodeURIComponent(org.id)}`, patch);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          {org.name}
          <Tag color={kindColor(org.kind)}>{t(`org.kind.${org.kind}`)}</Tag>
        </Space>
      }
      extra={
        <Button icon={<PlusOutlined />} onClick={onAddChild} data-testid="org-add-child">
          {t('org.addChild')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'code', label: t('org.code'), children: org.code },
          { key: 'kind', label: t('org.kind'), children: t(`org.kind.${org.kind}`) },
          { key: 'parent', label: t('org.parent'), children: parent?.name ?? '—' },
          { key: 'children', label: t('org.children'), children: childCount },
          ...(org.departmentType ? [{ key: 'dt', label: t('org.departmentType'), children: org.departmentType }] : []),
          { key: 'id', label: 'ID', children: <code>{org.id}</code> },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 480 }}>
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('org.code')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: CODE_PATTERN, message: t('org.code.invalid') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
