/**
 * 热线登记 (/orders/new): built for an agent typing while the citizen talks. Phone first (the
 * caller's history appears beside the form), the description (category suggestions appear as it
 * grows; Alt+1…5 accepts one), urgency, place (AddressField.tsx: the address box over the 地名库, the
 * pin, the community check, the map), attachments;
 * Ctrl+Enter registers. One Idempotency-Key per distinct submission: a double click or a retry
 * after a network error never makes two orders.
 */
import { phoneRule } from '../../components/rules';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Typography,
  type InputRef,
  type UploadFile,
} from 'antd';
import { PhoneOutlined, SendOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { useAuth } from '../../../../auth';
import { ApiError } from '../../../../api';
import { PageHeader } from '../../../../components/PageHeader';
import { validated } from '../../../../components/forms';
import { CategoryTreeSelect } from '../../components/Pickers';
import { createOrder, uuid } from '../../components/ordersApi';
import { useOrderLabels } from '../../components/labels';
import { useOrgIndex } from '../../components/refData';
import {
  INTAKE_CHANNELS,
  URGENCIES,
  type IntakeResult,
  type NewOrderBody,
  type Urgency,
} from '../../../../../modules/orders/contract';
import { CallerHistoryPanel } from './CallerHistoryPanel';
import { CategorySuggestions, useCategorySuggestions } from './CategorySuggestions';
import { AttachmentsField, attachmentIds } from './AttachmentsField';
import { CreatedPanel } from './CreatedPanel';
import { IncomingCallBanner } from './IncomingCallBanner';
import { AddressField, HotlineMapCard, useHotlineLocation } from './AddressField';
import '../../components/orders.css';

interface Values {
  phone?: string;
  name?: string;
  description?: string;
  categoryCode?: string;
  urgency: Urgency;
  channel: string;
  address?: string;
  needsVisit: boolean;
}

const INITIAL: Values = { urgency: 'normal', channel: 'hotline', needsVisit: true };
const DESCRIPTION_MAX = 4000;

export default function HotlinePage() {
  const t = useT();
  const l = useOrderLabels();
  const { me, can, refresh: refreshAuth } = useAuth();
  const [form] = Form.useForm<Values>();
  const phoneRef = useRef<InputRef>(null);
  const loc = useHotlineLocation();
  const point = loc.point;
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  /** The caller's number as registered: the history panel keeps showing it after 登记. */
  const [callerPhone, setCallerPhone] = useState<string | undefined>();
  useOrgIndex(); // warm the unit names the result panel shows
  /** The key goes with the body it was first sent with; a changed body gets a new key. */
  const idem = useRef<{ body: string; key: string } | null>(null);

  const phone = Form.useWatch('phone', form);
  const description = Form.useWatch('description', form);
  const chosen = Form.useWatch('categoryCode', form);
  const suggestions = useCategorySuggestions(description);
  const uploading = files.some((f) => f.status === 'uploading');

  const accept = useCallback(
    (code: string) => {
      form.setFieldValue('categoryCode', code);
    },
    [form],
  );

  const submit = async () => {
    if (submitting || uploading) return;
    const v = await validated(form);
    if (!v) return;
    const body: NewOrderBody = {
      channel: v.channel as NewOrderBody['channel'],
      description: v.description!.trim(),
      categoryCode: v.categoryCode || undefined,
      urgency: v.urgency,
      address: v.address?.trim() || undefined,
      location: point ?? undefined,
      reporter:
        v.phone?.trim() || v.name?.trim()
          ? { phone: v.phone?.replace(/\s+/g, '') || undefined, name: v.name?.trim() || undefined }
          : undefined,
      attachments: attachmentIds(files),
      needsVisit: v.needsVisit,
    };
    const json = JSON.stringify(body);
    if (!idem.current || idem.current.body !== json) idem.current = { body: json, key: uuid() };
    setSubmitting(true);
    setError(null);
    try {
      const r = await createOrder(body, idem.current.key, me?.csrfToken);
      setCallerPhone(v.phone);
      setResult(r);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        void refreshAuth();
        return;
      }
      setError(e instanceof ApiError ? (e.status === 0 ? t('error.network') : e.message) : String(e));
    } finally {
      setSubmitting(false);
    }
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;

  const next = () => {
    form.resetFields();
    loc.reset();
    setFiles([]);
    setResult(null);
    setError(null);
    idem.current = null;
    setTimeout(() => phoneRef.current?.focus(), 0);
  };

  // Keyboard: Ctrl/⌘+Enter registers; Alt+1…5 takes a category suggestion.
  const suggestionsRef = useRef(suggestions.items);
  suggestionsRef.current = suggestions.items;
  const resultRef = useRef(result);
  resultRef.current = result;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (resultRef.current) return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submitRef.current();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-5]$/.test(e.code)) {
        const s = suggestionsRef.current[Number(e.code.slice(5)) - 1];
        if (s) {
          e.preventDefault();
          accept(s.categoryCode);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [accept]);

  const history = (
    <CallerHistoryPanel
      phone={result ? callerPhone : phone}
      allowed={can('orders.dispatch')}
      refreshKey={result?.order.id}
    />
  );

  return (
    <div>
      <PageHeader
        title={t('orders.hotline.title')}
        hint={
          <span className="kbd-hint">
            {t('orders.hotline.hint.pre')} <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('orders.hotline.hint.submit')} ·{' '}
            <kbd>Alt</kbd>+<kbd>1</kbd>…<kbd>5</kbd> {t('orders.hotline.hint.accept')}
          </span>
        }
      />
      {/* 来电弹屏: 接听登记 starts a fresh form with the caller's number (their history shows beside it) */}
      <IncomingCallBanner
        onAnswer={(n) => {
          next();
          setTimeout(() => form.setFieldsValue({ phone: n }), 0);
        }}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15} xxl={16}>
          {result ? (
            <CreatedPanel result={result} onChange={setResult} onNext={next} />
          ) : (
            <Card>
              <Form<Values>
                form={form}
                layout="vertical"
                className="hotline-form"
                initialValues={INITIAL}
                requiredMark="optional"
                disabled={submitting}
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="phone"
                      label={t('orders.field.phone')}
                      rules={[phoneRule(t('orders.field.phone.invalid'))]}
                      normalize={(v: string) => v.replace(/[^\d+ -]/g, '')}
                    >
                      <Input
                        ref={phoneRef}
                        autoFocus
                        prefix={<PhoneOutlined />}
                        placeholder={t('orders.field.phone.placeholder')}
                        inputMode="tel"
                        autoComplete="off"
                        maxLength={20}
                        data-testid="hotline-phone"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="name" label={t('orders.field.name')}>
                      <Input
                        placeholder={t('orders.field.name.placeholder')}
                        autoComplete="off"
                        maxLength={50}
                        data-testid="hotline-name"
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name="description"
                  label={t('orders.field.description')}
                  rules={[
                    { required: true, whitespace: true, message: t('orders.field.description.required') },
                    // said, not silently cut: a pasted text longer than the limit stays and is marked
                    { max: DESCRIPTION_MAX, message: t('orders.field.description.tooLong', { max: DESCRIPTION_MAX }) },
                  ]}
                  style={{ marginBottom: 6 }}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 4, maxRows: 10 }}
                    count={{ show: true, max: DESCRIPTION_MAX }}
                    placeholder={t('orders.field.description.placeholder')}
                    data-testid="hotline-description"
                  />
                </Form.Item>
                <div style={{ marginBottom: 12 }}>
                  <CategorySuggestions
                    items={suggestions.items}
                    loading={suggestions.loading}
                    chosen={chosen}
                    onAccept={accept}
                  />
                </div>
                <Row gutter={12}>
                  <Col xs={24} md={14}>
                    <Form.Item
                      name="categoryCode"
                      label={t('orders.field.category')}
                      extra={chosen ? undefined : t('orders.field.category.auto')}
                    >
                      <CategoryTreeSelect leafOnly testId="hotline-category" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name="urgency" label={t('orders.field.urgency')}>
                      <Radio.Group
                        optionType="button"
                        buttonStyle="solid"
                        options={URGENCIES.map((u) => ({ value: u, label: l.urgency(u) }))}
                        data-testid="hotline-urgency"
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item name="channel" label={t('orders.field.channel')}>
                      <Select
                        options={INTAKE_CHANNELS.map((c) => ({ value: c, label: l.channel(c) }))}
                        data-testid="hotline-channel"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item name="needsVisit" label={t('orders.field.needsVisit')} valuePropName="checked">
                      <Checkbox data-testid="hotline-needs-visit">{t('orders.field.needsVisit.yes')}</Checkbox>
                    </Form.Item>
                  </Col>
                </Row>
                <AddressField loc={loc} />
                <Form.Item label={t('orders.field.attachments')}>
                  <AttachmentsField files={files} onChange={setFiles} />
                </Form.Item>
                {error ? (
                  <Alert
                    type="error"
                    showIcon
                    title={error}
                    style={{ marginBottom: 12 }}
                    data-testid="hotline-error"
                    closable={{ onClose: () => setError(null) }}
                  />
                ) : null}
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <Button onClick={next} tabIndex={-1} disabled={submitting}>
                    {t('orders.hotline.reset')}
                  </Button>
                  <Space>
                    <Typography.Text type="secondary" className="kbd-hint hide-narrow">
                      <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
                    </Typography.Text>
                    <Button
                      type="primary"
                      size="large"
                      onClick={() => void submit()}
                      icon={<SendOutlined />}
                      loading={submitting}
                      disabled={uploading}
                      data-testid="hotline-submit"
                    >
                      {t('orders.hotline.submit')}
                    </Button>
                  </Space>
                </Flex>
              </Form>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={9} xxl={8}>
          {history}
          {result ? null : <HotlineMapCard loc={loc} />}
        </Col>
      </Row>
    </div>
  );
}
