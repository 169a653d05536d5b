/** 时限规则: when an order counts as 临期, and the 催办/督办 steps after a missed deadline. */
import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { useLoad } from '../../../../components/useLoad';
import { type EscalationStep, type SlaRules, type SlaRulesResponse } from '../../../../../modules/orders/contract';
import { useFormSubmit } from '../../../../components/forms';

interface FormValues {
  dueSoonPercent: number;
  dispatchTargetMinutes: number;
  sign: EscalationStep[];
  completion: EscalationStep[];
}

const toForm = (r: SlaRules, defaults?: SlaRules): FormValues => ({
  dueSoonPercent: Math.round(r.dueSoonRatio * 1000) / 10,
  dispatchTargetMinutes: r.dispatchTargetMinutes ?? defaults?.dispatchTargetMinutes ?? 30,
  sign: r.sign,
  completion: r.completion,
});

function clean(steps: EscalationStep[] | undefined): EscalationStep[] {
  return (steps ?? [])
    .map((s) => ({
      afterWorkingDays: Number(s.afterWorkingDays),
      action: s.action,
      ...(s.action === 'supervise' ? { level: (s.level ?? 1) as 1 | 2 | 3 } : {}),
      ...(s.note?.trim() ? { note: s.note.trim() } : {}),
    }))
    .sort((a, b) => a.afterWorkingDays - b.afterWorkingDays);
}

function StepsEditor({
  name,
  title,
  hint,
  editable,
}: {
  name: 'sign' | 'completion';
  title: string;
  hint: string;
  editable: boolean;
}) {
  const t = useT();
  const form = Form.useFormInstance<FormValues>();
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={`oadmin-sla-${name}`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Paragraph>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.admin.sla.noSteps')} />
            ) : null}
            {fields.map((f) => {
              const action = form.getFieldValue([name, f.name, 'action']) as string | undefined;
              return (
                <Row gutter={8} key={f.key} align="top">
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'afterWorkingDays']}
                      label={t('ops.admin.sla.after')}
                      rules={[{ required: true, message: t('form.required') }]}
                    >
                      <InputNumber
                        min={0}
                        max={60}
                        step={0.5}
                        style={{ width: '100%' }}
                        suffix={t('ops.admin.unit.days')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'action']}
                      label={t('ops.admin.sla.action')}
                      rules={[{ required: true, message: t('form.required') }]}
                    >
                      <Select
                        options={[
                          { value: 'urge', label: t('ops.sup.urge') },
                          { value: 'supervise', label: t('ops.sup.supervise') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue([name, f.name, 'action']) === 'supervise' ? (
                          <Form.Item
                            name={[f.name, 'level']}
                            label={t('ops.admin.sla.level')}
                            rules={[{ required: true, message: t('form.required') }]}
                          >
                            <Select
                              options={[1, 2, 3].map((l) => ({
                                value: l,
                                label: t(`ops.sup.level.${l}` as 'ops.sup.level.1'),
                              }))}
                            />
                          </Form.Item>
                        ) : (
                          <Form.Item label={t('ops.admin.sla.level')}>
                            <Typography.Text type="secondary">—</Typography.Text>
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[f.name, 'note']} label={t('ops.admin.sla.note')}>
                      <Input
                        maxLength={200}
                        placeholder={action === 'supervise' ? t('ops.admin.sla.notePlaceholder') : undefined}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={2}>
                    <Form.Item label=" " colon={false}>
                      <Button
                        danger
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        disabled={!editable}
                        aria-label={t('ops.admin.delete')}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })}
            {editable ? (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ afterWorkingDays: 1, action: 'urge' })}
                disabled={fields.length >= 10}
              >
                {t('ops.admin.sla.addStep')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </Card>
  );
}

export function SlaTab() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const editable = can('orders.configure');
  const sla = useLoad((signal) => api.get<SlaRulesResponse>('/api/orders/sla-rules', undefined, { signal }), []);
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (sla.data) form.setFieldsValue(toForm(sla.data.rules, sla.data.defaults));
  }, [sla.data, form]);

  const { busy, submit: save } = useFormSubmit(form, async (v: FormValues) => {
    const body: SlaRules = {
      dueSoonRatio: v.dueSoonPercent / 100,
      dispatchTargetMinutes: Math.round(Number(v.dispatchTargetMinutes)),
      sign: clean(v.sign),
      completion: clean(v.completion),
    };
    await api.put<SlaRulesResponse>('/api/orders/sla-rules', body);
    message.success(t('ops.admin.sla.saved'));
    sla.reload();
  });

  if (sla.error && !sla.data) return <Alert type="warning" showIcon title={t('ops.admin.sla.unavailable')} />;

  return (
    <div data-testid="oadmin-sla">
      <Alert
        type={sla.data?.saved ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          sla.data?.saved
            ? t('ops.admin.sla.savedAt', { time: fmtTime(sla.data.updatedAt) })
            : t('ops.admin.sla.defaults')
        }
        description={t('ops.admin.sla.hint')}
      />
      <Form form={form} layout="vertical" disabled={!editable || sla.loading} requiredMark={false}>
        <Card size="small" title={t('ops.admin.sla.dueSoon')} style={{ marginBottom: 16 }}>
          <Row gutter={16} align="middle">
            <Col xs={24} md={8}>
              <Form.Item
                name="dueSoonPercent"
                label={t('ops.admin.sla.dueSoonRatio')}
                rules={[{ required: true, message: t('form.required') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber
                  min={1}
                  max={99}
                  step={5}
                  suffix="%"
                  style={{ width: '100%' }}
                  data-testid="oadmin-sla-ratio"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Typography.Text type="secondary">{t('ops.admin.sla.dueSoonHint')}</Typography.Text>
            </Col>
          </Row>
          <Row gutter={16} align="middle" style={{ marginTop: 16 }}>
            <Col xs={24} md={8}>
              <Form.Item
                name="dispatchTargetMinutes"
                label={t('orders.sla.dispatchTarget')}
                rules={[{ required: true, message: t('form.required') }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber
                  min={1}
                  max={1440}
                  step={5}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid="oadmin-sla-dispatch-target"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Typography.Text type="secondary">{t('orders.sla.dispatchTarget.hint')}</Typography.Text>
            </Col>
          </Row>
        </Card>
        <StepsEditor
          name="sign"
          title={t('ops.admin.sla.signSteps')}
          hint={t('ops.admin.sla.signHint')}
          editable={editable}
        />
        <StepsEditor
          name="completion"
          title={t('ops.admin.sla.completionSteps')}
          hint={t('ops.admin.sla.completionHint')}
          editable={editable}
        />
      </Form>
      {editable ? (
        <Space>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={save} data-testid="oadmin-sla-save">
            {t('common.save')}
          </Button>
          <Popconfirm
            title={t('ops.admin.sla.resetConfirm')}
            onConfirm={() => sla.data && form.setFieldsValue(toForm(sla.data.defaults, sla.data.defaults))}
          >
            <Button icon={<RollbackOutlined />}>{t('ops.admin.sla.reset')}</Button>
          </Popconfirm>
        </Space>
      ) : null}
    </div>
  );
}
