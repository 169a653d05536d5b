import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { useFormSubmit } from '../../../../components/forms';
import { useRoles } from '../../../../components/useRefData';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/** Create a key; the secret is shown here once and never again. */
export function CreateKeyModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const { roles, apiKeyPermissions } = useRoles();
  const [form] = Form.useForm<{ name: string; permissions: string[] }>();
  const [secret, setSecret] = useState<string | null>(null);
  // The server names what a key may hold; without that list, offer every role permission.
  const permissionOptions = useMemo(() => {
    const all = new Set<string>(apiKeyPermissions);
    if (!all.size) for (const r of roles) for (const p of r.permissions) all.add(p);
    return [...all].sort().map((p) => ({ value: p, label: p }));
  }, [roles, apiKeyPermissions]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setSecret(null);
    }
  }, [open, form]);

  const { busy, submit: create } = useFormSubmit(form, async (v) => {
    const res = await api.post<{ id: string; key: string }>('/api/api-keys', {
      name: v.name.trim(),
      permissions: v.permissions,
    });
    setSecret(res.key);
    onCreated();
  });
  // once the secret is shown, OK closes the dialog
  const submit = () => (secret ? onClose() : create());

  return (
    <Modal
      open={open}
      title={secret ? t('apiKey.created') : t('apiKey.create')}
      onOk={submit}
      onCancel={onClose}
      okText={secret ? t('apiKey.savedIt') : t('common.create')}
      cancelButtonProps={secret ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      mask={{ closable: !secret }}
      forceRender
    >
      {secret ? (
        <div data-testid="api-key-secret">
          <Alert type="warning" showIcon title={t('apiKey.onceWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: secret }} code style={{ fontSize: 14, wordBreak: 'break-all' }}>
            {secret}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('apiKey.usage')}</Typography.Text>
        </div>
      ) : (
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label={t('apiKey.name')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 64 }]}
          >
            <Input maxLength={64} placeholder={t('apiKey.name.placeholder')} />
          </Form.Item>
          <Form.Item
            name="permissions"
            label={t('apiKey.permissions')}
            extra={t('apiKey.permissions.hint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('apiKey.permissions.required') }]}
          >
            <Select mode="multiple" options={permissionOptions} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
