/**
 * 航班与定时计划 (/drones/flights): two tabs, 航班 (the list, planning with the pre-flight checks,
 * commands) and 定时计划 (recurring schedules). `?routeId=` (from the routes page) opens the plan
 * dialog with that route chosen.
 */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { dronesApi } from '../../components/dronesApi';
import { flightsApi } from './flightsApi';
import { FlightsTab } from './FlightsTab';
import { SchedulesTab } from './SchedulesTab';

export default function FlightsPage() {
  const t = useT();
  const { can } = useAuth();
  const canFly = can('drones.fly');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'schedules' ? 'schedules' : 'flights';
  const routes = useLoad((signal) => flightsApi.routes(signal), []);
  const devices = useLoad((signal) => dronesApi.devices(signal), []);
  const docks = (devices.data?.items ?? [])
    .filter((d) => d.domain === 'dock')
    .sort((a, b) => a.name.localeCompare(b.name));
  const routeList = routes.data?.items ?? [];

  return (
    <div>
      <PageHeader title={t('flights.title')} hint={t('flights.hint')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'schedules' ? { tab: 'schedules' } : {})}
        data-testid="flights-tabs"
        items={[
          {
            key: 'flights',
            label: t('flights.tab.flights'),
            children: (
              <FlightsTab
                canFly={canFly}
                routes={routeList}
                docks={docks}
                planRouteId={params.get('routeId')}
                onPlanClosed={() => params.has('routeId') && setParams({})}
              />
            ),
          },
          {
            key: 'schedules',
            label: t('flights.tab.schedules'),
            children: <SchedulesTab canFly={canFly} routes={routeList} docks={docks} />,
          },
        ]}
      />
    </div>
  );
}
