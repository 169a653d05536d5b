/** The statistics chart: missions and sorties as bars (left axis), hours and kilometres as lines (right axis). */
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_COLORS } from '../../../../components/charts/echarts';
import type { StatsView } from '../../components/dronesApi';

export interface ChartLabels {
  missions: string;
  sorties: string;
  hours: string;
  km: string;
}

export function statsOption(rows: StatsView['rows'], names: string[], l: ChartLabels): EChartsCoreOption {
  const [blue, cyan, green, gold] = CHART_COLORS.series;
  const many = names.length > 8;
  return {
    color: [blue, cyan, green, gold],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: many ? 72 : 40 },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: many ? 35 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', name: `${l.missions} / ${l.sorties}`, minInterval: 1 },
      { type: 'value', name: `${l.hours} / ${l.km}`, splitLine: { show: false } },
    ],
    dataZoom: names.length > 24 ? [{ type: 'slider', bottom: 8, height: 16 }] : [],
    series: [
      { name: l.missions, type: 'bar', data: rows.map((r) => r.missions), barMaxWidth: 28 },
      { name: l.sorties, type: 'bar', data: rows.map((r) => r.sorties), barMaxWidth: 28 },
      { name: l.hours, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.hours), smooth: true },
      { name: l.km, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.km), smooth: true },
    ],
  };
}
