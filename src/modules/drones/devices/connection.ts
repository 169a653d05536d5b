import { randomInt } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { Static } from '@sinclair/typebox';
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import { readSetting, writeSetting } from '../../../platform/settings';
import type { ConnectionInfo } from '../contract';
import type { DeveloperApp } from '../dji/requests';
import type { Organisation } from './binding';

/** The drones part of the configuration (src/config.ts reads it from the environment). */
export interface DronesConfig {
  /** the broker address docks are told (the on-site setup in DJI Pilot 2) */
  mqttPublicHost: string | null;
  mqttPort: number;
  brokerMode: 'embedded' | 'external';
  shareGroup: string | null;
  djiAppId: string;
  djiAppKey: string;
  djiAppLicense: string;
  ntpServer: string;
  organizationId: string;
  organizationName: string;
}

const BINDING_KEY = 'drones.binding_code';

/**
 * What a dock is told and what the on-site setup needs: the broker's address, the DJI developer
 * app (from configuration, never in code), the NTP server, and the organisation and binding code
 * the pilot types into DJI Pilot 2 (the code is made once per install and kept in settings).
 */
export class ConnectionSettings {
  private bindingCode: string | null = null;

  constructor(
    private p: PlatformContext,
    private cfg: DronesConfig,
  ) {}

  async load(): Promise<void> {
    const stored = await readSetting(this.p.db, BINDING_KEY);
    if (stored) {
      this.bindingCode = stored.value;
      return;
    }
    const code = String(randomInt(100_000, 1_000_000));
    this.bindingCode = await this.p.transact(SYSTEM_CONTEXT, async (w) => {
      // another node may have made one meanwhile: keep the first
      const again = await readSetting(w.trx, BINDING_KEY);
      if (again) return again.value;
      await writeSetting(w.trx, BINDING_KEY, code, w.now);
      w.audit({ action: 'drones.binding_code.created', entityType: 'setting', entityId: BINDING_KEY });
      return code;
    });
  }

  organisation = async (): Promise<Organisation> => {
    if (!this.bindingCode) await this.load();
    return { id: this.cfg.organizationId, name: this.cfg.organizationName, bindingCode: this.bindingCode! };
  };

  developerApp = (): DeveloperApp => ({
    appId: this.cfg.djiAppId,
    appKey: this.cfg.djiAppKey,
    appLicense: this.cfg.djiAppLicense,
    ntpHost: this.cfg.ntpServer,
    ntpPort: 123,
  });

  mqtt(): { host: string; port: number } {
    return { host: this.cfg.mqttPublicHost ?? lanAddress(), port: this.cfg.mqttPort };
  }

  async info(): Promise<Static<typeof ConnectionInfo>> {
    const org = await this.organisation();
    const m = this.mqtt();
    return {
      mqttHost: m.host,
      mqttPort: m.port,
      brokerMode: this.cfg.brokerMode,
      organizationId: org.id,
      organizationName: org.name,
      bindingCode: org.bindingCode,
      developerAppConfigured: !!(this.cfg.djiAppId && this.cfg.djiAppKey && this.cfg.djiAppLicense),
      ntpServer: this.cfg.ntpServer,
    };
  }
}

/** This machine's first non-internal IPv4 address: what a dock on the LAN would dial. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}
