/**
 * 安排航班: a route, a dock (or the best one), now or at a time. 起飞前检查 shows every check with
 * its reason; 确认安排 is offered only once the checks pass, and a refusal at planning (409 with
 * the checks) shows them again instead of a toast.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Space, Button, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../../api';
import { useT } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { SCENARIO_LIST } from '../../../../../modules/drones/missions/missions.contract';
import type { DeviceView, RouteView } from '../../components/dronesApi';
import { CheckList } from './CheckList';
import { flightsApi, type FlightView, type PlanFlight, type Preflight } from './flightsApi';
import { scenarioText } from './flightLabels';

interface Values {
  routeId: string;
  dockSn: string;
  when: 'now' | 'at';
  at?: Dayjs;
  name?: string;
  scenario?: string;
}

const BEST = '__best__';

export function PlanFlightModal(props: {
  open: boolean;
  routes: RouteView[];
  docks: DeviceView[];
  routeId?: string | null;
  onClose: () => void;
  onPlanned: (f: FlightView) => void;
}) {
  const t = useT();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<Preflight | null>(null);
  const [busy, setBusy] = useState<'check' | 'plan' | null>(null);
  const when = Form.useWatch('when', form);

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue({ routeId: props.routeId ?? undefined, dockSn: BEST, when: 'now' });
    setResult(null);
  }, [props.open, props.routeId, form]);

  const body = (v: Values): PlanFlight => ({
    routeId: v.routeId,
    dockSn: v.dockSn === BEST ? null : v.dockSn,
    ...(v.when === 'at' && v.at ? { executeAt: v.at.valueOf() } : {}),
    ...(v.name?.trim() ? { name: v.name.trim() } : {}),
    ...(v.scenario ? { scenario: v.scenario as PlanFlight['scenario'] } : {}),
  });

  const run = async (what: 'check' | 'plan') => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(what);
    try {
      if (what === 'check') setResult(await flightsApi.check(body(v)));
      else {
        // the checks again at the moment of planning, with the dock they chose
        const f = await flightsApi.plan({ ...body(v), dockSn: result?.dockSn ?? body(v).dockSn });
        props.onPlanned(f);
      }
    } catch (e) {
      const checks = (e as ApiError).details as { checks?: Preflight['checks'] } | undefined;
      if (e instanceof ApiError && checks?.checks)
        setResult({ dockSn: result?.dockSn ?? '', checks: checks.checks, ok: false });
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const dockName = (sn: string) => props.docks.find((d) => d.sn === sn)?.name ?? sn;
  return (
    <Modal
      open={props.open}
      title={t('flights.plan.title')}
      onCancel={props.onClose}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={props.onClose}>{t('flights.close')}</Button>
          <Button onClick={() => run('check')} loading={busy === 'check'} data-testid="plan-check">
            {t('flights.plan.check')}
          </Button>
          <Button
            type="primary"
            disabled={!result?.ok}
            loading={busy === 'plan'}
            onClick={() => run('plan')}
            data-testid="plan-confirm"
          >
            {t('flights.plan.confirm')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onValuesChange={() => setResult(null)} data-testid="plan-form">
        <Form.Item
          name="routeId"
          label={t('flights.plan.route')}
          rules={[{ required: true, message: t('flights.plan.routeRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            notFoundContent={t('flights.plan.noRoutes')}
            options={props.routes.map((r) => ({ value: r.id, label: `${r.name}（${scenarioText(t, r.scenario)}）` }))}
            data-testid="plan-route"
          />
        </Form.Item>
        <Form.Item name="dockSn" label={t('flights.plan.dock')}>
          <Select
            options={[
              { value: BEST, label: t('flights.plan.bestDock') },
              ...props.docks.map((d) => ({ value: d.sn, label: `${d.name}（${d.sn}）` })),
            ]}
            data-testid="plan-dock"
          />
        </Form.Item>
        <Form.Item label={t('flights.plan.when')} required>
          <Space wrap>
            <Form.Item name="when" noStyle>
              <Radio.Group data-testid="plan-when">
                <Radio.Button value="now">{t('flights.plan.now')}</Radio.Button>
                <Radio.Button value="at">{t('flights.plan.at')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            {when === 'at' ? (
              <Form.Item name="at" noStyle rules={[{ required: true, message: t('flights.plan.atRequired') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="plan-at" />
              </Form.Item>
            ) : null}
          </Space>
        </Form.Item>
        <Space style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="name" label={t('flights.plan.name')}>
            <Input maxLength={60} data-testid="plan-name" />
          </Form.Item>
          <Form.Item name="scenario" label={t('flights.plan.scenario')}>
            <Select allowClear options={SCENARIO_LIST.map((s) => ({ value: s, label: scenarioText(t, s) }))} />
          </Form.Item>
        </Space>
      </Form>
      {result ? (
        <div data-testid="plan-result" data-ok={result.ok ? '1' : '0'}>
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={result.ok ? t('flights.plan.passed') : t('flights.plan.blocked')}
            style={{ marginBottom: 8 }}
          />
          {result.dockSn ? (
            <Typography.Text type="secondary">
              {t('flights.plan.checkedOn', { dock: dockName(result.dockSn) })}
            </Typography.Text>
          ) : null}
          <CheckList checks={result.checks} testId="plan-checks" />
        </div>
      ) : (
        <Typography.Text type="secondary">{t('flights.plan.checkFirst')}</Typography.Text>
      )}
    </Modal>
  );
}
