/** Calls `onChange` (at most every 500 ms) when the platform's stream reports a flight or schedule change. */
import { useEffect, useRef } from 'react';
import { reconnectingSocket } from '../../components/useDroneFleet';

const ENTITIES = new Set(['drone_flight', 'drone_schedule']);

export function useFlightEvents(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = reconnectingSocket(
      '/api/stream',
      (data) => {
        const e = data as { entityType?: string | null };
        if (!e?.entityType || !ENTITIES.has(e.entityType) || timer) return;
        timer = setTimeout(() => {
          timer = null;
          latest.current();
        }, 500);
      },
      () => {},
    );
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
}
