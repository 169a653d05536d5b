import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { syncFlightAreas } from './sim-flight-areas';
import { positionAt, totalSeconds } from './sim-flight';
import { aircraftOsdData, loadTask, progressData, type Task } from './sim-task';
import { SimLive } from './sim-live';
import { aircraftIdleOsd, dockOsdParts } from './sim-osd';
import { SimUploader, type StorageReply } from './sim-media';

/**
 * A simulated DJI dock with its aircraft, speaking the Cloud API over MQTT as DJI's docs show a
 * real one does: `update_topo` on connect, the `config` request, the binding requests, OSD split
 * over several partial messages every 2 s (dock) and the aircraft's own OSD on its serial, health
 * reports, and replies to the services it is sent. A separate client of the broker — it knows the
 * platform only by the topics, as a real dock does.
 */
export interface SimDockOptions {
  brokerUrl: string;
  dockSn: string;
  aircraftSn: string;
  username?: string;
  password?: string;
  /** where the dock stands (WGS-84) */
  lng: number;
  lat: number;
  osdEveryMs?: number;
  dockModel?: { type: number; subType: number };
  aircraftModel?: { type: number; subType: number };
  bindingCode?: string;
  organizationId?: string;
  callsign?: string;
  /** how services are answered (default: accepted, result 0; null = no answer) */
  answer?: (method: string, data: Record<string, unknown>) => number | null;
  /** simulated seconds per real second while flying (the demo and tests speed flights up) */
  timeScale?: number;
}

export interface Received {
  topic: string;
  method: string | null;
  tid: string;
  bid: string;
  data: Record<string, unknown>;
}

export class SimDock {
  client: MqttClient | null = null;
  readonly received: Received[] = [];
  private timer: NodeJS.Timeout | null = null;
  private waiting = new Map<string, (r: Received) => void>();
  private listeners = new Set<(r: Received) => void>();
  battery = 96;
  mode = 0;
  private tasks = new Map<string, Task>();
  private flying: { task: Task; startedAt: number; timer: NodeJS.Timeout; returning: boolean; photos: number } | null =
    null;
  private totals = { time: 360_000, distance: 900_000, sorties: 120 };
  private uploader: SimUploader | null = null;
  /** photos uploaded and called back (for tests) */
  uploads = 0;
  /** live video: its cameras, the streams it was told to push */
  readonly live: SimLive;

  constructor(readonly o: SimDockOptions) {
    this.live = new SimLive(o.dockSn, o.aircraftSn);
  }

  async connect(): Promise<void> {
    this.client = await mqtt.connectAsync(this.o.brokerUrl, {
      clientId: `dock-${this.o.dockSn}`,
      username: this.o.username ?? this.o.dockSn,
      password: this.o.password,
      reconnectPeriod: 0,
      connectTimeout: 5000,
    });
    const sn = this.o.dockSn;
    await this.client.subscribeAsync(
      [
        `thing/product/${sn}/services`,
        `thing/product/${sn}/events_reply`,
        `thing/product/${sn}/requests_reply`,
        `thing/product/${sn}/property/set`,
        `sys/product/${sn}/status_reply`,
      ],
      { qos: 1 },
    );
    this.client.on('message', (topic, payload) => this.onMessage(topic, payload));
  }

  private onMessage(topic: string, payload: Buffer): void {
    let msg: { tid?: string; bid?: string; method?: string; data?: Record<string, unknown> };
    try {
      msg = JSON.parse(payload.toString());
    } catch {
      return;
    }
    const r: Received = {
      topic,
      method: msg.method ?? null,
      tid: msg.tid ?? '',
      bid: msg.bid ?? '',
      data: msg.data ?? {},
    };
    this.received.push(r);
    const w = this.waiting.get(r.tid);
    if (w) {
      this.waiting.delete(r.tid);
      w(r);
    }
    for (const l of this.listeners) l(r);
    // a reply can still be on its way when the dock is stopped: nothing to answer then
    if (topic.endsWith('/services') && r.method) this.answerService(r).catch(() => {});
  }

  onReceive(l: (r: Received) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private async answerService(r: Received): Promise<void> {
    let result = this.o.answer ? this.o.answer(r.method!, r.data) : 0;
    if (result === null) return; // simulate a dock that does not answer
    if (result === 0 && r.method!.startsWith('live_')) result = this.live.answer(r.method!, r.data) ?? result;
    if (result === 0 && r.method === 'flighttask_prepare') result = await this.prepare(r.data);
    if (result === 0 && r.method === 'flighttask_execute')
      result = this.flying ? 319016 : this.tasks.has(String(r.data.flight_id)) ? 0 : 319999;
    await this.publish(
      `thing/product/${this.o.dockSn}/services_reply`,
      r.method,
      { result, output: { status: result === 0 ? 'ok' : 'failed' } },
      { tid: r.tid, bid: r.bid },
    );
    if (result !== 0) return;
    if (r.method!.startsWith('live_')) await this.liveState().catch(() => {});
    if (r.method === 'flighttask_execute') this.execute(String(r.data.flight_id));
    if (r.method === 'flighttask_undo') for (const id of (r.data.flight_ids as string[]) ?? []) this.tasks.delete(id);
    if (r.method === 'return_home' && this.flying) this.flying.returning = true;
    if (r.method === 'flight_areas_update') void syncFlightAreas(this).catch(() => {});
  }

  /** flighttask_prepare: download the KMZ from the URL given and check its MD5, as a dock does. */
  private async prepare(data: Record<string, unknown>): Promise<number> {
    const r = await loadTask(data, { lng: this.o.lng, lat: this.o.lat });
    if (r.task) this.tasks.set(r.task.flightId, r.task);
    return r.code;
  }

  /** Flies the task: progress events (need_reply) and the aircraft's OSD along the path, once a second. */
  private execute(flightId: string): void {
    const task = this.tasks.get(flightId);
    if (!task) return;
    this.tasks.delete(flightId);
    this.mode = 4;
    const scale = this.o.timeScale ?? 1;
    const tick = async () => {
      const f = this.flying;
      if (!f) return;
      const elapsed = ((Date.now() - f.startedAt) / 1000) * scale;
      const total = totalSeconds(task.path);
      const pos = positionAt(task.path, f.returning ? total : elapsed);
      this.battery = Math.max(20, 96 - Math.round((elapsed / total) * 40));
      await this.aircraftOsd(pos.done ? 0 : 5, pos, elapsed).catch(() => {});
      while (f.photos <= pos.waypointIndex && f.photos < task.waypoints) {
        const k = f.photos++;
        await this.uploadPhoto(flightId, k, pos, task.waypoints).catch(() => {});
      }
      const status = pos.done ? (f.returning ? 'canceled' : 'ok') : 'in_progress';
      await this.publish(
        `thing/product/${this.o.dockSn}/events`,
        'flighttask_progress',
        progressData(flightId, pos, status),
        {
          bid: flightId,
          needReply: true,
        },
      ).catch(() => {});
      if (pos.done) {
        clearInterval(f.timer);
        this.flying = null;
        this.mode = 0;
        this.totals = {
          time: this.totals.time + Math.round(elapsed),
          distance: this.totals.distance + Math.round(pos.flownM),
          sorties: this.totals.sorties + 1,
        };
      }
    };
    this.flying = {
      task,
      startedAt: Date.now(),
      timer: setInterval(() => void tick(), 1000),
      returning: false,
      photos: 0,
    };
    void tick();
  }

  get isFlying(): boolean {
    return this.flying !== null;
  }

  private aircraftOsd(
    mode: number,
    pos: { lng: number; lat: number; height: number; heading: number; flownM: number },
    elapsedS: number,
  ) {
    return this.publish(
      `thing/product/${this.o.aircraftSn}/osd`,
      null,
      aircraftOsdData(mode, pos, this.battery, this.totals, elapsedS),
    );
  }

  async publish(
    topic: string,
    method: string | null,
    data: unknown,
    ids: { tid?: string; bid?: string; needReply?: boolean } = {},
  ): Promise<string> {
    const tid = ids.tid ?? randomUUID();
    const msg: Record<string, unknown> = {
      tid,
      bid: ids.bid ?? randomUUID(),
      timestamp: Date.now(),
      gateway: this.o.dockSn,
    };
    if (method) msg.method = method;
    if (ids.needReply) msg.need_reply = 1;
    msg.data = data;
    const c = this.client;
    if (!c || c.disconnecting || c.disconnected) throw new Error(`the simulated dock ${this.o.dockSn} is stopped`);
    await c.publishAsync(topic, JSON.stringify(msg), { qos: 1 });
    return tid;
  }

  /** Publishes and waits for the reply with the same tid. */
  async ask(topic: string, method: string, data: unknown, timeoutMs = 5000, needReply = false): Promise<Received> {
    const tid = randomUUID();
    const reply = new Promise<Received>((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiting.delete(tid);
        reject(new Error(`no reply to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(tid, (r) => {
        clearTimeout(t);
        resolve(r);
      });
    });
    await this.publish(topic, method, data, { tid, needReply });
    return reply;
  }

  topology(withAircraft = true): Promise<Received> {
    const d = this.o.dockModel ?? { type: 2, subType: 0 };
    const a = this.o.aircraftModel ?? { type: 91, subType: 0 };
    return this.ask(`sys/product/${this.o.dockSn}/status`, 'update_topo', {
      domain: '3',
      type: d.type,
      sub_type: d.subType,
      device_secret: 'secret',
      nonce: 'nonce',
      version: 1,
      sub_devices: withAircraft
        ? [
            {
              sn: this.o.aircraftSn,
              domain: '0',
              type: a.type,
              sub_type: a.subType,
              index: 'A',
              device_secret: 'secret',
              nonce: 'nonce',
              version: 1,
            },
          ]
        : [],
    });
  }

  request(method: string, data: Record<string, unknown>): Promise<Received> {
    return this.ask(`thing/product/${this.o.dockSn}/requests`, method, data);
  }

  /** `live_capacity` and `live_status`, as the state a real dock reports when they change. */
  liveState(): Promise<string> {
    return this.publish(`thing/product/${this.o.dockSn}/state`, null, {
      live_capacity: this.live.capacity(),
      live_status: this.live.status(),
    });
  }

  /** The start-up a real dock goes through after the pilot's on-site setup. */
  async bootstrap(): Promise<{ config: Received; bound: Received }> {
    await this.topology();
    await this.liveState();
    const config = await this.request('config', { config_type: 'json', config_scope: 'product' });
    const status = await this.request('airport_bind_status', {
      devices: [{ sn: this.o.dockSn }, { sn: this.o.aircraftSn }],
    });
    const list =
      (status.data.output as { bind_status?: { is_device_bind_organization: boolean }[] })?.bind_status ?? [];
    let bound = status;
    if (list.some((b) => !b.is_device_bind_organization) && this.o.bindingCode && this.o.organizationId) {
      await this.request('airport_organization_get', {
        device_binding_code: this.o.bindingCode,
        organization_id: this.o.organizationId,
      });
      bound = await this.request('airport_organization_bind', {
        bind_devices: [
          {
            device_binding_code: this.o.bindingCode,
            organization_id: this.o.organizationId,
            device_callsign: this.o.callsign ?? this.o.dockSn,
            sn: this.o.dockSn,
            device_model_key: '3-2-0',
          },
          {
            device_binding_code: this.o.bindingCode,
            organization_id: this.o.organizationId,
            device_callsign: `${this.o.callsign ?? this.o.dockSn}-A`,
            sn: this.o.aircraftSn,
            device_model_key: '0-91-0',
          },
        ],
      });
    }
    const storage = await this.request('storage_config_get', { module: 0 }).catch(() => null);
    const out = storage?.data.output as StorageReply | undefined;
    if (storage?.data.result === 0 && out?.bucket) this.uploader = new SimUploader(out);
    return { config, bound };
  }

  /** A picture at a waypoint: into the store with the granted credentials, then the callback. */
  private async uploadPhoto(
    flightId: string,
    index: number,
    pos: { lng: number; lat: number; height: number },
    expected: number,
  ) {
    if (!this.uploader) return;
    const key = await this.uploader.photo(flightId, index);
    this.uploads++;
    await this.publish(
      `thing/product/${this.o.dockSn}/events`,
      'file_upload_callback',
      {
        file: {
          object_key: key,
          path: flightId,
          name: key.split('/').pop(),
          ext: { flight_id: flightId, drone_model_key: '0-91-0', payload_model_key: '1-80-0', is_original: true },
          metadata: {
            absolute_altitude: 30 + pos.height,
            relative_altitude: pos.height,
            gimbal_yaw_degree: '0',
            shoot_position: { lat: pos.lat, lng: pos.lng },
            create_time: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' '),
          },
        },
        flight_task: { uploaded_file_count: index + 1, expected_file_count: expected, flight_type: 0 },
      },
      { needReply: true },
    );
  }

  /** One OSD period: the dock's state in three partial messages, and the aircraft's. */
  async osd(): Promise<void> {
    const sn = this.o.dockSn;
    const t = `thing/product/${sn}/osd`;
    for (const part of dockOsdParts({
      ...this.o,
      battery: this.battery,
      mode: this.mode,
      flying: this.flying !== null,
    }))
      await this.publish(t, null, part);
    if (this.flying) return; // in flight the aircraft reports itself once a second
    await this.publish(
      `thing/product/${this.o.aircraftSn}/osd`,
      null,
      aircraftIdleOsd({ ...this.o, battery: this.battery }, this.totals),
    );
  }

  startOsd(): void {
    this.timer = setInterval(() => void this.osd().catch(() => {}), this.o.osdEveryMs ?? 2000);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.flying) clearInterval(this.flying.timer);
    this.flying = null;
    this.timer = null;
    await this.client?.endAsync(true).catch(() => {});
  }
}
