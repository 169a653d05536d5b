/** Kysely types of the tables the city brain owns (video so far; devices, alarms come later). */

export interface BrainCamerasTable {
  /** the channel's GB/T 28181 20-digit code */
  id: string;
  name: string;
  /** the device (NVR, encoder, platform) the channel is reached through; null: registered on its own */
  device_id: string | null;
  /** 8-digit 行政区划 the channel belongs to (its code's centre code unless the catalogue says otherwise) */
  civil_code: string;
  /** 业务分组 (215) or 虚拟组织 (216) it hangs under */
  group_id: string | null;
  industry_code: string;
  type_code: string;
  /** WGS-84 */
  lng: number;
  lat: number;
  community_code: string | null;
  org_id: string | null;
  /** 1 PTZ (球机/遥控), 0 fixed (枪机/半球) */
  ptz: number;
  /** view direction in degrees from north, clockwise; null = unknown */
  direction: number | null;
  online: number;
  status_changed_at: number | null;
  address: string | null;
  /** manual | import | wvp | demo */
  source: string;
  demo: number;
  created_at: number;
  updated_at: number;
}

export interface BrainVideoGroupsTable {
  id: string;
  name: string;
  /** business_group (215) | virtual_org (216) */
  kind: string;
  parent_id: string | null;
  source: string;
  demo: number;
  created_at: number;
  updated_at: number;
}

/** Devices of a GB/T 28181 platform (wvp) the catalogue sync found: NVRs, encoders, IPCs registered directly. */
export interface BrainVideoDevicesTable {
  id: string;
  name: string;
  type_code: string | null;
  manufacturer: string | null;
  online: number;
  channel_count: number;
  synced_at: number;
  status_changed_at: number | null;
}

/** 物联感知 IoT devices (migration 0021). */
export interface BrainDevicesTable {
  /** the device's own id, also its MQTT topic level: letters, digits, `_ . -` */
  id: string;
  /** one of DEVICE_TYPES (devices/model/reading-types.ts) */
  type: string;
  model: string | null;
  name: string;
  address: string | null;
  /** WGS-84 */
  lng: number;
  lat: number;
  community_code: string | null;
  /** the owning department (an identity organisation) */
  org_id: string | null;
  /** YYYY-MM-DD */
  installed_on: string | null;
  /** active | maintenance | retired */
  status: string;
  /** the latest accepted reading's values, JSON */
  last_reading: string | null;
  last_reading_at: number | null;
  /** when an accepted reading last arrived */
  last_seen: number | null;
  demo: number;
  created_at: number;
  updated_at: number;
}

export interface BrainDeviceReadingsTable {
  device_id: string;
  at: number;
  /** the reading's values, JSON */
  data: string;
  received_at: number;
}

/** Readings refused, per device and reason (malformed, out_of_range …); never stored as readings. */
export interface BrainDeviceRejectsTable {
  device_id: string;
  reason: string;
  rejected: number;
  last_at: number;
  last_message: string;
}

export interface BrainTables {
  brain_cameras: BrainCamerasTable;
  brain_video_groups: BrainVideoGroupsTable;
  brain_video_devices: BrainVideoDevicesTable;
  brain_devices: BrainDevicesTable;
  brain_device_readings: BrainDeviceReadingsTable;
  brain_device_rejects: BrainDeviceRejectsTable;
  brain_datasets: BrainDatasetsTable;
  brain_dataset_versions: BrainDatasetVersionsTable;
  brain_dataset_rows: BrainDatasetRowsTable;
}

/** 部门数据: a department's dataset; `schema` is the JSON of its declared columns (datasets.contract DatasetSchema). */
export interface BrainDatasetsTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  owner_org_id: string;
  /** daily | weekly | monthly | quarterly | yearly | irregular */
  cadence: string;
  schema: string;
  /** the current version (0: none yet) and its row count */
  version: number;
  row_count: number;
  last_updated_at: number | null;
  last_updated_by: string | null;
  created_at: number;
  updated_at: number;
}

/** Every upload or push of a dataset, kept. */
export interface BrainDatasetVersionsTable {
  id: string;
  dataset_id: string;
  version: number;
  /** upload | push */
  source: string;
  file_name: string | null;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: number;
  row_count: number;
  /** the schema JSON the rows were checked against */
  schema: string;
}

/** The rows of a version: the checked values as JSON, placed in a community and a period. */
export interface BrainDatasetRowsTable {
  version_id: string;
  row_no: number;
  dataset_id: string;
  data: string;
  community: string | null;
  period: string | null;
}
