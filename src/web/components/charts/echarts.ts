/**
 * ECharts on demand: the library (its own vendor chunk, see vite.config.ts) is fetched the first
 * time a chart mounts, with only the chart types and components our pages draw.
 */
import type * as Core from 'echarts/core';

export type EChartsCore = typeof Core;

let loading: Promise<EChartsCore> | null = null;

export function loadECharts(): Promise<EChartsCore> {
  loading ??= import('./echartsSetup')
    .then((m) => m.echarts as EChartsCore)
    .catch((e: unknown) => {
      loading = null; // a failed chunk load (network) may succeed on the next mount
      throw e;
    });
  return loading;
}

/** Colours shared by the charts so "overdue" etc. read the same on every page. */
export const CHART_COLORS = {
  primary: '#1668dc',
  overdue: '#f5222d',
  dueSoon: '#fa8c16',
  supervised: '#722ed1',
  good: '#52c41a',
  series: ['#1668dc', '#13c2c2', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#eb2f96', '#2f54eb'],
};
