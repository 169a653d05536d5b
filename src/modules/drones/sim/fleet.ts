import { SimDock } from './sim-dock';

export interface FleetDock {
  sn: string;
  aircraftSn: string;
  password?: string;
  lng: number;
  lat: number;
  name?: string;
}

/**
 * Several simulated docks on one broker: each connects with its own login, announces its
 * topology, goes through the config and binding requests and then sends OSD every 2 s (±, so
 * eight docks do not publish in lockstep). Used by `yiwang sim docks` and by the demo.
 */
export class SimFleet {
  readonly docks: SimDock[] = [];

  constructor(
    private brokerUrl: string,
    private list: FleetDock[],
    private opts: {
      bindingCode?: string;
      organizationId?: string;
      osdEveryMs?: number;
      log?: (s: string) => void;
    } = {},
  ) {}

  async start(): Promise<void> {
    for (const d of this.list) {
      const dock = new SimDock({
        brokerUrl: this.brokerUrl,
        dockSn: d.sn,
        aircraftSn: d.aircraftSn,
        password: d.password,
        lng: d.lng,
        lat: d.lat,
        callsign: d.name,
        bindingCode: this.opts.bindingCode,
        organizationId: this.opts.organizationId,
        osdEveryMs: (this.opts.osdEveryMs ?? 2000) + Math.floor(Math.random() * 200),
      });
      try {
        await dock.connect();
        await dock.bootstrap();
        await dock.osd();
        dock.startOsd();
        this.docks.push(dock);
        this.opts.log?.(`dock ${d.sn} online`);
      } catch (e) {
        await dock.close();
        this.opts.log?.(`dock ${d.sn} could not connect: ${(e as Error).message}`);
      }
    }
  }

  async stop(): Promise<void> {
    for (const d of this.docks.splice(0)) await d.close();
  }
}

/** `count` docks with generated serials around a point, for a broker without logins (e.g. Mosquitto). */
export function generatedFleet(count: number, center: { lng: number; lat: number }, prefix = 'SIMDOCK'): FleetDock[] {
  return Array.from({ length: count }, (_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, count);
    const n = String(i + 1).padStart(3, '0');
    return {
      sn: `${prefix}${n}`,
      aircraftSn: `${prefix}${n}A`,
      lng: center.lng + 0.02 * Math.cos(a),
      lat: center.lat + 0.02 * Math.sin(a),
    };
  });
}
