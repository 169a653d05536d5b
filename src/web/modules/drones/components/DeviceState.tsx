/** A dock's or an aircraft's latest state in words (the live map's side card and the detail drawer). */
import { Badge, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import { fmtTime } from '../../../format';
import type { DeviceView } from './dronesApi';
import { aircraftModeText, coords, coverText, dockModeText, percent, rainText, withUnit } from './labels';

export function OnlineBadge({ device }: { device: DeviceView }) {
  const t = useT();
  return (
    <Badge
      status={device.online ? 'success' : 'default'}
      text={device.online ? t('drones.online') : t('drones.offline')}
      data-testid={`online-${device.sn}`}
    />
  );
}

/** The dock's state; `aircraft` (its sub-device, when known) adds the aircraft's own mode and battery. */
export function DockStateView({ dock, aircraft }: { dock: DeviceView; aircraft?: DeviceView | null }) {
  const t = useT();
  const s = dock.dock;
  if (!s) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.state.noTelemetry')} />;
  const battery = aircraft?.aircraft?.battery ?? s.droneBattery;
  return (
    <Descriptions size="small" column={1} bordered data-testid={`dock-state-${dock.sn}`}>
      <Descriptions.Item label={t('drones.state.mode')}>
        <Space size={4}>
          <Tag color={s.modeCode === 4 ? 'blue' : s.modeCode === 0 ? 'green' : 'orange'}>
            {dockModeText(t, s.modeCode)}
          </Tag>
          {s.emergencyStop ? (
            <Tag color="red">
              {t('drones.state.emergencyStop')}: {t('drones.state.emergencyStop.on')}
            </Tag>
          ) : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.cover')}>
        <span style={s.coverState === 3 ? { color: '#cf1322' } : undefined}>{coverText(t, s.coverState)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.wind')}>
        {withUnit(t, 'drones.state.windValue', s.windSpeed)}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.rain')}>{rainText(t, s.rainfall)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.state.temperature')}>
        {withUnit(t, 'drones.state.temperatureValue', s.temperatureOutside)}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.battery')}>
        <span data-testid={`dock-battery-${dock.sn}`}>{percent(battery)}</span>
        {s.droneCharging ? <Typography.Text type="secondary"> · {t('drones.state.charging')}</Typography.Text> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.inDock')}>
        {s.droneInDock === null ? '—' : s.droneInDock ? t('drones.state.inDock.yes') : t('drones.state.inDock.no')}
      </Descriptions.Item>
      {aircraft?.aircraft ? (
        <Descriptions.Item label={t('drones.state.aircraftMode')}>
          {aircraftModeText(t, aircraft.aircraft.modeCode)}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('drones.state.humidity')}>{percent(s.humidity)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.state.storage')}>
        {withUnit(t, 'drones.state.storageValue', s.storageFreeMb, 0)}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.telemetryAt')}>{fmtTime(dock.telemetryAt)}</Descriptions.Item>
    </Descriptions>
  );
}

export function AircraftStateView({ device }: { device: DeviceView }) {
  const t = useT();
  const a = device.aircraft;
  if (!a) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.state.noTelemetry')} />;
  return (
    <Descriptions size="small" column={1} bordered data-testid={`aircraft-state-${device.sn}`}>
      <Descriptions.Item label={t('drones.state.mode')}>{aircraftModeText(t, a.modeCode)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.state.battery')}>{percent(a.battery)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.state.height')}>
        {withUnit(t, 'drones.state.heightValue', a.height)}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.heading')}>
        {withUnit(t, 'drones.state.headingValue', a.heading, 0)}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.speed')}>
        {withUnit(t, 'drones.state.windValue', a.horizontalSpeed)}
      </Descriptions.Item>
      <Descriptions.Item label={t('drones.state.position')}>{coords(a.point)}</Descriptions.Item>
      <Descriptions.Item label={t('drones.state.sorties')}>{a.totalSorties ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('drones.state.telemetryAt')}>{fmtTime(device.telemetryAt)}</Descriptions.Item>
    </Descriptions>
  );
}
