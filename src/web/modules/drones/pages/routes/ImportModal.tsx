/** 导入 KMZ: a DJI WPML wayline file (made in DJI Pilot 2 or FlightHub) becomes a route; refusals say why. */
import { useEffect, useState } from 'react';
import { Alert, Button, type ButtonProps, Form, Input, Modal, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../../api';
import { useApiError } from '../../../../components/useApiError';
import { useT } from '../../../../i18n';
import { SCENARIO_LIST } from '../../../../../modules/drones/missions/missions.contract';
import { missionsApi, type RouteSaved } from '../../components/dronesApi';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (r: RouteSaved) => void;
}

export function ImportModal({ open, onClose, onImported }: Props) {
  const t = useT();
  const showError = useApiError();
  const [form] = Form.useForm<{ name: string; scenario: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFile(null);
    setFailure(null);
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    if (!file) {
      setFailure(t('drones.import.fileRequired'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onImported(await missionsApi.importRoute(file, { name: v.name.trim(), scenario: v.scenario }));
    } catch (e) {
      if (e instanceof ApiError && e.status >= 400) setFailure(e.message);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('drones.import.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('drones.import.submit')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'route-import-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={{ scenario: 'river' }}>
        <Form.Item name="name" label={t('drones.editor.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input maxLength={60} data-testid="route-import-name" />
        </Form.Item>
        <Form.Item name="scenario" label={t('drones.editor.scenario')} rules={[{ required: true }]}>
          <Select options={SCENARIO_LIST.map((s) => ({ value: s, label: t(`drones.scenario.${s}`) }))} />
        </Form.Item>
        <Form.Item label={t('drones.import.file')} required>
          <Upload
            accept=".kmz,application/vnd.google-earth.kmz,application/zip"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              if (!form.getFieldValue('name'))
                form.setFieldsValue({ name: f.name.replace(/\.kmz$/i, '').slice(0, 60) });
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />} data-testid="route-import-file">
              {t('drones.import.pick')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon title={failure} data-testid="route-import-error" /> : null}
    </Modal>
  );
}
