import type { PlatformContext } from '../../platform/context';
import type { HealthAlerts } from './devices/alerts.service';
import type { ConnectionSettings } from './devices/connection';
import type { DeviceRegistry } from './devices/registry.service';
import type { CloudApiGateway } from './dji/gateway';
import type { FaultCounter } from './dji/faults';
import type { TelemetryStore } from './telemetry/telemetry.store';
import type { DockCommands } from './missions/commands.service';
import type { Flights } from './missions/flights.service';
import type { WaylineRoutes } from './missions/routes.service';
import type { DroneMedia } from './media/media.service';
import type { Findings } from './findings/findings.service';
import type { Schedules } from './schedules/schedules.service';

/** The drones module's services, as its routes receive them. */
export interface DronesServices {
  p: PlatformContext;
  registry: DeviceRegistry;
  telemetry: TelemetryStore;
  alerts: HealthAlerts;
  faults: FaultCounter;
  connection: ConnectionSettings;
  /** null when the app runs without MQTT */
  gateway: CloudApiGateway | null;
  routes: WaylineRoutes;
  flights: Flights;
  commands: DockCommands;
  media: DroneMedia;
  findings: Findings;
  /** recurring schedules (schedules/) */
  schedules: Schedules;
}
