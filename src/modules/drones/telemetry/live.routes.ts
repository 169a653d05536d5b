import type { Http } from '../../../platform/http';
import type { DronesServices } from '../services';
import { LiveFanout } from './live-fanout';

/**
 * `GET /api/drones/live` (WebSocket): the telemetry of every device as it arrives (docks, aircraft
 * positions, headings, battery), at most every 200 ms per device, straight from this node's
 * in-memory state — not through the outbox (telemetry is not a record; thousands of messages a
 * second must not be rows). Messages are LiveTelemetry (contract.ts) as JSON; the fan-out
 * (live-fanout.ts) serialises each update once for all sockets.
 */
export function liveRoutes(app: Http, s: DronesServices) {
  const fanout = new LiveFanout(s.telemetry);
  app.get(
    '/api/drones/live',
    {
      websocket: true,
      config: { permission: 'drones.read' },
      schema: {
        tags: ['drones'],
        summary: '实时遥测（WebSocket）/ live telemetry (WebSocket)',
        response: { 101: { description: 'WebSocket; each message is a LiveTelemetry (drones/contract.ts) as JSON' } },
      },
    },
    async (socket) => {
      const domains = new Map<string, string>();
      for (const d of await s.registry.list()) domains.set(d.sn, d.domain);
      const learning = new Set<string>();
      const known = [...domains.keys()].filter((sn) => Object.keys(s.telemetry.get(sn).at).length > 0);
      const remove = fanout.add(
        {
          send: (text) => {
            if (socket.readyState === 1) socket.send(text);
          },
          buffered: () => socket.bufferedAmount,
          domainOf: (sn) => domains.get(sn),
          learn: (sn) => {
            if (learning.has(sn)) return;
            learning.add(sn);
            void s.registry.get(sn).then(
              (d) => domains.set(d.sn, d.domain),
              () => learning.delete(sn),
            );
          },
        },
        known,
      );
      socket.on('close', remove);
      socket.on('error', remove);
    },
  );
}
