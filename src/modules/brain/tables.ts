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

export interface BrainTables {
  brain_cameras: BrainCamerasTable;
  brain_video_groups: BrainVideoGroupsTable;
  brain_video_devices: BrainVideoDevicesTable;
}
