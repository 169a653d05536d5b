import { useEffect } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  limit: number;
}

export const LIMITS = [50, 100, 200, 500];

export function AuditFilters({ value, onSearch }: { value: AuditFilter; onSearch: (f: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<AuditFilter>();
  useEffect(() => form.setFieldsValue(value), [value, form]);
  const clean = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={value}
      onFinish={(v) =>
        onSearch({
          entityType: clean(v.entityType),
          entityId: clean(v.entityId),
          actorId: clean(v.actorId),
          action: clean(v.action),
          limit: v.limit,
        })
      }
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Input allowClear style={{ width: 140 }} placeholder="user / org / …" />
      </Form.Item>
      <Form.Item name="entityId" label={t('audit.entityId')}>
        <Input allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.actorId')}>
        <Input allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Input allowClear style={{ width: 160 }} placeholder="user.create / …" />
      </Form.Item>
      <Form.Item name="limit" label={t('audit.limit')}>
        <Select style={{ width: 90 }} options={LIMITS.map((n) => ({ value: n, label: n }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
