/** The geofence routes the page calls, typed from the module's contract (through the one client, src/web/api.ts). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../../../api';
import type {
  CreateGeofenceBody,
  Geofence,
  GeofenceList,
  GeofenceSync,
  SyncPushed,
  UpdateGeofenceBody,
} from '../../../../../modules/drones/geofences/geofences.contract';

export type GeofenceView = Static<typeof Geofence>;
export type GeofenceSyncView = Static<typeof GeofenceSync>;
export type CreateGeofence = Static<typeof CreateGeofenceBody>;
export type UpdateGeofence = Static<typeof UpdateGeofenceBody>;

const enc = encodeURIComponent;

export const geofencesApi = {
  list: (signal?: AbortSignal) => api.get<Static<typeof GeofenceList>>('/api/drones/geofences', undefined, { signal }),
  sync: (signal?: AbortSignal) => api.get<GeofenceSyncView>('/api/drones/geofences/sync', undefined, { signal }),
  syncNow: () => api.post<Static<typeof SyncPushed>>('/api/drones/geofences/sync', {}),
  create: (body: CreateGeofence) => api.post<GeofenceView>('/api/drones/geofences', body),
  update: (id: string, body: UpdateGeofence) => api.patch<GeofenceView>(`/api/drones/geofences/${enc(id)}`, body),
  remove: (id: string) => api.delete<{ ok: boolean }>(`/api/drones/geofences/${enc(id)}`),
};

export const NO_FLY_COLOR = '#cf1322';
export const STAY_INSIDE_COLOR = '#1677ff';
