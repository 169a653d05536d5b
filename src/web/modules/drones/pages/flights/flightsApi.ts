/** The flights, schedules and calendar routes the pages call, typed from the contracts (through src/web/api.ts). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../../../api';
import type {
  Flight,
  FlightList,
  PlanFlightBody,
  PointFlightBody,
  PreflightResult,
  WaylineRouteList,
} from '../../../../../modules/drones/missions/missions.contract';
import type {
  Calendar,
  CreateScheduleBody,
  Schedule,
  ScheduleDetail,
  ScheduleList,
  UpdateScheduleBody,
} from '../../../../../modules/drones/schedules/schedules.contract';

export type FlightView = Static<typeof Flight>;
export type FlightState = FlightView['state'];
export type PlanFlight = Static<typeof PlanFlightBody>;
export type PointFlight = Static<typeof PointFlightBody>;
export type Preflight = Static<typeof PreflightResult>;
export type CheckView = Preflight['checks'][number];
export type ScheduleView = Static<typeof Schedule>;
export type ScheduleDetailView = Static<typeof ScheduleDetail>;
export type CreateSchedule = Static<typeof CreateScheduleBody>;
export type UpdateSchedule = Static<typeof UpdateScheduleBody>;
export type CalendarView = Static<typeof Calendar>;
export type CalendarEntry = CalendarView['items'][number];

const enc = encodeURIComponent;

export const flightsApi = {
  list: (q: { from?: number; to?: number; dockSn?: string; state?: string; orderId?: string }, signal?: AbortSignal) =>
    api.get<Static<typeof FlightList>>('/api/drones/flights', q, { signal }),
  routes: (signal?: AbortSignal) =>
    api.get<Static<typeof WaylineRouteList>>('/api/drones/routes', undefined, { signal }),
  check: (body: PlanFlight) => api.post<Preflight>('/api/drones/flights/check', body),
  plan: (body: PlanFlight) => api.post<FlightView>('/api/drones/flights', body),
  toPoint: (body: PointFlight) => api.post<FlightView>('/api/drones/flights/to-point', body),
  command: (id: string, action: 'cancel' | 'pause' | 'resume') =>
    api.post<FlightView>(`/api/drones/flights/${enc(id)}/command`, { action }),
  schedules: (signal?: AbortSignal) =>
    api.get<Static<typeof ScheduleList>>('/api/drones/schedules', undefined, { signal }),
  schedule: (id: string, signal?: AbortSignal) =>
    api.get<ScheduleDetailView>(`/api/drones/schedules/${enc(id)}`, undefined, { signal }),
  createSchedule: (body: CreateSchedule) => api.post<ScheduleView>('/api/drones/schedules', body),
  updateSchedule: (id: string, body: UpdateSchedule) =>
    api.patch<ScheduleView>(`/api/drones/schedules/${enc(id)}`, body),
  calendar: (q: { from: number; to: number; dockSn?: string }, signal?: AbortSignal) =>
    api.get<CalendarView>('/api/drones/calendar', q, { signal }),
};
