/**
 * The fleet as the pages show it: the device list (GET /api/drones/devices) with the telemetry of
 * the live socket (/api/drones/live, LiveTelemetry messages) laid over it. The list is read again
 * when the platform's stream (/api/stream) reports a device change (online, offline, topology,
 * registration), when telemetry comes from a device the list does not hold yet, and every 30 s.
 * Both sockets reconnect with backoff (1 s, 2 s, 4 s … 30 s).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApiError } from '../../../components/useApiError';
import { dronesApi, type DeviceView, type Telemetry } from './dronesApi';

const DEVICE_ENTITY = 'drone_device';
const FLUSH_MS = 250;
const RELOAD_EVERY_MS = 30_000;

/** A WebSocket on `path` that comes back after every close until `stop()` is called. */
export function reconnectingSocket(
  path: string,
  onMessage: (data: unknown) => void,
  onStatus: (connected: boolean) => void,
): () => void {
  let ws: WebSocket | null = null;
  let stopped = false;
  let retry = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const open = () => {
    if (stopped || typeof WebSocket === 'undefined') return;
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${proto}//${window.location.host}${path}`);
    ws = socket;
    socket.onopen = () => {
      retry = 0;
      onStatus(true);
    };
    socket.onmessage = (m) => {
      try {
        onMessage(JSON.parse(String(m.data)));
      } catch {
        /* not JSON: nothing to show */
      }
    };
    socket.onclose = () => {
      if (ws === socket) ws = null;
      onStatus(false);
      if (stopped) return;
      const delay = Math.min(30_000, 1000 * 2 ** retry++);
      timer = setTimeout(open, delay);
    };
    socket.onerror = () => socket.close();
  };
  open();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    ws?.close();
    ws = null;
  };
}

export interface Fleet {
  devices: DeviceView[];
  loading: boolean;
  /** The telemetry socket is open. */
  live: boolean;
  reload: () => void;
}

type LiveState = Pick<Telemetry, 'dock' | 'aircraft' | 'at'>;

export function useDroneFleet(): Fleet {
  const showError = useApiError();
  const showErrorRef = useRef(showError);
  showErrorRef.current = showError;
  const [list, setList] = useState<DeviceView[]>([]);
  const [loading, setLoading] = useState(true);
  const [live, setLive] = useState(false);
  const [telemetry, setTelemetry] = useState<Map<string, LiveState>>(new Map());
  const known = useRef(new Set<string>());
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const ctl = new AbortController();
    inFlight.current = ctl;
    dronesApi.devices(ctl.signal).then(
      (r) => {
        if (ctl.signal.aborted) return;
        known.current = new Set(r.items.map((d) => d.sn));
        setList(r.items);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setLoading(false);
        showErrorRef.current(e);
      },
    );
  }, []);

  /** Several changes in a burst become one read of the list. */
  const reloadSoon = useCallback(() => {
    if (reloadTimer.current) return;
    reloadTimer.current = setTimeout(() => {
      reloadTimer.current = null;
      load();
    }, 400);
  }, [load]);

  useEffect(() => {
    load();
    const every = setInterval(load, RELOAD_EVERY_MS);
    let pending = new Map<string, LiveState>();
    let flush: ReturnType<typeof setTimeout> | null = null;
    const stopTelemetry = reconnectingSocket(
      '/api/drones/live',
      (data) => {
        const m = data as Telemetry;
        if (m?.type !== 'telemetry' || typeof m.sn !== 'string') return;
        if (!known.current.has(m.sn)) reloadSoon();
        pending.set(m.sn, { dock: m.dock, aircraft: m.aircraft, at: m.at });
        if (flush) return;
        flush = setTimeout(() => {
          flush = null;
          const batch = pending;
          pending = new Map();
          setTelemetry((prev) => {
            const next = new Map(prev);
            for (const [sn, s] of batch) next.set(sn, s);
            return next;
          });
        }, FLUSH_MS);
      },
      (connected) => {
        setLive(connected);
        // what changed while the socket was down
        if (connected) reloadSoon();
      },
    );
    const stopStream = reconnectingSocket(
      '/api/stream',
      (data) => {
        const e = data as { entityType?: string | null; type?: string };
        if (e?.entityType === DEVICE_ENTITY || e?.type?.startsWith('drones.device.')) reloadSoon();
      },
      () => {},
    );
    return () => {
      clearInterval(every);
      if (flush) clearTimeout(flush);
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
      reloadTimer.current = null;
      inFlight.current?.abort();
      stopTelemetry();
      stopStream();
    };
  }, [load, reloadSoon]);

  const devices = useMemo(
    () =>
      list.map((d) => {
        const t = telemetry.get(d.sn);
        if (!t || (d.telemetryAt !== null && t.at < d.telemetryAt)) return d;
        return {
          ...d,
          dock: d.domain === 'dock' ? (t.dock ?? d.dock) : d.dock,
          aircraft: d.domain === 'aircraft' ? (t.aircraft ?? d.aircraft) : d.aircraft,
          telemetryAt: t.at,
        };
      }),
    [list, telemetry],
  );

  return { devices, loading, live, reload: load };
}
