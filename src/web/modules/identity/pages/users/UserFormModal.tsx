import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useRoleLabel } from '../../../../components/roles';
import { useFormSubmit } from '../../../../components/forms';
import { type Org, type RoleInfo, type UserRow } from '../../../../../modules/identity/contract';

export const PASSWORD_MIN = 8;
// As the server checks them (identity/routes.ts).
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;
const PHONE = /^[0-9+\- ]{5,20}$/;

interface Props {
  open: boolean;
  /** null = create a new user. */
  user: UserRow | null;
  orgs: Org[];
  roles: RoleInfo[];
  onClose: () => void;
  onDone: () => void;
}

interface Values {
  username: string;
  name: string;
  password?: string;
  orgId: string;
  roles: string[];
  phone?: string;
  extension?: string;
}

export function UserFormModal({ open, user, orgs, roles, onClose, onDone }: Props) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const creating = user === null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        username: user.username,
        name: user.name,
        orgId: user.orgId,
        roles: user.roles,
        extension: user.extension ?? undefined,
      });
  }, [open, user, form]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    if (creating) {
      await api.post('/api/users', {
        username: v.username.trim(),
        name: v.name.trim(),
        password: v.password,
        orgId: v.orgId,
        roles: v.roles,
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.extension?.trim() ? { extension: v.extension.trim() } : {}),
      });
      message.success(t('common.created'));
    } else {
      await api.patch(`/api/users/${encodeURIComponent(user.id)}`, {
        name: v.name.trim(),
        orgId: v.orgId,
        roles: v.roles,
        extension: v.extension?.trim() || null,
      });
      message.success(t('common.saved'));
    }
    onDone();
  });

  return (
    <Modal
      open={open}
      title={creating ? t('user.create') : t('user.edit', { name: user?.name ?? '' })}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText={creating ? t('common.create') : t('common.save')}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="user-form">
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={
            creating
              ? [
                  { required: true, message: t('form.required') },
                  { pattern: USERNAME, message: t('user.username.invalid') },
                ]
              : []
          }
        >
          <Input disabled={!creating} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('user.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 64 }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        {creating ? (
          <>
            <Form.Item
              name="password"
              label={t('user.password')}
              rules={[
                { required: true, message: t('form.required') },
                { min: PASSWORD_MIN, message: t('user.password.min', { n: PASSWORD_MIN }) },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('user.phone')}
              rules={[{ pattern: PHONE, message: t('user.phone.invalid') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="orgId" label={t('user.org')} rules={[{ required: true, message: t('form.required') }]}>
          <OrgTreeSelect orgs={orgs} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('user.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('user.roles.required') }]}
        >
          <Select mode="multiple" options={roles.map((r) => ({ value: r.role, label: roleLabel(r.role, r) }))} />
        </Form.Item>
        <Form.Item
          name="extension"
          label={t('user.extension')}
          extra={t('user.extension.hint')}
          rules={[{ pattern: /^\d{2,8}$/, message: t('user.extension.invalid') }]}
        >
          <Input maxLength={8} inputMode="numeric" style={{ width: 160 }} data-testid="user-extension" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
