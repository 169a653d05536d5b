/**
 * 指挥地图: every dock (online/offline) and aircraft (position, heading, battery) on the street's
 * map, live from /api/drones/live; a side list of docks with the online counts; a click on a dock
 * shows its state beside the map, and the full detail (alerts, refused messages) in a drawer.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useDroneFleet } from '../../components/useDroneFleet';
import { DroneMap } from '../../components/DroneMap';
import { DockStateView, OnlineBadge } from '../../components/DeviceState';
import { DeviceDrawer } from '../../components/DeviceDrawer';
import { LiveStatusBadge } from '../../components/LiveStatusBadge';
import type { DeviceView } from '../../components/dronesApi';
import { DockList } from './DockList';

export default function LiveMapPage() {
  const t = useT();
  const { devices, loading, live } = useDroneFleet();
  const [selected, setSelected] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<string | null>(null);

  const docks = useMemo(
    () =>
      devices
        .filter((d) => d.domain === 'dock')
        .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name)),
    [devices],
  );
  const aircraft = useMemo(() => devices.filter((d) => d.domain === 'aircraft'), [devices]);
  const aircraftOf = (dock: DeviceView) =>
    aircraft.find((a) => a.gatewaySn === dock.sn) ?? aircraft.find((a) => a.sn === dock.dock?.subDeviceSn);
  const current = docks.find((d) => d.sn === selected) ?? null;

  return (
    <div data-testid="drones-live">
      <PageHeader title={t('drones.live.title')} hint={t('drones.live.hint')} extra={<LiveStatusBadge live={live} />} />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <DroneMap devices={devices} selected={selected} onSelect={setSelected} />
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={12}>
            <Card
              size="small"
              data-testid="dock-card"
              title={
                current ? (
                  <Space>
                    {current.name}
                    <OnlineBadge device={current} />
                  </Space>
                ) : (
                  t('drones.detail.state')
                )
              }
              extra={
                current ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setDrawer(current.sn)}
                    data-testid="dock-card-details"
                  >
                    {t('drones.live.details')}
                  </Button>
                ) : null
              }
            >
              {current ? (
                <DockStateView dock={current} aircraft={aircraftOf(current)} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.live.pick')} />
              )}
              {current && !current.dock?.point && !current.home ? (
                <Typography.Text type="secondary">{t('drones.live.noPoint')}</Typography.Text>
              ) : null}
            </Card>
            <DockList
              docks={docks}
              aircraftOf={aircraftOf}
              aircraftOnline={{ online: aircraft.filter((a) => a.online).length, total: aircraft.length }}
              selected={selected}
              onSelect={setSelected}
              loading={loading}
            />
          </Flex>
        </Col>
      </Row>
      <DeviceDrawer sn={drawer} onClose={() => setDrawer(null)} />
    </div>
  );
}
