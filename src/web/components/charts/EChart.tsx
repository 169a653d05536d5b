/**
 * One ECharts chart as a React component. The library loads lazily (loadECharts); the option is
 * applied whole on every change (notMerge), and the chart follows its container's size.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Empty, Spin, Typography } from 'antd';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { loadECharts } from './echarts';
import { useT } from '../../i18n';

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesName?: string;
  data?: unknown;
}

interface Props {
  option: EChartsCoreOption;
  height?: number | string;
  testId?: string;
  /** Show an empty state instead of the chart (no data to draw). */
  empty?: boolean;
  emptyText?: string;
  onClick?: (p: ChartClick) => void;
  style?: CSSProperties;
}

export function EChart({ option, height = 320, testId, empty, emptyText, onClick, style }: Props) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  // Create once the library is there (and the container exists: not while showing "empty").
  useEffect(() => {
    if (empty) return;
    let disposed = false;
    let ro: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (disposed || !el.current) return;
        const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
        c.on('click', (p) => {
          const e = p as unknown as ChartClick;
          clickRef.current?.({ name: e.name, dataIndex: e.dataIndex, seriesName: e.seriesName, data: e.data });
        });
        chart.current = c;
        ro = new ResizeObserver(() => c.resize());
        ro.observe(el.current);
        setReady(true);
      })
      .catch((e: unknown) => setFailed((e as Error)?.message || 'echarts'));
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, [empty]);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  if (empty) {
    return (
      <div
        style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center', ...style }}
        data-testid={testId}
      >
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('ops.chart.empty')} />
      </div>
    );
  }
  return (
    <div style={{ position: 'relative', height, ...style }} data-testid={testId}>
      <div ref={el} style={{ position: 'absolute', inset: 0, cursor: onClick ? 'pointer' : undefined }} />
      {failed ? (
        <div
          style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          <Typography.Text type="danger">{t('ops.chart.failed')}</Typography.Text>
        </div>
      ) : !ready ? (
        <div
          style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        >
          <Spin />
        </div>
      ) : null}
    </div>
  );
}
