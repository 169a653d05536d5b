/** The drones routes the pages call, typed from the module's contract (through the one client, src/web/api.ts). */
import type { Static } from '@sinclair/typebox';
import { api, request } from '../../../api';
import type {
  ConnectionInfo,
  Device,
  DeviceDetail,
  DeviceList,
  DockCredentials,
  LiveTelemetry,
  RegisterDockBody,
  UpdateDeviceBody,
} from '../../../../modules/drones/contract';
import type {
  CreateRouteBody,
  FlightList,
  RouteCreated,
  WaylineRoute,
  WaylineRouteList,
} from '../../../../modules/drones/missions/missions.contract';
import type { MediaItem, MediaList } from '../../../../modules/drones/media/media.contract';
import type { Finding, FindingList, ReviewFindingBody } from '../../../../modules/drones/findings/findings.contract';
import type { FlightStats } from '../../../../modules/drones/stats/stats.contract';

export type DeviceView = Static<typeof Device>;
export type DeviceDetailView = Static<typeof DeviceDetail>;
export type Credentials = Static<typeof DockCredentials>;
export type Connection = Static<typeof ConnectionInfo>;
export type Telemetry = Static<typeof LiveTelemetry>;
export type RegisterDock = Static<typeof RegisterDockBody>;
export type UpdateDevice = Static<typeof UpdateDeviceBody>;
export type DockStateView = NonNullable<DeviceView['dock']>;
export type AircraftStateView = NonNullable<DeviceView['aircraft']>;

const enc = encodeURIComponent;

export const dronesApi = {
  devices: (signal?: AbortSignal) => api.get<Static<typeof DeviceList>>('/api/drones/devices', undefined, { signal }),
  device: (sn: string, signal?: AbortSignal) =>
    api.get<DeviceDetailView>(`/api/drones/devices/${enc(sn)}`, undefined, { signal }),
  connection: (signal?: AbortSignal) => api.get<Connection>('/api/drones/connection', undefined, { signal }),
  register: (body: RegisterDock) => api.post<Credentials>('/api/drones/docks', body),
  update: (sn: string, body: UpdateDevice) => api.patch<DeviceView>(`/api/drones/devices/${enc(sn)}`, body),
  resetPassword: (sn: string) => api.post<Credentials>(`/api/drones/docks/${enc(sn)}/reset-password`),
  remove: (sn: string) => api.delete<{ ok: true }>(`/api/drones/devices/${enc(sn)}`),
};

// ---- routes, media, AI findings and statistics (the pages under pages/{routes,media,findings,stats}) ----
export type RouteView = Static<typeof WaylineRoute>;
export type RouteJson = RouteView['route'];
export type RouteSaved = Static<typeof RouteCreated>;
export type CreateRoute = Static<typeof CreateRouteBody>;
export type MediaView = Static<typeof MediaItem>;
export type FindingView = Static<typeof Finding>;
export type ReviewFinding = Static<typeof ReviewFindingBody>;
export type StatsView = Static<typeof FlightStats>;
export type FlightListView = Static<typeof FlightList>;

export const missionsApi = {
  routes: (signal?: AbortSignal) =>
    api.get<Static<typeof WaylineRouteList>>('/api/drones/routes', undefined, { signal }),
  createRoute: (body: CreateRoute) => api.post<RouteSaved>('/api/drones/routes', body),
  importRoute: (file: File, q: { name: string; scenario: string }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<RouteSaved>('POST', '/api/drones/routes/import', { form, query: q });
  },
  kmzPath: (id: string) => `/api/drones/routes/${enc(id)}/kmz`,
  deleteRoute: (id: string) => api.delete<{ ok: true }>(`/api/drones/routes/${enc(id)}`),
  flights: (q: { from?: number; to?: number; dockSn?: string }, signal?: AbortSignal) =>
    api.get<FlightListView>('/api/drones/flights', q, { signal }),
  media: (q: { id?: string; flightId?: string; dockSn?: string; from?: number; to?: number }, signal?: AbortSignal) =>
    api.get<Static<typeof MediaList>>('/api/drones/media', q, { signal }),
  findings: (status: FindingView['status'] | undefined, signal?: AbortSignal) =>
    api.get<Static<typeof FindingList>>('/api/drones/findings', { status }, { signal }),
  review: (id: string, body: ReviewFinding) => api.post<FindingView>(`/api/drones/findings/${enc(id)}/review`, body),
  stats: (q: { by: StatsView['by']; from?: number; to?: number }, signal?: AbortSignal) =>
    api.get<StatsView>('/api/drones/stats', q, { signal }),
};
