/** Camera rows ⇄ contract shapes, and the columns a new or changed camera is written with. */
import type { Static } from '@sinclair/typebox';
import { splitGbId, TYPES } from './gbt28181';
import type { IndexedCamera } from './nearest';
import type { CameraRow } from './cameras.repo';
import type { Camera, CameraPoint } from './video.contract';

export type CameraSource = 'manual' | 'import' | 'wvp' | 'demo';

export function cameraView(r: CameraRow): Static<typeof Camera> {
  return {
    id: r.id,
    name: r.name,
    deviceId: r.device_id,
    groupId: r.group_id,
    civilCode: r.civil_code,
    industryCode: r.industry_code,
    typeCode: r.type_code,
    typeName: TYPES[r.type_code] ?? r.type_code,
    lng: r.lng,
    lat: r.lat,
    communityCode: r.community_code,
    orgId: r.org_id,
    kind: r.ptz ? 'ptz' : 'fixed',
    direction: r.direction,
    online: r.online === 1,
    statusChangedAt: r.status_changed_at,
    address: r.address,
    source: r.source as CameraSource,
    demo: r.demo === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type PointRow = Pick<CameraRow, 'id' | 'name' | 'lng' | 'lat' | 'ptz' | 'online' | 'direction' | 'community_code'>;

export const pointView = (r: PointRow): Static<typeof CameraPoint> => ({
  id: r.id,
  name: r.name,
  lng: r.lng,
  lat: r.lat,
  kind: r.ptz ? 'ptz' : 'fixed',
  online: r.online === 1,
  direction: r.direction,
  communityCode: r.community_code,
});

export const indexed = (r: PointRow): IndexedCamera => ({
  id: r.id,
  name: r.name,
  lng: r.lng,
  lat: r.lat,
  kind: r.ptz ? 'ptz' : 'fixed',
  online: r.online === 1,
  direction: r.direction,
  communityCode: r.community_code,
});

export interface CameraFields {
  id: string;
  name: string;
  lng: number;
  lat: number;
  deviceId: string | null;
  groupId: string | null;
  civilCode: string | null;
  communityCode: string | null;
  orgId: string | null;
  ptz: boolean;
  direction: number | null;
  online: boolean;
  address: string | null;
}

/**
 * The row of a camera: code parts from its id; the status-change instant moves only when the
 * status does (`before` is the stored row, if any).
 */
export function cameraRow(f: CameraFields, source: CameraSource, now: number, before?: CameraRow): CameraRow {
  const parts = splitGbId(f.id);
  const online = f.online ? 1 : 0;
  return {
    id: f.id,
    name: f.name,
    device_id: f.deviceId,
    civil_code: f.civilCode ?? parts.centre,
    group_id: f.groupId,
    industry_code: parts.industry,
    type_code: parts.type,
    lng: f.lng,
    lat: f.lat,
    community_code: f.communityCode,
    org_id: f.orgId,
    ptz: f.ptz ? 1 : 0,
    direction: f.direction,
    online,
    status_changed_at: before && before.online === online ? before.status_changed_at : now,
    address: f.address,
    source,
    demo: source === 'demo' ? 1 : 0,
    created_at: before?.created_at ?? now,
    updated_at: now,
  };
}

export const fieldsOf = (r: CameraRow): CameraFields => ({
  id: r.id,
  name: r.name,
  lng: r.lng,
  lat: r.lat,
  deviceId: r.device_id,
  groupId: r.group_id,
  civilCode: r.civil_code,
  communityCode: r.community_code,
  orgId: r.org_id,
  ptz: r.ptz === 1,
  direction: r.direction,
  online: r.online === 1,
  address: r.address,
});
