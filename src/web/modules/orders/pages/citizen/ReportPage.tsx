/**
 * 我要反映 (/report, no login): a citizen's H5 form — what, where (GPS or map), who — submitted to
 * POST /api/public/orders; the answer is the 工单号 to track it with.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { CopyOutlined, FileSearchOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../../api';
import { useT } from '../../../../i18n';
import { PublicShell } from './PublicShell';
import { LocationPicker, type PickedLocation } from './LocationPicker';
import { postIdempotent, uuid } from '../../components/ordersApi';
import { cleanPhone, MOBILE_RE } from './phone';

interface Values {
  description: string;
  title?: string;
  address?: string;
  name?: string;
  phone: string;
}

interface Submitted {
  number: string;
  phone: string;
  stateLabel?: string;
}

export default function ReportPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  const [copied, setCopied] = useState(false);
  // The same submission retried (e.g. after a network error) keeps its key: never two orders.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = async (v: Values) => {
    const body = {
      description: v.description.trim(),
      title: v.title?.trim() || undefined,
      address: v.address?.trim() || undefined,
      location: location ? { lng: location.lng, lat: location.lat, crs: 'WGS84' as const } : undefined,
      name: v.name?.trim() || undefined,
      phone: cleanPhone(v.phone),
      channel: 'web' as const,
    };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: uuid() };
    setBusy(true);
    setError(null);
    try {
      const res = await postIdempotent<{ number: string; stateLabel?: string }>(
        '/api/public/orders',
        body,
        attempt.current.key,
        null,
      );
      setDone({ number: res.number, phone: body.phone, stateLabel: res.stateLabel });
      attempt.current = null;
      window.scrollTo({ top: 0 });
    } catch (e) {
      if (e instanceof ApiError)
        setError(e.status === 0 ? t('error.network') : e.status === 429 ? t('ops.cz.rateLimited') : e.message);
      else setError(t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const again = () => {
    form.resetFields();
    setLocation(null);
    setDone(null);
    setCopied(false);
  };

  if (done) {
    return (
      <PublicShell title={t('ops.report.title')} subtitle={t('ops.report.subtitle')}>
        <Card className="cz-card">
          <Result
            status="success"
            title={t('ops.report.done')}
            subTitle={t('ops.report.doneHint')}
            style={{ padding: '16px 0' }}
            extra={
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <div>
                  <Typography.Text type="secondary">{t('ops.report.number')}</Typography.Text>
                  <div style={{ marginTop: 6 }}>
                    <span className="cz-number" data-testid="report-number">
                      {done.number}
                    </span>
                  </div>
                  <Button
                    type="link"
                    icon={<CopyOutlined />}
                    onClick={() => copy(done.number)}
                    data-testid="report-copy"
                  >
                    {copied ? t('ops.report.copied') : t('ops.report.copy')}
                  </Button>
                </div>
                <Alert type="info" showIcon title={t('ops.report.howToTrack')} style={{ textAlign: 'left' }} />
                <Space wrap style={{ justifyContent: 'center' }}>
                  <Button
                    type="primary"
                    size="large"
                    icon={<FileSearchOutlined />}
                    onClick={() => navigate('/track', { state: { number: done.number, phone: done.phone } })}
                    data-testid="report-track"
                  >
                    {t('ops.report.trackNow')}
                  </Button>
                  <Button size="large" icon={<PlusOutlined />} onClick={again}>
                    {t('ops.report.again')}
                  </Button>
                </Space>
              </Space>
            }
          />
        </Card>
      </PublicShell>
    );
  }

  return (
    <PublicShell title={t('ops.report.title')} subtitle={t('ops.report.subtitle')}>
      <Card className="cz-card">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark="optional"
          size="large"
          data-testid="report-form"
          scrollToFirstError
        >
          <Form.Item
            name="description"
            label={t('ops.report.description')}
            rules={[
              { required: true, whitespace: true, message: t('ops.report.descriptionRequired') },
              {
                validator: async (_, v: string | undefined) => {
                  if (v && v.trim().length > 0 && v.trim().length < 5)
                    throw new Error(t('ops.report.descriptionShort'));
                },
              },
            ]}
          >
            <Input.TextArea
              rows={5}
              maxLength={4000}
              showCount
              placeholder={t('ops.report.descriptionPlaceholder')}
              data-testid="report-description"
            />
          </Form.Item>
          <Form.Item name="title" label={t('ops.report.titleField')}>
            <Input maxLength={100} placeholder={t('ops.report.titlePlaceholder')} data-testid="report-title" />
          </Form.Item>
          <Form.Item name="address" label={t('ops.report.address')}>
            <Input maxLength={200} placeholder={t('ops.report.addressPlaceholder')} data-testid="report-address" />
          </Form.Item>
          <Form.Item label={t('ops.report.location')}>
            <LocationPicker value={location} onChange={setLocation} />
          </Form.Item>
          <Form.Item name="name" label={t('ops.report.name')}>
            <Input
              maxLength={50}
              autoComplete="name"
              placeholder={t('ops.report.namePlaceholder')}
              data-testid="report-name"
            />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('ops.report.phone')}
            required
            extra={t('ops.report.phoneHint')}
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  if (!v || !v.trim()) throw new Error(t('ops.report.phoneRequired'));
                  if (!MOBILE_RE.test(cleanPhone(v))) throw new Error(t('ops.report.phoneInvalid'));
                },
              },
            ]}
          >
            <Input
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder={t('ops.report.phonePlaceholder')}
              data-testid="report-phone"
            />
          </Form.Item>
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="report-error" />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={busy}
            icon={<SendOutlined />}
            className="cz-submit"
            data-testid="report-submit"
          >
            {t('ops.report.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            {t('ops.report.privacy')}
          </Typography.Paragraph>
        </Form>
      </Card>
    </PublicShell>
  );
}
