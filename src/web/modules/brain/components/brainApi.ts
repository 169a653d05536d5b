/** The city brain routes the pages call, typed from the module's contract (through the one client). */
import type { Static } from '@sinclair/typebox';
import { api } from '../../../api';
import type { CameraPoints, NearestList, PlayUrls } from '../../../../modules/brain/contract';

export type CameraPointView = Static<typeof CameraPoints>['items'][number];
export type NearCameraView = Static<typeof NearestList>['items'][number];

export interface CameraFilter {
  community?: string;
  kind?: 'ptz' | 'fixed';
  status?: 'online' | 'offline';
}

export const brainApi = {
  points: (f: CameraFilter) => api.get<Static<typeof CameraPoints>>('/api/brain/cameras/map', { ...f }),
  nearest: (lng: number, lat: number, limit = 10, radius = 1000) =>
    api.get<Static<typeof NearestList>>('/api/brain/cameras/nearest', { lng, lat, limit, radius }),
  play: (id: string) => api.post<Static<typeof PlayUrls>>(`/api/brain/cameras/${id}/play`, {}),
};
