import websocket from '@fastify/websocket';
import type { Http } from './http';
import type { PlatformContext } from './context';
import type { DomainEvent } from './bus';
import type { Principal } from './auth/principal';

/** Decides whether a principal may see an event (modules know their own data scope). */
export type EventFilter = (event: DomainEvent, principal: Principal) => boolean;

/** A module's say over the events about its own entities (e.g. orders: only within the caller's units). */
export interface LiveFilter {
  entityTypes: readonly string[];
  visible: EventFilter;
}

/**
 * One filter from the modules' filters: an event about an entity a module claims is shown as that
 * module decides; any other event (an organisation renamed, a calendar year entered) to everyone.
 */
export function combineLiveFilters(filters: readonly LiveFilter[]): EventFilter {
  const byType = new Map<string, EventFilter>();
  for (const f of filters) {
    for (const t of f.entityTypes) {
      if (byType.has(t)) throw new Error(`two modules filter live events of entity type '${t}'`);
      byType.set(t, f.visible);
    }
  }
  return (event, principal) => {
    const visible = event.entityType ? byType.get(event.entityType) : undefined;
    return visible ? visible(event, principal) : true;
  };
}

/**
 * `GET /api/stream` (WebSocket): every domain event this principal may see, as JSON, the moment it
 * is committed anywhere in the cluster (the outbox tail; PostgreSQL NOTIFY wakes other nodes).
 */
/** The WebSocket plugin, registered before any route that is a WebSocket (modules have their own). */
export async function registerWebsocket(app: Http): Promise<void> {
  await app.register(websocket);
}

export async function liveRoutes(app: Http, p: PlatformContext, filter: EventFilter) {
  app.get(
    '/api/stream',
    {
      websocket: true,
      config: { permission: 'authenticated' },
      schema: {
        tags: ['platform'],
        summary: '实时事件流（WebSocket）/ live event stream (WebSocket)',
        response: {
          101: { description: 'WebSocket; each message is a StreamEvent (platform/api.contract.ts) as JSON' },
        },
      },
    },
    (socket, req) => {
      const principal = req.principal!;
      const unsubscribe = p.events.subscribe((event) => {
        if (socket.readyState !== 1 || !filter(event, principal)) return;
        socket.send(
          JSON.stringify({
            seq: event.seq,
            type: event.type,
            entityType: event.entityType,
            entityId: event.entityId,
            data: event.data,
            at: event.at,
          }),
        );
      });
      socket.send(JSON.stringify({ type: 'hello', at: p.clock.now() }));
      socket.on('close', unsubscribe);
      socket.on('error', unsubscribe);
    },
  );
}
