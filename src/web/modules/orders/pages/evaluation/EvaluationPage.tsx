/**
 * 考核评价: the units' monthly figures and weighted scores — ranking table, score chart, 12-month
 * trend, the .xlsx monthly report, and the scoring rule (editable by admins).
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Row, Statistic, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined, SlidersOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useI18n } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { EChart } from '../../../../components/charts/EChart';
import { RankingTable } from './RankingTable';
import { TrendCard } from './TrendCard';
import { WeightsModal } from './WeightsModal';
import { scoreOption } from './charts';
import { currentMonth, hours, pct } from './format';
import { downloadFile } from './download';
import { type MetricsReport } from '../../../../../modules/orders/contract';
import '../supervision/ops.css';

export default function EvaluationPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const [month, setMonth] = useState(currentMonth);
  const [tick, setTick] = useState(0);
  const [trendUnit, setTrendUnit] = useState<string | null>(null);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const report = useLoad(
    (signal) => api.get<MetricsReport>('/api/orders/metrics', { month }, { signal }),
    [month, tick],
  );
  const data = report.data;
  // the server labels periods in Chinese (2026年3月); English shows the month key
  const periodLabel = data ? (lang === 'en' ? (data.period.month ?? data.period.label) : data.period.label) : '';
  const units = data?.units ?? [];
  const total = data?.total ?? null;
  const option = useMemo(() => scoreOption(units, t), [units, t]);
  const scored = units.filter((u) => u.score !== null);
  const avgScore = scored.length ? scored.reduce((s, u) => s + (u.score ?? 0), 0) / scored.length : null;

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(
        `/api/orders/metrics/report.xlsx?month=${encodeURIComponent(month)}`,
        t('ops.eval.reportFile', { month }),
      );
      message.success(t('ops.eval.downloaded'));
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  const maxMonth = dayjs(currentMonth() + '-01');
  return (
    <div data-testid="evaluation-page">
      <PageHeader
        title={t('nav.ops.evaluation')}
        hint={data ? t('ops.eval.hint', { period: periodLabel, time: fmtTime(data.asOf) }) : t('ops.eval.hintShort')}
        extra={
          <>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(month + '-01')}
              onChange={(d: Dayjs | null) => d && setMonth(d.format('YYYY-MM'))}
              disabledDate={(d) => d.isAfter(maxMonth, 'month')}
              data-testid="eval-month"
            />
            <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} loading={report.loading}>
              {t('common.refresh')}
            </Button>
            <Button icon={<SlidersOutlined />} onClick={() => setWeightsOpen(true)} data-testid="eval-weights">
              {can('orders.configure') ? t('ops.eval.weights.edit') : t('ops.eval.weights')}
            </Button>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              onClick={download}
              loading={downloading}
              data-testid="eval-download"
            >
              {t('ops.eval.download')}
            </Button>
          </>
        }
      />

      <Row gutter={[16, 16]} className="ops-card-gap">
        {[
          { key: 'units', title: t('ops.eval.kpi.units'), value: units.length },
          { key: 'dispatched', title: t('ops.eval.kpi.dispatched'), value: total?.dispatched ?? 0 },
          { key: 'sign', title: t('ops.eval.signOnTime'), value: pct(total?.rates.signOnTime) },
          { key: 'ontime', title: t('ops.eval.onTimeCompletion'), value: pct(total?.rates.onTimeCompletion) },
          { key: 'satisfaction', title: t('ops.eval.satisfaction'), value: pct(total?.rates.satisfaction) },
          {
            key: 'avg',
            title: t('ops.eval.kpi.avgScore'),
            value: avgScore === null ? '—' : avgScore.toFixed(1),
            extra: hours(total?.avgHandlingHours ?? null, t),
          },
        ].map((k) => (
          <Col xs={12} md={8} xl={4} key={k.key}>
            <Card className="ops-stat-card" loading={report.loading && !data} data-testid={`eval-kpi-${k.key}`}>
              <Statistic title={k.title} value={k.value} />
              {k.extra ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ops.eval.avgHandling')}: {k.extra}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>

      {data && units.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('ops.eval.emptyMonth', { period: periodLabel })}
          style={{ marginBottom: 16 }}
        />
      ) : null}

      <Card
        title={t('ops.eval.ranking')}
        className="ops-card-gap"
        extra={<Typography.Text type="secondary">{t('ops.eval.rankingHint')}</Typography.Text>}
      >
        <RankingTable
          rows={units}
          total={total}
          loading={report.loading}
          selectedUnitId={trendUnit}
          onSelect={(r) => setTrendUnit(r.unitId)}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title={t('ops.eval.scoreChart')}
            extra={
              avgScore === null ? null : (
                <Typography.Text type="secondary">{t('ops.eval.average', { n: avgScore.toFixed(1) })}</Typography.Text>
              )
            }
          >
            <EChart
              option={option}
              height={340}
              testId="eval-score-chart"
              empty={!report.loading && scored.length === 0}
              emptyText={t('ops.eval.noData')}
              onClick={(p) => {
                const u = units.find((x) => x.unitName === p.name);
                if (u) setTrendUnit(u.unitId);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <TrendCard month={month} units={units} unitId={trendUnit} onUnit={setTrendUnit} tick={tick} />
        </Col>
      </Row>

      <WeightsModal
        open={weightsOpen}
        editable={can('orders.configure')}
        onClose={() => setWeightsOpen(false)}
        onSaved={() => {
          setWeightsOpen(false);
          setTick((n) => n + 1);
        }}
      />
    </div>
  );
}
