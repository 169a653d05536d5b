import { useEffect, useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';

export interface AuditFilter {
  /** A record by what people call it: a 工单号, a user's or organisation's name (or an id). */
  subject?: string;
  /** Who acted, by name. */
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  limit: number;
}

export const LIMITS = [50, 100, 200, 500];

/** The audit log's filters: by record (工单号, name), by who acted (name), by action; ids behind a switch. */
export function AuditFilters({ value, onSearch }: { value: AuditFilter; onSearch: (f: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<AuditFilter>();
  const [byId, setById] = useState(() => !!(value.entityType || value.entityId || value.actorId));
  useEffect(() => form.setFieldsValue(value), [value, form]);
  const clean = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={value}
      onFinish={(v) =>
        onSearch({
          subject: clean(v.subject),
          actor: clean(v.actor),
          action: clean(v.action),
          entityType: byId ? clean(v.entityType) : undefined,
          entityId: byId ? clean(v.entityId) : undefined,
          actorId: byId ? clean(v.actorId) : undefined,
          limit: v.limit,
        })
      }
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="audit-filters"
    >
      <Form.Item name="subject" label={t('audit.subject')}>
        <Input
          allowClear
          style={{ width: 220 }}
          placeholder={t('audit.subject.placeholder')}
          data-testid="audit-subject"
        />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actorName')}>
        <Input
          allowClear
          style={{ width: 140 }}
          placeholder={t('audit.actorName.placeholder')}
          data-testid="audit-actor"
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Input
          allowClear
          style={{ width: 160 }}
          placeholder={t('audit.action.placeholder')}
          data-testid="audit-action"
        />
      </Form.Item>
      {byId ? (
        <>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Input allowClear style={{ width: 120 }} placeholder="order / user / …" />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="actorId" label={t('audit.actorId')}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="limit" label={t('audit.limit')}>
        <Select style={{ width: 90 }} options={LIMITS.map((n) => ({ value: n, label: n }))} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button type="link" onClick={() => setById((b) => !b)}>
          {t('audit.advanced')}
        </Button>
      </Form.Item>
    </Form>
  );
}
