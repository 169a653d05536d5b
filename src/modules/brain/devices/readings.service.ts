/**
 * Readings in: a batch (from the MQTT intake or a gateway's HTTP post) is checked against each
 * device's type, and in ONE transaction the good readings are stored, each device's latest state
 * moved on, and the refusals counted per device and reason — a refused reading is never stored.
 * Nothing here throws on bad input: every item gets its verdict.
 */
import { SYSTEM_CONTEXT } from '../../../platform/audit';
import type { PlatformContext } from '../../../platform/context';
import {
  addRejects,
  devicesForReadings,
  insertReadings,
  type ReadingInsert,
  type RejectCountInsert,
  recordLatest,
} from './devices.repo';
import { DEVICE_ENTITY } from './devices.service';
import { checkReading, type DeviceType, isDeviceType, type RejectReason } from './model/reading-types';

/** One reading as received: parsed envelope, or why it could not be parsed. */
export type Incoming =
  | { deviceId: string; at: number | null; values: unknown }
  | { deviceId: string; malformed: string };

export type Verdict =
  | { ok: true }
  | { ok: false; reason: RejectReason | 'unknown_device'; field?: string; message: string };

export const READINGS_EVENT = 'brain.device.readings';

export class Readings {
  /** Readings for ids no device has: not stored, not counted in the table (anyone could invent ids). */
  unknownDevice = 0;

  constructor(private p: PlatformContext) {}

  async ingest(items: readonly Incoming[]): Promise<Verdict[]> {
    if (!items.length) return [];
    const ids = [...new Set(items.map((i) => i.deviceId))];
    return this.p.transact(SYSTEM_CONTEXT, async (w) => {
      const now = w.now;
      const devices = new Map((await devicesForReadings(w.trx, ids)).map((d) => [d.id, d]));
      const verdicts: Verdict[] = [];
      const rows: ReadingInsert[] = [];
      const latest = new Map<string, { at: number; data: string }>();
      const rejects = new Map<string, RejectCountInsert>();
      const refuse = (deviceId: string, reason: RejectReason, message: string, field?: string) => {
        verdicts.push({ ok: false, reason, message, ...(field ? { field } : {}) });
        const key = `${deviceId}\u0000${reason}`;
        const r = rejects.get(key);
        if (r) {
          r.rejected++;
          r.last_message = message.slice(0, 200);
        } else
          rejects.set(key, {
            device_id: deviceId,
            reason,
            rejected: 1,
            last_at: now,
            last_message: message.slice(0, 200),
          });
      };
      for (const item of items) {
        const d = devices.get(item.deviceId);
        if (!d || !isDeviceType(d.type)) {
          this.unknownDevice++;
          verdicts.push({ ok: false, reason: 'unknown_device', message: `no device ${item.deviceId}` });
          continue;
        }
        if ('malformed' in item) {
          refuse(d.id, 'malformed', item.malformed);
          continue;
        }
        if (d.status === 'retired') {
          refuse(d.id, 'retired', 'the device is retired');
          continue;
        }
        const c = checkReading(d.type as DeviceType, item, now);
        if (!c.ok) {
          refuse(d.id, c.reason, c.message, c.field);
          continue;
        }
        const data = JSON.stringify(c.values);
        rows.push({ device_id: d.id, at: c.at, data, received_at: now });
        const l = latest.get(d.id);
        if (!l || c.at >= l.at) latest.set(d.id, { at: c.at, data });
        verdicts.push({ ok: true });
      }
      if (rows.length) await insertReadings(w.trx, rows);
      for (const [id, l] of latest) await recordLatest(w.trx, id, l, now);
      if (rejects.size) await addRejects(w.trx, [...rejects.values()]);
      if (latest.size)
        w.emit({
          type: READINGS_EVENT,
          entityType: DEVICE_ENTITY,
          data: { devices: [...latest.keys()].slice(0, 200), accepted: rows.length },
        });
      return verdicts;
    });
  }
}
