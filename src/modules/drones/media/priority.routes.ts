import type { Http } from '../../../platform/http';
import type { MediaPriority } from './media-priority';
import { FlightIdParams, FlightMediaProgress, NoMediaQuery } from './priority.contract';

/** A flight's media: uploaded / expected, and whether priority upload was asked for. */
export function mediaPriorityRoutes(app: Http, priority: MediaPriority) {
  app.get(
    '/api/drones/media/flights/:id',
    {
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '航班媒体上传进度（已传/应传，应急优先上传）/ a flight’s media: uploaded of expected, priority upload',
        params: FlightIdParams,
        querystring: NoMediaQuery,
        response: { 200: FlightMediaProgress },
      },
    },
    (req) => priority.progress(req.params.id),
  );
}
