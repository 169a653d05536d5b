/**
 * 查询进度 (/track, no login): the 工单号 and the phone number given when reporting unlock the
 * order's progress, its unit and — once answered — the reply. A merged order shows its main order.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useLocation, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../../../api';
import { useI18n } from '../../../../i18n';
import { PublicShell } from './PublicShell';
import { TrackResultCard } from './TrackResultCard';
import type { TrackResult } from './trackSteps';

interface Values {
  number: string;
  phone: string;
}

export default function TrackPage() {
  const { t } = useI18n();
  const location = useLocation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TrackResult | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const query = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      // POST: the phone and number stay out of the address bar, history and access logs
      const r = await api.post<TrackResult>('/api/public/orders/track', {
        number: v.number.trim().toUpperCase(),
        phone: v.phone.replace(/\s+/g, ''),
      });
      setResult(r);
      setTimeout(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError) {
        setError(
          e.status === 404
            ? t('ops.track.notFound')
            : e.status === 0
              ? t('error.network')
              : e.status === 429
                ? t('ops.cz.rateLimited')
                : e.message,
        );
      } else setError(t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  // Arriving from the report page (number and phone in the router state) or a link with ?number=.
  useEffect(() => {
    const st = (location.state ?? null) as Partial<Values> | null;
    const number = st?.number ?? params.get('number') ?? '';
    const phone = st?.phone ?? '';
    if (number) form.setFieldsValue({ number, phone });
    if (number && phone) void query({ number, phone });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <PublicShell title={t('ops.track.title')} subtitle={t('ops.track.subtitle')}>
      <Card className="cz-card" style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={query}
          // a refused entry never leaves an earlier answer on screen as if it were this one's
          onFinishFailed={() => setResult(null)}
          requiredMark={false}
          size="large"
          data-testid="track-form"
        >
          <Form.Item
            name="number"
            label={t('ops.track.number')}
            rules={[
              { required: true, whitespace: true, message: t('ops.track.numberRequired') },
              { pattern: /^\s*[A-Za-z0-9-]{5,30}\s*$/, message: t('ops.track.numberInvalid') },
            ]}
          >
            <Input
              placeholder="GC2026…"
              autoCapitalize="characters"
              autoComplete="off"
              maxLength={30}
              className="mono"
              data-testid="track-number"
            />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('ops.track.phone')}
            rules={[
              { required: true, whitespace: true, message: t('ops.report.phoneRequired') },
              { pattern: /^\s*[0-9+ -]{5,20}\s*$/, message: t('ops.report.phoneInvalid') },
            ]}
          >
            <Input
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              placeholder={t('ops.track.phonePlaceholder')}
              data-testid="track-phone"
            />
          </Form.Item>
          {error ? (
            <Alert type="warning" showIcon title={error} style={{ marginBottom: 16 }} data-testid="track-error" />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={busy}
            icon={<SearchOutlined />}
            className="cz-submit"
            data-testid="track-submit"
          >
            {t('ops.track.submit')}
          </Button>
        </Form>
      </Card>

      <div ref={resultRef}>
        {result ? (
          <TrackResultCard result={result} />
        ) : !error ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.track.hint')} />
        ) : null}
      </div>
    </PublicShell>
  );
}
