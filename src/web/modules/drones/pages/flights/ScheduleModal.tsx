/**
 * 新建 / 编辑定时计划: name, route, dock (or the best one), scenario, purpose, the requesting unit,
 * how it repeats (每天 · 每周 · 每隔几小时 · 自定义 cron, built with the contract's `cronOf`) and
 * the dates. The server checks the rule (5-field cron, at least 30 minutes apart, a take-off ahead).
 */
import { useEffect } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../../i18n';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useFormSubmit } from '../../../../components/forms';
import { useOrgs } from '../../../../components/useRefData';
import { SCENARIO_LIST } from '../../../../../modules/drones/missions/missions.contract';
import { cronOf, repeatOf, type Repeat } from '../../../../../modules/drones/schedules/repeat.contract';
import type { DeviceView, RouteView } from '../../components/dronesApi';
import { flightsApi, type CreateSchedule, type ScheduleView } from './flightsApi';
import { scenarioText } from './flightLabels';

const BEST = '__best__';

interface Values {
  name: string;
  routeId: string;
  dockSn: string;
  scenario: string;
  purpose: string;
  orgId?: string;
  kind: Repeat['kind'];
  time?: Dayjs;
  days?: number[];
  every?: number;
  from?: Dayjs;
  to?: Dayjs;
  cron?: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
}

const hm = (d: Dayjs | undefined) => (d ? d.format('HH:mm') : '');
const at = (s: string) => dayjs(`2000-01-01T${s}`);

function repeatOfValues(v: Values): Repeat {
  if (v.kind === 'daily') return { kind: 'daily', time: hm(v.time) };
  if (v.kind === 'weekly') return { kind: 'weekly', days: v.days ?? [], time: hm(v.time) };
  if (v.kind === 'hourly') return { kind: 'hourly', every: v.every ?? 0, from: hm(v.from), to: hm(v.to) };
  return { kind: 'cron', cron: v.cron ?? '' };
}

function valuesOf(s: ScheduleView): Partial<Values> {
  const r = repeatOf(s.cron);
  return {
    name: s.name,
    routeId: s.routeId,
    dockSn: s.dockSn ?? BEST,
    scenario: s.scenario,
    purpose: s.purpose,
    orgId: s.orgId ?? undefined,
    kind: r.kind,
    ...(r.kind === 'daily' || r.kind === 'weekly' ? { time: at(r.time) } : {}),
    ...(r.kind === 'weekly' ? { days: r.days } : {}),
    ...(r.kind === 'hourly' ? { every: r.every, from: at(r.from), to: at(r.to) } : {}),
    cron: s.cron,
    startDate: dayjs(s.startDate),
    endDate: s.endDate ? dayjs(s.endDate) : null,
  };
}

export function ScheduleModal(props: {
  /** undefined: closed; null: a new one */
  editing: ScheduleView | null | undefined;
  routes: RouteView[];
  docks: DeviceView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { orgs } = useOrgs();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const open = props.editing !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      props.editing
        ? valuesOf(props.editing)
        : {
            dockSn: BEST,
            kind: 'daily',
            time: at('09:00'),
            every: 2,
            from: at('08:00'),
            to: at('18:00'),
            days: [1, 3, 5],
            startDate: dayjs(),
          },
    );
  }, [open, props.editing, form]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    const cron = cronOf(repeatOfValues(v));
    if (!cron) {
      form.setFields([{ name: 'kind', errors: [t('schedules.form.invalid')] }]);
      return;
    }
    const body: CreateSchedule = {
      name: v.name.trim(),
      routeId: v.routeId,
      dockSn: v.dockSn === BEST ? null : v.dockSn,
      scenario: v.scenario as CreateSchedule['scenario'],
      purpose: v.purpose.trim(),
      orgId: v.orgId ?? null,
      cron,
      startDate: v.startDate.format('YYYY-MM-DD'),
      endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
    };
    if (props.editing) await flightsApi.updateSchedule(props.editing.id, body);
    else await flightsApi.createSchedule(body);
    props.onSaved();
  });

  const required = [{ required: true, message: t('form.required') }];
  return (
    <Modal
      open={open}
      title={props.editing ? t('schedules.form.title.edit') : t('schedules.form.title.new')}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {props.editing ? (
        <Alert type="info" showIcon title={t('schedules.form.editNote')} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" data-testid="schedule-form">
        <Form.Item name="name" label={t('schedules.form.name')} rules={required}>
          <Input maxLength={60} data-testid="schedule-name" />
        </Form.Item>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="routeId" label={t('flights.plan.route')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              notFoundContent={t('flights.plan.noRoutes')}
              options={props.routes.map((r) => ({ value: r.id, label: r.name }))}
              onChange={(id) => {
                const r = props.routes.find((x) => x.id === id);
                if (r && !form.getFieldValue('scenario')) form.setFieldValue('scenario', r.scenario);
              }}
              data-testid="schedule-route"
            />
          </Form.Item>
          <Form.Item name="dockSn" label={t('flights.plan.dock')}>
            <Select
              options={[
                { value: BEST, label: t('schedules.bestDock') },
                ...props.docks.map((d) => ({ value: d.sn, label: d.name })),
              ]}
              data-testid="schedule-dock"
            />
          </Form.Item>
        </Space>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="scenario" label={t('flights.col.scenario')} rules={required}>
            <Select
              options={SCENARIO_LIST.map((s) => ({ value: s, label: scenarioText(t, s) }))}
              data-testid="schedule-scenario"
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('schedules.form.org')}>
            <OrgTreeSelect orgs={orgs} allowClear />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label={t('schedules.form.purpose')} rules={required}>
          <Input maxLength={200} data-testid="schedule-purpose" />
        </Form.Item>
        <Form.Item name="kind" label={t('schedules.form.repeat')}>
          <Radio.Group optionType="button" data-testid="schedule-kind">
            <Radio.Button value="daily">{t('schedules.form.daily')}</Radio.Button>
            <Radio.Button value="weekly">{t('schedules.form.weekly')}</Radio.Button>
            <Radio.Button value="hourly">{t('schedules.form.hourly')}</Radio.Button>
            <Radio.Button value="cron">{t('schedules.form.cron')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === 'weekly' ? (
          <Form.Item name="days" label={t('schedules.form.days')} rules={required}>
            <Checkbox.Group
              options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({
                value: d,
                label: t(`schedules.day.${d}` as 'schedules.day.0'),
              }))}
            />
          </Form.Item>
        ) : null}
        {kind === 'daily' || kind === 'weekly' ? (
          <Form.Item name="time" label={t('schedules.form.time')} rules={required}>
            <TimePicker format="HH:mm" minuteStep={5} data-testid="schedule-time" />
          </Form.Item>
        ) : null}
        {kind === 'hourly' ? (
          <Space wrap>
            <Form.Item name="every" label={t('schedules.form.every')} rules={required}>
              <InputNumber min={1} max={12} precision={0} />
            </Form.Item>
            <Form.Item name="from" label={t('schedules.form.from')} rules={required}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
            <Form.Item name="to" label={t('schedules.form.to')} rules={required}>
              <TimePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
          </Space>
        ) : null}
        {kind === 'cron' ? (
          <Form.Item
            name="cron"
            label={t('schedules.form.cronText')}
            extra={t('schedules.form.cronHint')}
            rules={required}
          >
            <Input maxLength={100} style={{ fontFamily: 'monospace' }} data-testid="schedule-cron" />
          </Form.Item>
        ) : null}
        <Space wrap>
          <Form.Item name="startDate" label={t('schedules.form.start')} rules={required}>
            <DatePicker data-testid="schedule-start" />
          </Form.Item>
          <Form.Item name="endDate" label={t('schedules.form.end')}>
            <DatePicker data-testid="schedule-end" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
