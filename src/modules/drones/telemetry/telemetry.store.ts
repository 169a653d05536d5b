import type { Logger } from 'pino';
import { EMPTY_TELEMETRY, aircraftSnapshot, isAirborne, mergeTelemetry, pointOf, type Telemetry } from '../dji/osd';
import { keepPoint, type SamplerState } from './track-sampler';

export interface TrackPoint {
  sn: string;
  at: number;
  lng: number;
  lat: number;
  height: number | null;
  speed: number | null;
  heading: number | null;
  battery: number | null;
  mode_code: number | null;
  flight_id: string | null;
}

export interface TelemetryUpdate {
  sn: string;
  at: number;
  changed: string[];
  telemetry: Telemetry;
}

export interface TelemetrySink {
  /** Latest state of the devices changed since the last flush, and the track points kept. */
  flush(latest: { sn: string; telemetry: Telemetry; at: number }[], points: TrackPoint[]): Promise<void>;
}

/**
 * The latest telemetry of every device, in memory (the live map and the pre-flight checks read it
 * here, not from the database), written behind: changed devices and the kept track points are
 * flushed every `flushEveryMs`. Every node holds all devices' state: OSD is not a shared
 * subscription (each node's browsers need it); the rows written are idempotent upserts and points
 * de-duplicated by (sn, at), so N nodes writing them is wasteful, never wrong.
 */
export class TelemetryStore {
  private state = new Map<string, Telemetry>();
  private dirty = new Map<string, number>();
  private points: TrackPoint[] = [];
  private sampler = new Map<string, SamplerState>();
  private listeners = new Set<(u: TelemetryUpdate) => void>();
  private flightOf = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private sink: TelemetrySink,
    private logger: Logger,
    private opts: { flushEveryMs: number; maxPendingPoints: number } = {
      flushEveryMs: 2_000,
      maxPendingPoints: 50_000,
    },
  ) {}

  load(rows: { sn: string; telemetry: Telemetry }[]): void {
    for (const r of rows) this.state.set(r.sn, r.telemetry);
  }

  get(sn: string): Telemetry {
    return this.state.get(sn) ?? EMPTY_TELEMETRY;
  }

  /** The flight an aircraft is on (set by the missions part), to tag its track points. */
  setFlight(sn: string, flightId: string | null): void {
    if (flightId) this.flightOf.set(sn, flightId);
    else this.flightOf.delete(sn);
  }

  onUpdate(listener: (u: TelemetryUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Merges one OSD/state message; returns the keys it rejected for a wrong type. */
  apply(sn: string, data: Record<string, unknown>, at: number): string[] {
    const { telemetry, changed, rejected } = mergeTelemetry(this.get(sn), data, at);
    if (changed.length === 0) return rejected;
    this.state.set(sn, telemetry);
    this.dirty.set(sn, at);
    this.sample(sn, telemetry, at);
    const update = { sn, at, changed, telemetry };
    for (const l of this.listeners) {
      try {
        l(update);
      } catch (err) {
        this.logger.warn({ err }, 'telemetry listener failed');
      }
    }
    return rejected;
  }

  private sample(sn: string, t: Telemetry, at: number): void {
    const point = pointOf(t.values);
    if (!point) return;
    const a = aircraftSnapshot(t);
    const airborne = isAirborne(a.modeCode);
    if (!keepPoint(this.sampler.get(sn), at, airborne)) return;
    this.sampler.set(sn, { lastAt: at, airborne });
    // bounded: if the database is down for long, the oldest points go first (the latest state stays)
    if (this.points.length >= this.opts.maxPendingPoints) this.points.shift();
    this.points.push({
      sn,
      at,
      lng: point.lng,
      lat: point.lat,
      height: a.elevation ?? a.height,
      speed: a.horizontalSpeed,
      heading: a.heading,
      battery: a.battery,
      mode_code: a.modeCode,
      flight_id: this.flightOf.get(sn) ?? null,
    });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.opts.flushEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes what changed since the last flush; on failure keeps it for the next one. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.dirty.size === 0 && this.points.length === 0) return Promise.resolve();
    const latest = [...this.dirty].map(([sn, at]) => ({ sn, at, telemetry: this.get(sn) }));
    const points = this.points;
    this.dirty = new Map();
    this.points = [];
    this.flushing = this.sink
      .flush(latest, points)
      .catch((err) => {
        this.logger.warn({ err: (err as Error).message }, 'telemetry flush failed; kept for the next one');
        for (const l of latest) if (!this.dirty.has(l.sn)) this.dirty.set(l.sn, l.at);
        this.points = [...points, ...this.points].slice(-this.opts.maxPendingPoints);
      })
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }
}
