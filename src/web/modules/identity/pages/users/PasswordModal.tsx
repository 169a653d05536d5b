import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { useFormSubmit } from '../../../../components/forms';
import { type UserRow } from '../../../../../modules/identity/contract';
import { PASSWORD_MIN } from './UserFormModal';

/** An administrator sets a new password for someone. */
export function PasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    if (!user) return;
    await api.post(`/api/users/${encodeURIComponent(user.id)}/password`, { password: v.password });
    message.success(t('user.password.done'));
    onClose();
  });

  return (
    <Modal
      open={!!user}
      title={t('user.resetPassword', { name: user?.name ?? '' })}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      forceRender
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="password"
          label={t('user.password.new')}
          rules={[
            { required: true, message: t('form.required') },
            { min: PASSWORD_MIN, message: t('user.password.min', { n: PASSWORD_MIN }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('user.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
