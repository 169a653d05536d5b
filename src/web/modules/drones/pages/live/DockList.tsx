/** The live map's side list: every dock with its state in a word, its aircraft's battery, and the online counts. */
import { Badge, Card, Empty, Flex, Typography } from 'antd';
import { useT } from '../../../../i18n';
import type { DeviceView } from '../../components/dronesApi';
import { aircraftModeText, dockModeText, percent } from '../../components/labels';

interface Props {
  docks: DeviceView[];
  aircraftOf: (dock: DeviceView) => DeviceView | undefined;
  aircraftOnline: { online: number; total: number };
  selected: string | null;
  onSelect: (sn: string) => void;
  loading: boolean;
}

export function DockList({ docks, aircraftOf, aircraftOnline, selected, onSelect, loading }: Props) {
  const t = useT();
  const online = docks.filter((d) => d.online).length;
  return (
    <Card
      size="small"
      loading={loading}
      title={t('drones.live.docks')}
      extra={
        <Typography.Text data-testid="drones-online-count">
          {t('drones.live.onlineCount', { online, total: docks.length })}
        </Typography.Text>
      }
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="drones-aircraft-count">
        {t('drones.live.aircraftCount', aircraftOnline)}
      </Typography.Text>
      {docks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.live.noDocks')} />
      ) : (
        <Flex vertical className="drones-dock-list">
          {docks.map((d) => {
            const a = aircraftOf(d);
            const battery = a?.aircraft?.battery ?? d.dock?.droneBattery ?? null;
            return (
              <button
                type="button"
                key={d.sn}
                className={`drones-dock-item${selected === d.sn ? ' drones-dock-active' : ''}`}
                onClick={() => onSelect(d.sn)}
                data-testid={`drone-dock-${d.sn}`}
                data-online={d.online ? '1' : '0'}
              >
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong ellipsis style={{ maxWidth: 170 }}>
                    {d.name}
                  </Typography.Text>
                  <Badge
                    status={d.online ? 'success' : 'default'}
                    text={d.online ? t('drones.online') : t('drones.offline')}
                  />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {d.dock ? dockModeText(t, d.dock.modeCode) : t('drones.state.noTelemetry')}
                  {a?.aircraft ? ` · ${aircraftModeText(t, a.aircraft.modeCode)}` : ''}
                  {battery !== null ? (
                    <span data-testid={`drone-dock-battery-${d.sn}`}> · {percent(battery)}</span>
                  ) : null}
                  {d.openAlerts > 0 ? <Badge count={d.openAlerts} size="small" style={{ marginLeft: 6 }} /> : null}
                </Typography.Text>
              </button>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
