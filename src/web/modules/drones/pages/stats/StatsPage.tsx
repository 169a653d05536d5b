/**
 * 飞行统计: missions, sorties, flight hours and kilometres of the flights sent to docks in a period,
 * by dock, scenario, requesting unit or month (GET /api/drones/stats), as a chart and a table with
 * the total; docks and units are named from the device registry and the organisation directory.
 */
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Flex, Row, Segmented, Statistic, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayShanghai } from '../../../../format';
import { hasKey, useT } from '../../../../i18n';
import { EChart } from '../../../../components/charts/EChart';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { useOrgs } from '../../../../components/useRefData';
import { STATS_KEYS } from '../../../../../modules/drones/stats/stats.contract';
import { dronesApi, missionsApi, type StatsView } from '../../components/dronesApi';
import { shanghaiMidnight } from '../media/mediaFilter';
import { statsOption } from './statsChart';

type By = StatsView['by'];
type StatRow = StatsView['rows'][number];

export default function StatsPage() {
  const t = useT();
  const [by, setBy] = useState<By>('dock');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs(todayShanghai()); // Shanghai's month, whatever the browser's zone
    return [today.subtract(11, 'month').startOf('month'), today];
  });
  const from = shanghaiMidnight(range[0].startOf('month').format('YYYY-MM-DD'));
  const to = shanghaiMidnight(range[1].endOf('month').add(1, 'day').format('YYYY-MM-DD'));
  const stats = useLoad((signal) => missionsApi.stats({ by, from, to }, signal), [by, from, to]);
  const devices = useLoad((signal) => dronesApi.devices(signal), []);
  const { orgs } = useOrgs();

  const name = useMemo(() => {
    const docks = new Map((devices.data?.items ?? []).map((d) => [d.sn, d.name]));
    const units = new Map(orgs.map((o) => [o.id, o.name]));
    return (key: string): string => {
      if (by === 'dock') return docks.get(key) ?? key;
      if (by === 'org') return key === '' ? t('drones.stats.noOrg') : (units.get(key) ?? key);
      if (by === 'scenario') {
        const k = `drones.scenario.${key}`;
        return hasKey(k) ? t(k) : key;
      }
      return key;
    };
  }, [by, devices.data, orgs, t]);

  const rows = stats.data?.rows ?? [];
  const total = stats.data?.total;
  const option = useMemo(
    () =>
      statsOption(
        rows,
        rows.map((r) => name(r.key)),
        {
          missions: t('drones.stats.missions'),
          sorties: t('drones.stats.sorties'),
          hours: t('drones.stats.hours'),
          km: t('drones.stats.km'),
        },
      ),
    [rows, name, t],
  );

  const num = (v: number) => v.toLocaleString('zh-CN');
  const columns: TableColumnsType<StatRow> = [
    { title: t(`drones.stats.by.${by}`), dataIndex: 'key', render: (k: string) => name(k) },
    {
      title: t('drones.stats.missions'),
      dataIndex: 'missions',
      align: 'right',
      render: num,
      sorter: (a, b) => a.missions - b.missions,
    },
    {
      title: t('drones.stats.sorties'),
      dataIndex: 'sorties',
      align: 'right',
      render: num,
      sorter: (a, b) => a.sorties - b.sorties,
    },
    {
      title: t('drones.stats.hours'),
      dataIndex: 'hours',
      align: 'right',
      render: num,
      sorter: (a, b) => a.hours - b.hours,
    },
    { title: t('drones.stats.km'), dataIndex: 'km', align: 'right', render: num, sorter: (a, b) => a.km - b.km },
    { title: t('drones.stats.ok'), dataIndex: 'ok', align: 'right', render: num },
    { title: t('drones.stats.failed'), dataIndex: 'failed', align: 'right', render: num },
  ];

  return (
    <div data-testid="drones-stats">
      <PageHeader
        title={t('drones.stats.title')}
        hint={t('drones.stats.hint')}
        extra={
          <Flex gap={8} wrap>
            <Segmented<By>
              value={by}
              onChange={setBy}
              options={STATS_KEYS.map((k) => ({ value: k, label: t(`drones.stats.by.${k}`) }))}
              data-testid="stats-by"
            />
            <DatePicker.RangePicker
              picker="month"
              value={range}
              allowClear={false}
              onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
              placeholder={[t('drones.stats.range'), t('drones.stats.range')]}
            />
          </Flex>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {(['missions', 'sorties', 'hours', 'km'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small" data-testid={`stats-total-${k}`}>
              <Statistic title={t(`drones.stats.${k}`)} value={total?.[k] ?? 0} loading={stats.loading && !total} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginBottom: 12 }}>
        <EChart
          option={option}
          height={340}
          testId="stats-chart"
          empty={!stats.loading && rows.length === 0}
          emptyText={t('drones.stats.empty')}
        />
      </Card>
      <Card size="small">
        <Table<StatRow>
          rowKey="key"
          size="small"
          loading={stats.loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          data-testid="stats-table"
          summary={() =>
            total ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <b>{t('drones.stats.total')}</b>
                </Table.Summary.Cell>
                {(['missions', 'sorties', 'hours', 'km', 'ok', 'failed'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    <b>{num(total[k])}</b>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </div>
  );
}
