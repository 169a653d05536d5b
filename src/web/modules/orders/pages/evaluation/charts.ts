/** ECharts options of the evaluation page (pure: data and labels in, option out). */
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../../../../components/charts/echarts';
import type { TFunction } from '../../../../i18n';
import { INDICATOR_LABELS } from './format';
import { INDICATOR_KEYS, type MetricsRow, type TrendPoint } from '../../../../../modules/orders/contract';

/** How many units the score chart shows at once (scroll for the rest). */
export const SCORE_WINDOW = 12;

/** Units by score, best on top (horizontal bars: unit names stay readable), the average as a line. */
export function scoreOption(rows: MetricsRow[], t: TFunction): EChartsCoreOption {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const avg = scored.length ? scored.reduce((s, r) => s + (r.score ?? 0), 0) / scored.length : 0;
  const band = (s: number) => (s >= 90 ? '#52c41a' : s >= 80 ? CHART_COLORS.primary : s >= 60 ? '#fa8c16' : '#f5222d');
  const zoom = scored.length > SCORE_WINDOW;
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v)),
    },
    grid: { left: 8, right: zoom ? 60 : 44, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: scored.map((r) => r.unitName),
      axisLabel: { width: 130, overflow: 'truncate' },
      axisTick: { show: false },
    },
    dataZoom: zoom
      ? [
          {
            type: 'inside',
            yAxisIndex: 0,
            startValue: 0,
            endValue: SCORE_WINDOW - 1,
            zoomOnMouseWheel: false,
            moveOnMouseWheel: true,
          },
          {
            type: 'slider',
            yAxisIndex: 0,
            width: 12,
            right: 6,
            startValue: 0,
            endValue: SCORE_WINDOW - 1,
            showDetail: false,
            brushSelect: false,
          },
        ]
      : [],
    series: [
      {
        name: t('ops.eval.score'),
        type: 'bar',
        barMaxWidth: 16,
        data: scored.map((r) => ({
          value: r.score,
          itemStyle: { color: band(r.score ?? 0), borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: number }) => p.value.toFixed(1) },
        markLine: scored.length
          ? {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#8c8c8c' },
              label: { show: false },
              tooltip: { show: false },
              data: [{ xAxis: Math.round(avg * 100) / 100 }],
            }
          : undefined,
      },
    ],
  };
}

/** Twelve months of the rates (percent, left axis) and the dispatch volume (bars, right axis). */
export function trendOption(months: TrendPoint[], t: TFunction): EChartsCoreOption {
  const labels = months.map((m) => m.month);
  const rateSeries = INDICATOR_KEYS.map((k, i) => ({
    name: t(INDICATOR_LABELS[k]),
    type: 'line',
    smooth: true,
    symbolSize: 6,
    connectNulls: false,
    yAxisIndex: 0,
    itemStyle: { color: CHART_COLORS.series[i % CHART_COLORS.series.length] },
    lineStyle: k === 'return' || k === 'rework' ? { type: 'dashed' } : undefined,
    tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    data: months.map((m) => (m.rates[k] === null ? null : Math.round(m.rates[k]! * 1000) / 10)),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { type: 'dashed' } },
      },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('ops.eval.dispatched'),
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 18,
        itemStyle: { color: 'rgba(22,104,220,0.15)', borderRadius: [3, 3, 0, 0] },
        data: months.map((m) => m.dispatched),
      },
      ...rateSeries,
    ],
  };
}
