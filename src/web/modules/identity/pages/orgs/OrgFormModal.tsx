import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useFormSubmit } from '../../../../components/forms';
import { type Org, type OrgKind } from '../../../../../modules/identity/contract';

export const ORG_KINDS: OrgKind[] = ['street', 'department', 'community', 'unit', 'grid'];
/** As the server checks it (identity/routes.ts). */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** The kind a new child most likely has, given its parent's kind. */
function defaultChildKind(parent: Org | undefined): OrgKind {
  if (!parent) return 'street';
  if (parent.kind === 'street') return 'community';
  if (parent.kind === 'community') return 'grid';
  return 'unit';
}

interface Props {
  open: boolean;
  orgs: Org[];
  parent?: Org;
  onClose: () => void;
  onCreated: (id: string | undefined) => void;
}

interface Values {
  parentId?: string;
  kind: OrgKind;
  name: string;
  code: string;
}

export function OrgCreateModal({ open, orgs, parent, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ parentId: parent?.id, kind: defaultChildKind(parent), name: '', code: '' });
  }, [open, parent, form]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const res = await api.post<{ id?: string }>('/api/orgs', {
      parentId: v.parentId,
      name: v.name.trim(),
      kind: v.kind,
      code: v.code.trim(),
    });
    message.success(t('common.created'));
    onCreated(res?.id);
  });

  return (
    <Modal
      open={open}
      title={t('org.create')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={t('common.create')}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="org-create-form">
        <Form.Item
          name="parentId"
          label={t('org.parent')}
          rules={[{ required: true, message: t('org.parent.required') }]}
        >
          <OrgTreeSelect orgs={orgs} />
        </Form.Item>
        <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
          <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))} />
        </Form.Item>
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
          tooltip={t('org.code.hint')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: CODE_PATTERN, message: t('org.code.invalid') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
