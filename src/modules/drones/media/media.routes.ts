import type { Http } from '../../../platform/http';
import { MediaList, MediaQuery } from './media.contract';
import type { DroneMedia } from './media.service';

/** The media gallery: by flight, dock and date, each with a presigned link. */
export function mediaRoutes(app: Http, media: DroneMedia) {
  app.get(
    '/api/drones/media',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '航拍照片与视频 / drone pictures and videos',
        querystring: MediaQuery,
        response: { 200: MediaList },
      },
    },
    async (req) => {
      const rows = await media.list(req.query);
      return {
        items: await Promise.all(
          rows.map(async (r) => ({
            id: r.id,
            name: r.name,
            dockSn: r.dock_sn,
            flightId: r.flight_id,
            lng: r.lng,
            lat: r.lat,
            relativeAltitude: r.relative_altitude,
            gimbalYaw: r.gimbal_yaw,
            takenAt: r.taken_at,
            createdAt: r.created_at,
            url: await media.url(r),
          })),
        ),
      };
    },
  );
}
