/**
 * Messages that could not be used, counted per device, topic and reason in memory and added to
 * the database in batches (a flood of bad payloads must not become a flood of writes).
 */
export interface FaultKey {
  sn: string;
  topicKind: string;
  reason: string;
}

export interface FaultBatch {
  sn: string;
  topic_kind: string;
  reason: string;
  count: number;
  at: number;
  sample: string | null;
}

export class FaultCounter {
  private pending = new Map<string, FaultBatch>();
  private totals = new Map<string, number>();

  add(k: FaultKey, at: number, payload: Uint8Array | string | null): void {
    const id = `${k.sn}\u0000${k.topicKind}\u0000${k.reason}`;
    const sample = payload === null ? null : sampleOf(payload);
    const p = this.pending.get(id);
    if (p) {
      p.count++;
      p.at = at;
      p.sample = sample;
    } else this.pending.set(id, { sn: k.sn, topic_kind: k.topicKind, reason: k.reason, count: 1, at, sample });
    this.totals.set(k.reason, (this.totals.get(k.reason) ?? 0) + 1);
  }

  /** Takes what is pending (the caller writes it, and gives it back if the write fails). */
  take(): FaultBatch[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }

  giveBack(batch: FaultBatch[]): void {
    for (const b of batch) {
      const id = `${b.sn}\u0000${b.topic_kind}\u0000${b.reason}`;
      const p = this.pending.get(id);
      if (p) p.count += b.count;
      else this.pending.set(id, b);
    }
  }

  /** Counts by reason since start (this node), for health and the bench. */
  byReason(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }
}

/** The first 200 characters, printable only: enough for a pilot to see what the device sent. */
function sampleOf(payload: Uint8Array | string): string {
  const text =
    typeof payload === 'string' ? payload.slice(0, 400) : Buffer.from(payload.subarray(0, 400)).toString('utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f]/g, '·').slice(0, 200);
}
