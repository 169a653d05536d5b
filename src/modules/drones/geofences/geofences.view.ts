import type { Static } from '@sinclair/typebox';
import type { DeviceRow } from '../devices/devices.repo';
import { type AreaFileBytes, syncReasonText } from './area-file';
import type { DockSync, Geofence, GeofenceSync } from './geofences.contract';
import type { GeofenceRow, GeofenceSyncRow } from './geofences.repo';
import { type GeofenceDef, goesToDocks } from './geometry';

/** The stored row as the geometry rules read it. */
export function geofenceDef(r: GeofenceRow): GeofenceDef {
  const geometry = JSON.parse(r.geometry);
  const circle = r.shape === 'circle';
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as GeofenceDef['kind'],
    shape: r.shape as GeofenceDef['shape'],
    polygon: circle ? null : geometry,
    center: circle ? geometry : null,
    radiusM: circle ? r.radius_m : null,
    enabled: r.enabled === 1,
    minHeightM: r.min_height_m,
    maxHeightM: r.max_height_m,
  };
}

export function geofenceView(r: GeofenceRow): Static<typeof Geofence> {
  const g = geofenceDef(r);
  return {
    id: r.id,
    name: r.name,
    kind: g.kind,
    shape: g.shape,
    polygon: g.polygon,
    center: g.center,
    radiusM: g.radiusM,
    enabled: g.enabled,
    minHeightM: r.min_height_m,
    maxHeightM: r.max_height_m,
    orgId: r.org_id,
    notes: r.notes,
    onDocks: goesToDocks(g),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every dock with its last sync report; "current" only when it reports the current file synchronized. */
export function syncView(
  file: AreaFileBytes | null,
  docks: readonly DeviceRow[],
  rows: readonly GeofenceSyncRow[],
): Static<typeof GeofenceSync> {
  const bySn = new Map(rows.map((r) => [r.dock_sn, r]));
  const items: Static<typeof DockSync>[] = docks
    .filter((d) => d.domain === 'dock')
    .map((d) => {
      const s = bySn.get(d.sn);
      const status = (s?.status ?? null) as Static<typeof DockSync>['status'];
      const synced = status === 'synchronized' && (s?.reason ?? 0) === 0;
      return {
        dockSn: d.sn,
        name: d.name,
        online: d.online === 1,
        status,
        reason: s?.reason ?? null,
        reasonText: status === 'fail' || status === 'switch_fail' ? syncReasonText(s?.reason ?? null) : null,
        fileName: s?.file_name ?? null,
        checksum: s?.checksum ?? null,
        // no file: the docks were told to clear their areas, and a dock reporting synchronized has
        current: synced && (file ? s?.checksum === file.checksum : !s?.checksum),
        requestedAt: s?.requested_at ?? null,
        servedAt: s?.served_at ?? null,
        reportedAt: s?.reported_at ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    file: file ? { name: file.name, checksum: file.checksum, size: file.size, areas: file.areas } : null,
    docks: items,
  };
}
