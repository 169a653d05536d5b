/**
 * 航班: planned and flown flights (state, dock, route, times, outcome in words) filtered by state,
 * dock and time; for pilots (drones.fly) 安排航班 and, per flight, 取消 before take-off, 暂停 /
 * 继续 / 返航 in the air. The list follows the platform's stream.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { fmtTime } from '../../../../format';
import { useI18n } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { FLIGHT_STATE_LIST } from '../../../../../modules/drones/missions/missions.contract';
import type { DeviceView, RouteView } from '../../components/dronesApi';
import { flightsApi, type FlightView } from './flightsApi';
import { AIRBORNE, FINISHED, flightStateText, kindText, reasonIn, scenarioText, STATE_COLORS } from './flightLabels';
import { PlanFlightModal } from './PlanFlightModal';
import { useFlightEvents } from './useFlightEvents';

const DAY = 86_400_000;

export function FlightsTab(props: {
  canFly: boolean;
  routes: RouteView[];
  docks: DeviceView[];
  planRouteId: string | null;
  onPlanClosed: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [state, setState] = useState<string | undefined>();
  const [dockSn, setDockSn] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    dayjs().subtract(7, 'day').startOf('day'),
    dayjs().add(8, 'day').startOf('day'),
  ]);
  const [planning, setPlanning] = useState(props.planRouteId !== null);
  const list = useLoad(
    (signal) => flightsApi.list({ state, dockSn, from: range[0].valueOf(), to: range[1].valueOf() + DAY }, signal),
    [state, dockSn, range],
  );
  useFlightEvents(list.reload);
  const routeName = useMemo(() => new Map(props.routes.map((r) => [r.id, r.name])), [props.routes]);
  const dockName = useMemo(() => new Map(props.docks.map((d) => [d.sn, d.name])), [props.docks]);

  const command = async (f: FlightView, action: 'cancel' | 'pause' | 'resume') => {
    try {
      await flightsApi.command(f.id, action);
      const label =
        action === 'cancel' && AIRBORNE.has(f.state) ? t('flights.action.returnHome') : t(`flights.action.${action}`);
      message.success(t('flights.action.done', { action: label }));
      list.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<FlightView> = [
    {
      title: t('flights.col.name'),
      dataIndex: 'name',
      width: 220,
      render: (v: string, f) => (
        <div>
          <Typography.Text strong data-testid={`flight-name-${f.id}`}>
            {v}
          </Typography.Text>
          <div>
            <Tag>{kindText(t, f.kind)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {scenarioText(t, f.scenario)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('flights.col.state'),
      dataIndex: 'state',
      width: 110,
      render: (s: FlightView['state'], f) => (
        <Tag color={STATE_COLORS[s]} data-testid={`flight-state-${f.id}`} data-state={s}>
          {flightStateText(t, s)}
        </Tag>
      ),
    },
    { title: t('flights.col.dock'), dataIndex: 'dockSn', width: 150, render: (sn: string) => dockName.get(sn) ?? sn },
    {
      title: t('flights.col.route'),
      dataIndex: 'routeId',
      width: 160,
      render: (id: string) => routeName.get(id) ?? <Typography.Text type="secondary">{id}</Typography.Text>,
    },
    { title: t('flights.col.time'), dataIndex: 'executeAt', width: 140, render: (v: number) => fmtTime(v) },
    { title: t('flights.col.finished'), dataIndex: 'finishedAt', width: 140, render: (v: number | null) => fmtTime(v) },
    {
      title: t('flights.col.progress'),
      width: 110,
      render: (_, f) =>
        f.percent !== null ? (
          <Progress percent={Math.round(f.percent)} size="small" />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('flights.col.outcome'),
      dataIndex: 'reason',
      render: (v: string | null, f) => (
        <span data-testid={`flight-reason-${f.id}`}>
          {v ? reasonIn(lang, v) : '—'}
          {f.orderId ? (
            <div>
              <Link to={`/orders/${encodeURIComponent(f.orderId)}`}>{t('flights.col.order')}</Link>
            </div>
          ) : null}
        </span>
      ),
    },
    ...(props.canFly
      ? [
          {
            title: t('common.actions'),
            width: 190,
            render: (_: unknown, f: FlightView) =>
              FINISHED.has(f.state) ? null : (
                <Space size={0} wrap>
                  {f.state === 'in_progress' ? (
                    <Button
                      size="small"
                      type="link"
                      icon={<PauseCircleOutlined />}
                      onClick={() => command(f, 'pause')}
                      data-testid={`flight-pause-${f.id}`}
                    >
                      {t('flights.action.pause')}
                    </Button>
                  ) : null}
                  {f.state === 'paused' ? (
                    <Button
                      size="small"
                      type="link"
                      icon={<PlayCircleOutlined />}
                      onClick={() => command(f, 'resume')}
                      data-testid={`flight-resume-${f.id}`}
                    >
                      {t('flights.action.resume')}
                    </Button>
                  ) : null}
                  {AIRBORNE.has(f.state) ? (
                    <Popconfirm
                      title={t('flights.returnHome.confirm', { name: f.name })}
                      onConfirm={() => command(f, 'cancel')}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger
                        icon={<RollbackOutlined />}
                        data-testid={`flight-home-${f.id}`}
                      >
                        {t('flights.action.returnHome')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Popconfirm
                      title={t('flights.cancel.confirm', { name: f.name })}
                      onConfirm={() => command(f, 'cancel')}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger
                        icon={<StopOutlined />}
                        data-testid={`flight-cancel-${f.id}`}
                      >
                        {t('flights.action.cancel')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Space wrap>
          <Select
            allowClear
            placeholder={t('flights.filter.state')}
            style={{ width: 140 }}
            value={state}
            onChange={setState}
            options={FLIGHT_STATE_LIST.map((s) => ({ value: s, label: flightStateText(t, s) }))}
            data-testid="flights-filter-state"
          />
          <Select
            allowClear
            placeholder={t('flights.filter.allDocks')}
            style={{ width: 200 }}
            value={dockSn}
            onChange={setDockSn}
            options={props.docks.map((d) => ({ value: d.sn, label: d.name }))}
            data-testid="flights-filter-dock"
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0].startOf('day'), v[1].startOf('day')])}
          />
        </Space>
        {props.canFly ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="flights-plan">
            {t('flights.action.plan')}
          </Button>
        ) : null}
      </Flex>
      <Card size="small">
        <Table<FlightView>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1300 }}
          data-testid="flights-table"
          onRow={(f) => ({ 'data-testid': `flight-row-${f.id}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      {props.canFly ? (
        <PlanFlightModal
          open={planning}
          routes={props.routes}
          docks={props.docks}
          routeId={props.planRouteId}
          onClose={() => {
            setPlanning(false);
            props.onPlanClosed();
          }}
          onPlanned={(f) => {
            setPlanning(false);
            props.onPlanClosed();
            message.success(t('flights.plan.done', { name: f.name }));
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
