/**
 * The home page's 本月考核 for leaders: the street's figures of the month so far (GET /api/orders/metrics)
 * and the units at the top and the bottom of the ranking, with a link to the evaluation page.
 */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLoad } from '../../components/useLoad';
import { type MetricsReport, type MetricsRow } from '../../../modules/orders/contract';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

export function MetricsOverview() {
  const t = useT();
  const report = useLoad((signal) => api.get<MetricsReport>('/api/orders/metrics', undefined, { signal }), []);
  const data = report.data;
  const total = data?.total;
  const ranked = (data?.units ?? [])
    .filter((u): u is MetricsRow & { rank: number } => u.rank !== null)
    .sort((a, b) => a.rank - b.rank);
  const names = (rows: MetricsRow[]) =>
    rows.map((u) => `${u.unitName} ${u.score?.toFixed(1) ?? '—'}`).join(' · ') || '—';
  const figures = [
    { key: 'dispatched', title: t('ops.eval.kpi.dispatched'), value: total?.dispatched ?? '—' },
    { key: 'sign', title: t('ops.eval.signOnTime'), value: pct(total?.rates.signOnTime) },
    { key: 'ontime', title: t('ops.eval.onTimeCompletion'), value: pct(total?.rates.onTimeCompletion) },
    { key: 'satisfaction', title: t('ops.eval.satisfaction'), value: pct(total?.rates.satisfaction) },
    { key: 'overdue', title: t('ops.eval.overdue'), value: total?.overdue ?? '—' },
  ];
  return (
    <Card
      title={data ? `${t('home.metrics')} · ${data.period.label}` : t('home.metrics')}
      extra={<Link to="/evaluation">{t('home.metrics.more')}</Link>}
      data-testid="home-metrics"
      loading={report.loading && !data}
    >
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col xs={12} md={8} xl={4} key={f.key}>
            <Statistic title={f.title} value={f.value} data-testid={`home-metric-${f.key}`} />
          </Col>
        ))}
      </Row>
      {ranked.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('home.metrics.top')}: {names(ranked.slice(0, 3))}
          <br />
          {t('home.metrics.bottom')}: {names(ranked.slice(-3).reverse())}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
