/**
 * 督办看板: the open orders past or near their deadline and those under supervision, by unit —
 * counts per unit (chart), one-click 催办 / 督办 per order, and the latest notices sent.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Input,
  Row,
  Segmented,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import {
  ClockCircleOutlined,
  FieldTimeOutlined,
  ReloadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { EChartsCoreOption } from 'echarts/core';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { EChart } from '../../../../components/charts/EChart';
import { CHART_COLORS } from '../../../../components/charts/echarts';
import { groupByUnit, loadBoard, matches, matchesText, type BoardFilter, type UnitGroup } from './boardData';
import { NoticesCard } from './NoticesCard';
import { SuperviseModal } from './SuperviseModal';
import { SupervisionTag } from './orderBits';
import { UnitOrdersTable } from './UnitOrdersTable';
import { OVERSIGHT_ROLES } from './roles';
import { type OrderView } from '../../../../../modules/orders/contract';
import './ops.css';

const REFRESH_MS = 60_000;
const CHART_UNITS = 12;

function StatCard({
  title,
  value,
  color,
  icon,
  testId,
}: {
  title: string;
  value: number;
  color: string;
  icon: React.ReactNode;
  testId: string;
}) {
  return (
    <Card className="ops-stat-card ops-stat-accent" style={{ ['--ops-accent' as string]: color }} data-testid={testId}>
      <Statistic
        title={title}
        value={value}
        prefix={<span style={{ color, marginRight: 4 }}>{icon}</span>}
        styles={{ content: { color } }}
      />
    </Card>
  );
}

export default function SupervisionPage() {
  const t = useT();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const board = useLoad(loadBoard, []);
  const { reload } = board;
  const [tick, setTick] = useState(0);
  const [filter, setFilter] = useState<BoardFilter>('all');
  const [q, setQ] = useState('');
  const [unitKey, setUnitKey] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [busyId, setBusyId] = useState<string | null>(null);
  const [supervising, setSupervising] = useState<OrderView | null>(null);
  const canAct = !!me?.user.roles.some((r) => OVERSIGHT_ROLES.includes(r));
  const [loadedAt, setLoadedAt] = useState(Date.now());

  useEffect(() => {
    const id = setInterval(() => {
      reload();
      setTick((n) => n + 1);
    }, REFRESH_MS);
    return () => clearInterval(id);
  }, [reload]);
  useEffect(() => {
    if (board.data) setLoadedAt(Date.now());
  }, [board.data]);

  const refresh = () => {
    reload();
    setTick((n) => n + 1);
  };

  const all = board.data?.orders ?? [];
  const allGroups = useMemo(() => groupByUnit(all), [all]);
  const shown = useMemo(() => all.filter((o) => matches(o, filter) && matchesText(o, q)), [all, filter, q]);
  const groups = useMemo(() => groupByUnit(shown).filter((g) => !unitKey || g.key === unitKey), [shown, unitKey]);
  const counts = useMemo(
    () => ({
      overdue: all.filter((o) => o.slaStatus === 'overdue').length,
      dueSoon: all.filter((o) => o.slaStatus === 'due_soon').length,
      supervised: all.filter((o) => o.supervisionLevel > 0).length,
      units: allGroups.length,
    }),
    [all, allGroups],
  );

  const chartGroups = useMemo(
    () =>
      [...allGroups]
        .sort((a, b) => b.overdue + b.dueSoon - (a.overdue + a.dueSoon) || b.supervised - a.supervised)
        .slice(0, CHART_UNITS),
    [allGroups],
  );
  const option = useMemo<EChartsCoreOption>(() => {
    const names = chartGroups.map((g) => g.unitName ?? t('ops.sup.noUnit')).reverse();
    const series = (name: string, color: string, pick: (g: UnitGroup) => number, stack: string) => ({
      name,
      type: 'bar',
      stack,
      barMaxWidth: 16,
      itemStyle: { color, borderRadius: 2 },
      emphasis: { focus: 'series' },
      data: chartGroups.map(pick).reverse(),
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10 },
      grid: { left: 8, right: 24, top: 28, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      yAxis: {
        type: 'category',
        data: names,
        axisLabel: { width: 150, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        series(t('ops.sup.overdue'), CHART_COLORS.overdue, (g) => g.overdue, 'sla'),
        series(t('ops.sup.dueSoon'), CHART_COLORS.dueSoon, (g) => g.dueSoon, 'sla'),
        series(t('ops.sup.supervised'), CHART_COLORS.supervised, (g) => g.supervised, 'sup'),
      ],
    };
  }, [chartGroups, t]);

  const urge = async (o: OrderView) => {
    setBusyId(o.id);
    try {
      await api.post(`/api/orders/${encodeURIComponent(o.id)}/actions`, { type: 'urge' });
      message.success(t('ops.sup.urged', { number: o.number }));
      reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusyId(null);
    }
  };

  const chartHeight = Math.max(260, chartGroups.length * 30 + 48);

  return (
    <div data-testid="supervision-page">
      <PageHeader
        title={t('nav.ops.supervision')}
        hint={t('ops.sup.hint')}
        extra={
          <>
            <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
              {t('ops.updatedAt', { time: fmtTime(loadedAt) })}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={refresh} loading={board.loading} data-testid="sup-refresh">
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {!canAct ? <Alert type="info" showIcon title={t('ops.sup.readOnly')} style={{ marginBottom: 16 }} /> : null}
      {board.data?.truncated ? (
        <Alert type="warning" showIcon title={t('ops.sup.truncated')} style={{ marginBottom: 16 }} />
      ) : null}

      <Row gutter={[16, 16]} className="ops-card-gap">
        <Col xs={12} md={6}>
          <StatCard
            title={t('ops.sup.overdue')}
            value={counts.overdue}
            color={CHART_COLORS.overdue}
            icon={<ClockCircleOutlined />}
            testId="sup-count-overdue"
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('ops.sup.dueSoon')}
            value={counts.dueSoon}
            color={CHART_COLORS.dueSoon}
            icon={<FieldTimeOutlined />}
            testId="sup-count-due-soon"
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('ops.sup.supervised')}
            value={counts.supervised}
            color={CHART_COLORS.supervised}
            icon={<SafetyCertificateOutlined />}
            testId="sup-count-supervised"
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('ops.sup.units')}
            value={counts.units}
            color={CHART_COLORS.primary}
            icon={<TeamOutlined />}
            testId="sup-count-units"
          />
        </Col>
      </Row>

      <Row gutter={[16, 16]} className="ops-card-gap">
        <Col xs={24} xl={15}>
          <Card
            title={t('ops.sup.byUnit')}
            extra={<Typography.Text type="secondary">{t('ops.sup.chartHint')}</Typography.Text>}
          >
            <EChart
              option={option}
              height={chartHeight}
              testId="sup-chart"
              empty={!board.loading && chartGroups.length === 0}
              emptyText={t('ops.sup.allClear')}
              onClick={(p) => {
                const g = chartGroups[chartGroups.length - 1 - p.dataIndex];
                if (g) setUnitKey((k) => (k === g.key ? null : g.key));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {can('notifications.read') ? <NoticesCard height={chartHeight} tick={tick} /> : null}
        </Col>
      </Row>

      <Card
        title={t('ops.sup.list')}
        loading={board.loading && !board.data}
        extra={
          <Space wrap>
            <Segmented<BoardFilter>
              value={filter}
              onChange={setFilter}
              data-testid="sup-filter"
              options={[
                { value: 'all', label: t('ops.sup.filter.all', { n: all.length }) },
                { value: 'overdue', label: t('ops.sup.filter.overdue', { n: counts.overdue }) },
                { value: 'due_soon', label: t('ops.sup.filter.dueSoon', { n: counts.dueSoon }) },
                { value: 'supervised', label: t('ops.sup.filter.supervised', { n: counts.supervised }) },
              ]}
            />
            <Input.Search
              allowClear
              placeholder={t('ops.sup.search')}
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
              style={{ width: 220 }}
              data-testid="sup-search"
            />
          </Space>
        }
      >
        {unitKey ? (
          <Tag closable color="blue" onClose={() => setUnitKey(null)} style={{ marginBottom: 12 }}>
            {t('ops.sup.unitFilter', {
              unit: allGroups.find((g) => g.key === unitKey)?.unitName ?? t('ops.sup.noUnit'),
            })}
          </Tag>
        ) : null}
        {groups.length === 0 ? (
          <Empty description={all.length === 0 ? t('ops.sup.allClear') : t('ops.sup.noMatch')} />
        ) : (
          <Collapse
            activeKey={groups.filter((g) => !collapsed.has(g.key)).map((g) => g.key)}
            onChange={(keys) => {
              const open = new Set(Array.isArray(keys) ? keys : [keys]);
              setCollapsed(new Set(groups.filter((g) => !open.has(g.key)).map((g) => g.key)));
            }}
            items={groups.map((g) => ({
              key: g.key,
              label: (
                <div className="ops-unit-header" data-testid={`sup-unit-${g.unitId ?? 'none'}`}>
                  <span className="ops-unit-name">{g.unitName ?? t('ops.sup.noUnit')}</span>
                  <Badge count={g.orders.length} color="#1668dc" showZero overflowCount={999} />
                  {g.overdue ? <Tag color="error">{t('ops.sup.overdueN', { n: g.overdue })}</Tag> : null}
                  {g.dueSoon ? <Tag color="warning">{t('ops.sup.dueSoonN', { n: g.dueSoon })}</Tag> : null}
                  {g.supervised ? <Tag color="purple">{t('ops.sup.supervisedN', { n: g.supervised })}</Tag> : null}
                  {g.maxLevel ? <SupervisionTag level={g.maxLevel} /> : null}
                </div>
              ),
              children: (
                <UnitOrdersTable
                  orders={g.orders}
                  canAct={canAct}
                  busyId={busyId}
                  onUrge={urge}
                  onSupervise={setSupervising}
                />
              ),
            }))}
          />
        )}
      </Card>

      <SuperviseModal
        order={supervising}
        onClose={() => setSupervising(null)}
        onDone={(o) => {
          message.success(t('ops.sup.supervisedDone', { number: o.number }));
          setSupervising(null);
          refresh();
        }}
      />
    </div>
  );
}
