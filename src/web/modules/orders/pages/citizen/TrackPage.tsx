/**
 * 查询进度 (/track, no login): the 工单号 and the phone number given when reporting unlock the
 * order's progress, its unit and — once answered — the reply. A merged order shows its main order.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useLocation, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../../../api';
import { useI18n } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PublicShell } from './PublicShell';
import { MILESTONES, milestoneOf, milestoneTimes, stepKey, type TrackResult } from './trackSteps';

interface Values {
  number: string;
  phone: string;
}

const STATE_COLOR: Record<string, string> = {
  pending_dispatch: 'gold',
  pending_sign: 'orange',
  handling: 'processing',
  pending_review: 'cyan',
  pending_visit: 'purple',
  closed: 'success',
  archived: 'success',
  cancelled: 'default',
  merged: 'default',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default function TrackPage() {
  const { t, lang } = useI18n();
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

  const current = result ? milestoneOf(result.state) : 0;
  const times = result ? milestoneTimes(result) : [];
  const cancelled = result?.state === 'cancelled';

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
          <Card className="cz-card" data-testid="track-result">
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <div
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  gap: 8,
                  alignItems: 'flex-start',
                  flexWrap: 'wrap',
                }}
              >
                <div>
                  <Typography.Text type="secondary">{t('ops.report.number')}</Typography.Text>
                  <div className="mono" style={{ fontSize: 18, fontWeight: 600 }}>
                    {result.number}
                  </div>
                </div>
                <Tag
                  color={STATE_COLOR[result.state] ?? 'default'}
                  style={{ fontSize: 15, padding: '4px 12px' }}
                  data-testid="track-state"
                >
                  {lang === 'en' ? capitalise(result.stateLabelEn) : result.stateLabel}
                </Tag>
              </div>
              {result.mainOrderNumber ? (
                <Alert
                  type="info"
                  showIcon
                  title={t('ops.track.merged', { main: result.mainOrderNumber })}
                  data-testid="track-merged"
                />
              ) : null}
              {cancelled ? <Alert type="warning" showIcon title={t('ops.track.cancelled')} /> : null}
              <Steps
                orientation="vertical"
                size="small"
                current={current}
                status={cancelled ? 'error' : current === 4 ? 'finish' : 'process'}
                items={MILESTONES.map((k, i) => ({
                  title: t(k),
                  content: times[i]
                    ? fmtTime(times[i])
                    : i === current && !cancelled && i < 4
                      ? t('ops.track.inProgress')
                      : undefined,
                }))}
                data-testid="track-steps"
              />
              <Descriptions
                size="small"
                column={1}
                bordered
                styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
                items={[
                  ...(result.title ? [{ key: 'title', label: t('ops.track.subject'), children: result.title }] : []),
                  ...(result.categoryPath
                    ? [{ key: 'category', label: t('ops.col.category'), children: result.categoryPath }]
                    : []),
                  {
                    key: 'unit',
                    label: t('ops.track.unit'),
                    children: (
                      <span data-testid="track-unit">
                        {result.unitName ?? (current >= 3 ? t('ops.track.unitCentre') : t('ops.track.unitPending'))}
                      </span>
                    ),
                  },
                  { key: 'created', label: t('ops.track.createdAt'), children: fmtTime(result.createdAt) },
                  ...(result.completionDeadline && !result.closedAt
                    ? [
                        {
                          key: 'deadline',
                          label: t('ops.track.deadline'),
                          children: fmtTime(result.completionDeadline),
                        },
                      ]
                    : []),
                  ...(result.closedAt
                    ? [{ key: 'closed', label: t('ops.track.closedAt'), children: fmtTime(result.closedAt) }]
                    : []),
                  ...(result.address
                    ? [{ key: 'address', label: t('ops.col.address'), children: result.address }]
                    : []),
                ]}
              />
              {result.reply ? (
                <div>
                  <Typography.Text strong>{t('ops.track.reply')}</Typography.Text>
                  <div className="cz-reply" style={{ marginTop: 6 }} data-testid="track-reply">
                    {result.reply}
                  </div>
                </div>
              ) : null}
              {result.progress?.length ? (
                <div>
                  <Typography.Text strong>{t('ops.track.history')}</Typography.Text>
                  <Timeline
                    style={{ marginTop: 12 }}
                    items={[...result.progress].reverse().map((p, i) => {
                      const k = stepKey(p.step);
                      return {
                        key: i,
                        color: i === 0 ? 'blue' : 'gray',
                        title: fmtTime(p.at),
                        content: k ? t(k) : p.step,
                      };
                    })}
                    data-testid="track-history"
                  />
                </div>
              ) : null}
            </Space>
          </Card>
        ) : !error ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ops.track.hint')} />
        ) : null}
      </div>
    </PublicShell>
  );
}
