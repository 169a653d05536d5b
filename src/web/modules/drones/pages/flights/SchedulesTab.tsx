/**
 * 定时计划: each schedule with its repeat in words, dates, dock, the next take-offs and the last
 * one skipped (with the reason); pilots (drones.fly) create, edit, switch on and off.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { fmtTime } from '../../../../format';
import { useI18n } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import type { DeviceView, RouteView } from '../../components/dronesApi';
import { flightsApi, type ScheduleView } from './flightsApi';
import { reasonIn, repeatText, scenarioText } from './flightLabels';
import { ScheduleModal } from './ScheduleModal';
import { useFlightEvents } from './useFlightEvents';

export function SchedulesTab(props: { canFly: boolean; routes: RouteView[]; docks: DeviceView[] }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const list = useLoad((signal) => flightsApi.schedules(signal), []);
  useFlightEvents(list.reload);
  const [editing, setEditing] = useState<ScheduleView | null | undefined>(undefined);
  const [toggling, setToggling] = useState<string | null>(null);
  const dockName = useMemo(() => new Map(props.docks.map((d) => [d.sn, d.name])), [props.docks]);

  const toggle = async (s: ScheduleView, enabled: boolean) => {
    setToggling(s.id);
    try {
      await flightsApi.updateSchedule(s.id, { enabled });
      message.success(enabled ? t('schedules.toggled.on') : t('schedules.toggled.off'));
      list.reload();
    } catch (e) {
      showError(e);
    } finally {
      setToggling(null);
    }
  };

  const columns: TableColumnsType<ScheduleView> = [
    {
      title: t('schedules.col.name'),
      dataIndex: 'name',
      width: 220,
      render: (v: string, s) => (
        <div data-testid={`schedule-row-name-${s.id}`}>
          <Typography.Text strong>{v}</Typography.Text>
          <div>
            <Tag>{scenarioText(t, s.scenario)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.routeName ?? s.routeId}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('schedules.col.repeat'),
      width: 190,
      render: (_, s) => <span data-testid={`schedule-repeat-${s.id}`}>{repeatText(t, s.cron)}</span>,
    },
    {
      title: t('flights.col.dock'),
      dataIndex: 'dockSn',
      width: 140,
      render: (sn: string | null) =>
        sn ? (dockName.get(sn) ?? sn) : <Tag color="purple">{t('schedules.bestDock')}</Tag>,
    },
    {
      title: t('schedules.col.dates'),
      width: 190,
      render: (_, s) => `${s.startDate} — ${s.endDate ?? t('schedules.noEnd')}`,
    },
    {
      title: t('schedules.col.next'),
      width: 170,
      render: (_, s) =>
        s.next.length ? (
          <Tooltip title={s.next.map((n) => fmtTime(n)).join('\n')}>
            <span>{fmtTime(s.next[0])}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('schedules.col.skipped'),
      render: (_, s) =>
        s.lastSkipped ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`schedule-skipped-${s.id}`}>
            {fmtTime(s.lastSkipped.at)} · {reasonIn(lang, s.lastSkipped.reason)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('schedules.col.purpose'), dataIndex: 'purpose', width: 180, ellipsis: true },
    {
      title: t('schedules.col.enabled'),
      dataIndex: 'enabled',
      width: 80,
      render: (on: boolean, s) => (
        <Switch
          checked={on}
          disabled={!props.canFly}
          loading={toggling === s.id}
          onChange={(v) => toggle(s, v)}
          checkedChildren={t('schedules.enabled.on')}
          unCheckedChildren={t('schedules.enabled.off')}
          data-testid={`schedule-enabled-${s.id}`}
        />
      ),
    },
    ...(props.canFly
      ? [
          {
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, s: ScheduleView) => (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setEditing(s)}
                data-testid={`schedule-edit-${s.id}`}
              >
                {t('schedules.action.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        {props.canFly ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="schedules-create"
          >
            {t('schedules.action.create')}
          </Button>
        ) : null}
      </Flex>
      <Card size="small">
        <Table<ScheduleView>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1400 }}
          data-testid="schedules-table"
        />
      </Card>
      <ScheduleModal
        editing={editing}
        routes={props.routes}
        docks={props.docks}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          message.success(t('schedules.saved'));
          list.reload();
        }}
      />
    </>
  );
}
