/**
 * 城市大脑 city brain: so far its video half (全域监控) — the camera channel registry with GB/T 28181
 * codes, the channel tree, spreadsheet import, the catalogue sync from a wvp-style platform,
 * play through a media gateway, and the nearest cameras to any point; devices/ (物联感知: the IoT
 * registry, readings over MQTT and HTTP). alarms/ and ngsi/ come next.
 */
import type { PlatformContext } from '../../platform/context';
import type { MountedModule } from '../../platform/module';
import type { MqttService } from '../../platform/mqtt';
import { datasetRoutes } from './datasets/datasets.routes';
import { DATASET_ENTITY, Datasets } from './datasets/datasets.service';
import { DatasetVersions } from './datasets/versions.service';
import { deviceRoutes } from './devices/devices.routes';
import { DEVICE_ENTITY, Devices } from './devices/devices.service';
import { MqttIntake } from './devices/mqtt-intake';
import { Readings } from './devices/readings.service';
import { cameraRoutes } from './video/cameras.routes';
import { CAMERA_ENTITY, Cameras } from './video/cameras.service';
import { GROUP_ENTITY, VideoGroups } from './video/groups.service';
import { CameraImport } from './video/import.service';
import type { BrainDeps } from './video/lookups';
import type { Near } from './video/nearest';
import { VideoPlay } from './video/play.service';
import { videoRoutes } from './video/video.routes';
import { type SyncSettings, VideoSync } from './video/wvp/wvp-sync.service';

export type { BrainDeps } from './video/lookups';

export interface BrainConfig {
  /** the wvp-style GB/T 28181 platform / media gateway; null = none (no play, no sync) */
  videoGatewayUrl: string | null;
  videoGatewayUser: string | null;
  videoGatewayPassword: string | null;
  /** seconds between catalogue syncs; 0 = only when asked */
  videoSyncIntervalS: number;
}

export interface BrainApi {
  /** The nearest cameras to a point (an order, an alarm, a drone finding), with their view direction. */
  nearestCameras(
    lng: number,
    lat: number,
    opts?: { limit?: number; radiusM?: number; online?: boolean },
  ): Promise<Near[]>;
}

export interface BrainServices {
  cameras: Cameras;
  groups: VideoGroups;
  importer: CameraImport;
  sync: VideoSync;
  play: VideoPlay;
  devices: Devices;
  readings: Readings;
  /** null without MQTT */
  deviceIntake: MqttIntake | null;
  datasets: Datasets;
  datasetVersions: DatasetVersions;
}

export function mountBrain(
  p: PlatformContext,
  deps: BrainDeps & {
    config: BrainConfig;
    /** device telemetry comes in over it; null/absent: readings only over HTTP */
    mqtt?: MqttService | null;
    /** shared-subscription group on an external broker (null: off) */
    mqttShareGroup?: string | null;
  },
): MountedModule<BrainApi> & { services: BrainServices; start(): Promise<void>; stop(): Promise<void> } {
  const c = deps.config;
  const wvp = c.videoGatewayUrl
    ? { url: c.videoGatewayUrl, user: c.videoGatewayUser, password: c.videoGatewayPassword }
    : null;
  const cameras = new Cameras(p, deps);
  const groups = new VideoGroups(p);
  const importer = new CameraImport(p, deps, cameras);
  const sync = new VideoSync(
    p,
    deps,
    cameras,
    wvp ? ({ ...wvp, intervalS: c.videoSyncIntervalS } satisfies SyncSettings) : null,
  );
  const play = new VideoPlay(cameras, wvp);
  const devices = new Devices(p, deps);
  const readings = new Readings(p);
  const datasets = new Datasets(p, deps);
  const datasetVersions = new DatasetVersions(p, deps, datasets);
  const mqtt = deps.mqtt ?? null;
  const deviceIntake = mqtt
    ? new MqttIntake(mqtt, readings, p.logger, {
        shareGroup: mqtt.mode === 'external' ? (deps.mqttShareGroup ?? null) : null,
      })
    : null;
  const services = {
    cameras,
    groups,
    importer,
    sync,
    play,
    devices,
    readings,
    deviceIntake,
    datasets,
    datasetVersions,
  };
  return {
    name: 'brain',
    api: {
      nearestCameras: (lng, lat, o = {}) =>
        cameras.nearest(
          lng,
          lat,
          o.limit ?? 10,
          o.radiusM ?? 1000,
          o.online === undefined ? undefined : o.online ? 'online' : 'offline',
        ),
    },
    services,
    routes(app) {
      cameraRoutes(app, cameras, importer);
      videoRoutes(app, { groups, sync, play });
      deviceRoutes(app, devices, readings);
      datasetRoutes(app, datasets, datasetVersions);
    },
    liveFilter: {
      entityTypes: [CAMERA_ENTITY, GROUP_ENTITY, DEVICE_ENTITY, DATASET_ENTITY],
      visible: (e, pr) => pr.permissions.has(e.entityType === DATASET_ENTITY ? 'brain.datasets.read' : 'brain.read'),
    },
    async start() {
      await cameras.ready();
      await sync.start();
      await deviceIntake?.start();
    },
    async stop() {
      await sync.settled();
      await deviceIntake?.settled();
    },
  };
}
