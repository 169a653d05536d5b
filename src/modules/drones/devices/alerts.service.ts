import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { newId } from '../../../platform/ids';
import { diffHms, type HmsAlert } from '../dji/hms';
import { insertAlerts, openAlerts, resolveAlerts } from './devices.repo';
import { DEVICE_ENTITY } from './registry.service';

/**
 * Health alerts (HMS). A report is the complete active set of the gateway's devices: what is new
 * opens a row, what is missing is resolved. One transaction per report, with its event.
 */
export class HealthAlerts {
  constructor(private p: PlatformContext) {}

  async apply(
    gatewaySn: string,
    report: readonly HmsAlert[],
    at: number,
  ): Promise<{ raised: number; resolved: number }> {
    return this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const open = await openAlerts(w.trx, gatewaySn);
      const { raised, resolved } = diffHms(
        open.map((a) => a.alert_key),
        report,
      );
      await insertAlerts(
        w.trx,
        raised.map((a) => ({
          id: newId(w.now),
          sn: gatewaySn,
          alert_key: a.key,
          code: a.code,
          level: a.level,
          module: a.module,
          in_the_sky: a.inTheSky ? 1 : 0,
          device_type: a.deviceType,
          imminent: a.imminent ? 1 : 0,
          args: JSON.stringify(a.args),
          raised_at: at,
          resolved_at: null,
        })),
      );
      await resolveAlerts(w.trx, gatewaySn, resolved, at);
      if (raised.length || resolved.length)
        w.emit({
          type: 'drones.hms.changed',
          entityType: DEVICE_ENTITY,
          entityId: gatewaySn,
          data: { sn: gatewaySn, raised: raised.map((a) => a.code), resolved: resolved.length },
        });
      return { raised: raised.length, resolved: resolved.length };
    });
  }
}
