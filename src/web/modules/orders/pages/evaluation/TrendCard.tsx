/** The 12-month trend of the rates for the street or one unit. */
import { useMemo } from 'react';
import { Card, Select } from 'antd';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { useLoad } from '../../../../components/useLoad';
import { EChart } from '../../../../components/charts/EChart';
import { trendOption } from './charts';
import { type MetricsRow, type Trend } from '../../../../../modules/orders/contract';

interface Props {
  month: string;
  units: MetricsRow[];
  unitId: string | null;
  onUnit: (unitId: string | null) => void;
  tick: number;
}

const STREET = '__street__';

export function TrendCard({ month, units, unitId, onUnit, tick }: Props) {
  const t = useT();
  const trend = useLoad(
    (signal) =>
      api.get<Trend>('/api/orders/metrics/trend', { month, months: 12, unitId: unitId ?? undefined }, { signal }),
    [month, unitId, tick],
  );
  const option = useMemo(() => trendOption(trend.data?.months ?? [], t), [trend.data, t]);
  const empty =
    !trend.loading && !(trend.data?.months ?? []).some((m) => m.dispatched || m.closed || m.visited || m.completed);
  const options = [
    { value: STREET, label: t('ops.eval.street') },
    ...[...units]
      .filter((u) => u.unitId)
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'))
      .map((u) => ({ value: u.unitId as string, label: u.unitName })),
  ];
  return (
    <Card
      title={t('ops.eval.trend')}
      extra={
        <Select
          value={unitId ?? STREET}
          onChange={(v: string) => onUnit(v === STREET ? null : v)}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          data-testid="eval-trend-unit"
        />
      }
    >
      <EChart option={option} height={340} testId="eval-trend-chart" empty={empty} emptyText={t('ops.eval.noData')} />
    </Card>
  );
}
