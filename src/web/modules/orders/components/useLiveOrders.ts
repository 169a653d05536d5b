/**
 * The live stream (WebSocket /api/stream): one shared connection for all pages that listen,
 * reconnecting with backoff. Pages subscribe to order events and refresh what they show; a
 * burst of events (bulk dispatch, SLA jobs) becomes one refresh.
 */
import { useEffect, useRef, useState } from 'react';
import { type LiveEvent } from '../../../../modules/orders/contract';

type Listener = (e: LiveEvent) => void;
type StatusListener = (connected: boolean) => void;

const listeners = new Set<Listener>();
const statusListeners = new Set<StatusListener>();
let socket: WebSocket | null = null;
let connected = false;
let retry = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let closeTimer: ReturnType<typeof setTimeout> | null = null;

function setConnected(v: boolean) {
  connected = v;
  statusListeners.forEach((l) => l(v));
}

function open() {
  if (socket || typeof WebSocket === 'undefined') return;
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${window.location.host}/api/stream`);
  socket = ws;
  ws.onopen = () => {
    retry = 0;
    setConnected(true);
  };
  ws.onmessage = (m) => {
    let e: LiveEvent;
    try {
      e = JSON.parse(String(m.data)) as LiveEvent;
    } catch {
      return;
    }
    listeners.forEach((l) => l(e));
  };
  ws.onclose = () => {
    socket = null;
    setConnected(false);
    if (listeners.size === 0 && statusListeners.size === 0) return;
    // 1 s, 2 s, 4 s … up to 30 s; a logged-out session keeps failing quietly until the page changes.
    const delay = Math.min(30_000, 1000 * 2 ** retry++);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, delay);
  };
  ws.onerror = () => ws.close();
}

function retain() {
  if (closeTimer) {
    clearTimeout(closeTimer);
    closeTimer = null;
  }
  open();
}

function release() {
  if (listeners.size || statusListeners.size) return;
  // Keep the socket a moment: moving between order pages should not reconnect.
  closeTimer = setTimeout(() => {
    closeTimer = null;
    if (listeners.size || statusListeners.size) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    socket?.close();
    socket = null;
  }, 5000);
}

/**
 * Call `onEvent` for order events (debounced by `delayMs`, with the events of the burst); returns
 * whether the stream is connected.
 */
export function useLiveOrders(onEvent: (events: LiveEvent[]) => void, delayMs = 600): boolean {
  const [isConnected, setIsConnected] = useState(connected);
  const cb = useRef(onEvent);
  cb.current = onEvent;

  useEffect(() => {
    let pending: LiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const listener: Listener = (e) => {
      if (!e.type?.startsWith('order.') || (e.entityType && e.entityType !== 'order')) return;
      pending.push(e);
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        const batch = pending;
        pending = [];
        cb.current(batch);
      }, delayMs);
    };
    const status: StatusListener = (v) => setIsConnected(v);
    listeners.add(listener);
    statusListeners.add(status);
    retain();
    setIsConnected(connected);
    return () => {
      if (timer) clearTimeout(timer);
      listeners.delete(listener);
      statusListeners.delete(status);
      release();
    };
  }, [delayMs]);

  return isConnected;
}

/**
 * Call `onEvent` for each event of this type on the same shared stream, at once (no debounce):
 * e.g. 来电弹屏 (hotline.incoming_call), which the server sends to one user only.
 */
export function useLiveEvent(type: string, onEvent: (e: LiveEvent) => void): void {
  const cb = useRef(onEvent);
  cb.current = onEvent;
  useEffect(() => {
    const listener: Listener = (e) => {
      if (e.type === type) cb.current(e);
    };
    listeners.add(listener);
    retain();
    return () => {
      listeners.delete(listener);
      release();
    };
  }, [type]);
}
