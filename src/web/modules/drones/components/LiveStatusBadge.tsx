import { Badge, Tooltip } from 'antd';
import { useT } from '../../../i18n';

/** "实时" while the telemetry socket is open, "重连中…" while it is coming back. */
export function LiveStatusBadge({ live }: { live: boolean }) {
  const t = useT();
  return (
    <Tooltip title={t('drones.live.tip')}>
      <span data-testid="drones-live-status" data-state={live ? 'live' : 'reconnecting'}>
        <Badge
          status={live ? 'processing' : 'warning'}
          text={live ? t('drones.live.on') : t('drones.live.reconnecting')}
        />
      </span>
    </Tooltip>
  );
}
