/**
 * 航班日历 (/drones/calendar): one week (Monday to Sunday, Beijing time) across the docks — a row
 * per dock (and one for schedules flying the best dock), a column per day; each entry is a flight
 * (its state), a schedule's coming take-off, or one that was skipped (the reason on hover).
 */
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { fmtDate, fmtTime } from '../../../../format';
import { useI18n } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { flightsApi, type CalendarEntry } from '../flights/flightsApi';
import { flightStateText, reasonIn, STATE_COLORS } from '../flights/flightLabels';
import { useFlightEvents } from '../flights/useFlightEvents';

const H = 3600_000;
const DAY = 24 * H;
const SHANGHAI = 8 * H;
const BEST = '__best__';

/** Monday 00:00 in Shanghai of the week holding `ms`. */
export function weekStart(ms: number): number {
  const local = ms + SHANGHAI;
  const day = new Date(local).getUTCDay(); // 0 Sunday
  const midnight = local - (local % DAY);
  return midnight - ((day + 6) % 7) * DAY - SHANGHAI;
}

const hhmm = (ms: number) => fmtTime(ms).slice(11);

interface Row {
  key: string;
  name: string;
  online: boolean | null;
  days: CalendarEntry[][];
}

export default function CalendarPage() {
  const { t, lang } = useI18n();
  const [start, setStart] = useState(() => weekStart(Date.now()));
  const [dockSn, setDockSn] = useState<string | undefined>();
  const cal = useLoad(
    (signal) => flightsApi.calendar({ from: start, to: start + 7 * DAY, dockSn }, signal),
    [start, dockSn],
  );
  useFlightEvents(cal.reload);

  const rows = useMemo<Row[]>(() => {
    const data = cal.data;
    if (!data) return [];
    const byDock = new Map<string, Row>();
    for (const d of data.docks)
      if (!dockSn || d.sn === dockSn)
        byDock.set(d.sn, { key: d.sn, name: d.name, online: d.online, days: Array.from({ length: 7 }, () => []) });
    for (const i of data.items) {
      const key = i.dockSn ?? BEST;
      if (!byDock.has(key))
        byDock.set(key, {
          key,
          name: key === BEST ? t('flightCal.bestDock') : key,
          online: null,
          days: Array.from({ length: 7 }, () => []),
        });
      const day = Math.floor((i.start - start) / DAY);
      if (day >= 0 && day < 7) byDock.get(key)!.days[day].push(i);
    }
    return [...byDock.values()];
  }, [cal.data, dockSn, start, t]);

  const entry = (i: CalendarEntry) => {
    const label = `${hhmm(i.start)} ${i.name}`;
    if (i.kind === 'flight')
      return (
        <Tooltip
          key={i.id}
          title={`${flightStateText(t, i.state ?? '')} · ${fmtTime(i.start)}–${hhmm(i.end)}${i.reason ? ` · ${reasonIn(lang, i.reason)}` : ''}`}
        >
          <Tag
            color={i.state ? STATE_COLORS[i.state] : 'blue'}
            className="flight-cal-entry"
            data-testid={`cal-flight-${i.flightId}`}
            data-kind="flight"
          >
            {label}
          </Tag>
        </Tooltip>
      );
    if (i.kind === 'skipped')
      return (
        <Tooltip key={i.id} title={reasonIn(lang, i.reason)}>
          <Tag color="red" className="flight-cal-entry" data-kind="skipped" style={{ textDecoration: 'line-through' }}>
            {label}
          </Tag>
        </Tooltip>
      );
    return (
      <Tooltip key={i.id} title={t('flightCal.kind.occurrence')}>
        <Tag className="flight-cal-entry" data-kind="occurrence" style={{ borderStyle: 'dashed' }}>
          {label}
        </Tag>
      </Tooltip>
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('flightCal.dock'),
      dataIndex: 'name',
      width: 150,
      fixed: 'left',
      render: (v: string, r) => (
        <Space size={4}>
          {r.online !== null ? <span style={{ color: r.online ? '#52c41a' : '#8c8c8c' }}>●</span> : null}
          <Typography.Text strong={r.key !== BEST}>{v}</Typography.Text>
        </Space>
      ),
    },
    ...Array.from({ length: 7 }, (_, d) => ({
      title: `${t(`schedules.day.${(d + 1) % 7}` as 'schedules.day.0')} ${fmtDate(start + d * DAY).slice(5)}`,
      key: `d${d}`,
      width: 150,
      render: (_: unknown, r: Row) => (
        <Flex vertical gap={2} data-testid={`cal-cell-${r.key}-${d}`}>
          {r.days[d].map(entry)}
        </Flex>
      ),
    })),
  ];

  return (
    <div>
      <PageHeader
        title={t('flightCal.title')}
        hint={t('flightCal.hint')}
        extra={
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              onClick={() => setStart(start - 7 * DAY)}
              aria-label={t('flightCal.prev')}
              data-testid="cal-prev"
            />
            <Button onClick={() => setStart(weekStart(Date.now()))}>{t('flightCal.thisWeek')}</Button>
            <Button
              icon={<RightOutlined />}
              onClick={() => setStart(start + 7 * DAY)}
              aria-label={t('flightCal.next')}
              data-testid="cal-next"
            />
            <Typography.Text data-testid="cal-week">
              {t('flightCal.week', { from: fmtDate(start), to: fmtDate(start + 6 * DAY) })}
            </Typography.Text>
            <Select
              allowClear
              placeholder={t('flights.filter.allDocks')}
              style={{ width: 180 }}
              value={dockSn}
              onChange={setDockSn}
              options={(cal.data?.docks ?? []).map((d) => ({ value: d.sn, label: d.name }))}
              data-testid="cal-dock"
            />
          </Space>
        }
      />
      <Card size="small">
        <Space size={6} wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('flightCal.legend')}:</Typography.Text>
          <Tag color="blue">{flightStateText(t, 'planned')}</Tag>
          <Tag color="green">{flightStateText(t, 'ok')}</Tag>
          <Tag color="red">{flightStateText(t, 'failed')}</Tag>
          <Tag style={{ borderStyle: 'dashed' }}>{t('flightCal.kind.occurrence')}</Tag>
          <Tag color="red" style={{ textDecoration: 'line-through' }}>
            {t('flightCal.kind.skipped')}
          </Tag>
        </Space>
        {rows.length || cal.loading ? (
          <Table<Row>
            rowKey="key"
            size="small"
            bordered
            loading={cal.loading}
            dataSource={rows}
            columns={columns}
            pagination={false}
            scroll={{ x: 1250 }}
            data-testid="flights-calendar"
          />
        ) : (
          <Empty description={t('flightCal.empty')} />
        )}
      </Card>
    </div>
  );
}
