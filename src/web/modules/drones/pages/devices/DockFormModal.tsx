/**
 * 登记机场 (POST /api/drones/docks: serial, name, model, owner, home point) and 编辑 (PATCH
 * /api/drones/devices/:sn: name, owner, home point). Registering answers the dock's MQTT login,
 * handed to `onRegistered` to be shown once.
 */
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useT } from '../../../../i18n';
import { useFormSubmit } from '../../../../components/forms';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useOrgs } from '../../../../components/useRefData';
import { dronesApi, type Credentials, type DeviceView } from '../../components/dronesApi';
import { HomePointField } from './HomePointField';

const DOCK_MODELS = [
  { value: '3-1-0', label: 'DJI Dock (3-1-0)' },
  { value: '3-2-0', label: 'DJI Dock 2 (3-2-0)' },
  { value: '3-3-0', label: 'DJI Dock 3 (3-3-0)' },
];

interface Values {
  sn: string;
  name: string;
  modelKey?: string;
  orgId?: string;
  homeLng?: number | null;
  homeLat?: number | null;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

interface Props {
  /** undefined: closed; null: register a new dock; a device: edit it. */
  editing: DeviceView | null | undefined;
  onClose: () => void;
  onRegistered: (c: Credentials) => void;
  onSaved: () => void;
}

export function DockFormModal({ editing, onClose, onRegistered, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { orgs } = useOrgs();
  const open = editing !== undefined;
  const creating = editing === null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        sn: editing.sn,
        name: editing.name,
        orgId: editing.orgId ?? undefined,
        homeLng: editing.home?.lng ?? null,
        homeLat: editing.home?.lat ?? null,
      });
  }, [open, editing, form]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const home = isNum(v.homeLng) && isNum(v.homeLat) ? { homeLng: v.homeLng, homeLat: v.homeLat } : null;
    if (creating) {
      const c = await dronesApi.register({
        sn: v.sn.trim(),
        name: v.name.trim(),
        ...(v.modelKey ? { modelKey: v.modelKey } : {}),
        ...(v.orgId ? { orgId: v.orgId } : {}),
        ...(home ?? {}),
      });
      onRegistered(c);
    } else if (editing) {
      await dronesApi.update(editing.sn, {
        name: v.name.trim(),
        orgId: v.orgId ?? null,
        homeLng: home?.homeLng ?? null,
        homeLat: home?.homeLat ?? null,
      });
      onSaved();
    }
  });

  return (
    <Modal
      open={open}
      title={creating ? t('drones.register.title') : t('drones.edit.title')}
      onOk={submit}
      onCancel={onClose}
      okText={creating ? t('drones.action.register') : t('common.save')}
      okButtonProps={{ 'data-testid': 'dock-form-submit' }}
      confirmLoading={busy}
      width={620}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="dock-form">
        <Form.Item
          name="sn"
          label={t('drones.form.sn')}
          extra={creating ? t('drones.form.sn.hint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { pattern: /^\s*[A-Za-z0-9]{4,64}\s*$/, message: t('drones.form.sn.pattern') },
          ]}
        >
          <Input maxLength={64} disabled={!creating} data-testid="dock-sn" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('drones.form.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 60 }]}
        >
          <Input maxLength={60} data-testid="dock-name" />
        </Form.Item>
        {creating ? (
          <Form.Item name="modelKey" label={t('drones.form.model')}>
            <Select
              allowClear
              options={DOCK_MODELS}
              placeholder={t('drones.form.model.auto')}
              data-testid="dock-model"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="orgId" label={t('drones.form.org')}>
          <OrgTreeSelect orgs={orgs} allowClear />
        </Form.Item>
        <HomePointField form={form} />
      </Form>
    </Modal>
  );
}
