import { aircraftSnapshot, dockSnapshot } from '../dji/osd';
import type { TelemetryStore } from './telemetry.store';

/** One browser's socket as the fan-out sees it. */
export interface LiveSubscriber {
  send(text: string): void;
  /** bytes queued on the socket and not yet written (a slow browser is skipped until it drains) */
  buffered(): number;
  /** the device's domain (dock | aircraft), undefined when this socket does not know it yet */
  domainOf(sn: string): string | undefined;
  /** a device first heard of after the socket opened */
  learn(sn: string): void;
}

interface Sub {
  s: LiveSubscriber;
  dirty: Set<string>;
  lastSent: Map<string, number>;
}

/**
 * The live map's fan-out: telemetry updates mark the device dirty for every socket; one timer per
 * node (every `tickMs`, only while sockets are open) sends each dirty device's latest state, at most
 * once per `minIntervalMs` per device and socket. A frame is serialised once per update and shared
 * by all sockets. The delay a message waits is bounded by the tick (not by a per-device timer whose
 * lateness accumulates); devices faster than the interval are coalesced to their newest state.
 */
export class LiveFanout {
  private subs = new Set<Sub>();
  private frames = new Map<string, { domain: string; text: string }>();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private telemetry: TelemetryStore,
    private opts: { tickMs: number; minIntervalMs: number; maxBufferedBytes: number } = {
      tickMs: 25,
      minIntervalMs: 200,
      maxBufferedBytes: 1 << 20,
    },
  ) {}

  /** Adds a socket; it gets every known device's state at once. Returns its removal. */
  add(s: LiveSubscriber, initial: Iterable<string>): () => void {
    const sub: Sub = { s, dirty: new Set(initial), lastSent: new Map() };
    this.subs.add(sub);
    if (!this.unsubscribe)
      this.unsubscribe = this.telemetry.onUpdate((u) => {
        this.frames.delete(u.sn);
        for (const x of this.subs) x.dirty.add(u.sn);
      });
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.opts.tickMs);
      this.timer.unref();
    }
    this.tick();
    return () => {
      this.subs.delete(sub);
      if (this.subs.size > 0) return;
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.frames.clear();
    };
  }

  private frame(sn: string, domain: string): string {
    const cached = this.frames.get(sn);
    if (cached?.domain === domain) return cached.text;
    {
      const t = this.telemetry.get(sn);
      let at = 0;
      for (const k in t.at) if (t.at[k] > at) at = t.at[k];
      const text = JSON.stringify({
        type: 'telemetry',
        sn,
        at,
        dock: domain === 'dock' ? dockSnapshot(t) : null,
        aircraft: domain === 'aircraft' ? aircraftSnapshot(t) : null,
      });
      this.frames.set(sn, { domain, text });
      return text;
    }
  }

  tick(): void {
    const now = Date.now();
    for (const sub of this.subs) {
      if (sub.dirty.size === 0 || sub.s.buffered() > this.opts.maxBufferedBytes) continue;
      for (const sn of sub.dirty) {
        const domain = sub.s.domainOf(sn);
        if (domain === undefined) {
          sub.dirty.delete(sn);
          sub.s.learn(sn);
          continue;
        }
        if (now - (sub.lastSent.get(sn) ?? 0) < this.opts.minIntervalMs) continue;
        sub.dirty.delete(sn);
        sub.lastSent.set(sn, now);
        sub.s.send(this.frame(sn, domain));
      }
    }
  }
}
