/**
 * Flight statistics (missions, sorties, hours, kilometres) by dock, scenario, department and
 * month, from the flights' own records. Pure: the repository gives the finished flights' compact
 * rows. A mission is a flight planned and sent; a sortie one that took off (it has flown time).
 */
export interface FlightFact {
  dock_sn: string;
  scenario: string;
  org_id: string | null;
  execute_at: number;
  state: string;
  flown_s: number | null;
  flown_m: number | null;
}

export type StatsKey = 'dock' | 'scenario' | 'org' | 'month';

export interface StatsRow {
  key: string;
  missions: number;
  sorties: number;
  hours: number;
  km: number;
  ok: number;
  failed: number;
}

const SHANGHAI = 8 * 3_600_000;
const monthOf = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 7);
const FAILED = new Set(['failed', 'rejected', 'timeout']);

export function flightStats(facts: readonly FlightFact[], by: StatsKey): { rows: StatsRow[]; total: StatsRow } {
  const groups = new Map<string, StatsRow>();
  const total: StatsRow = { key: 'total', missions: 0, sorties: 0, hours: 0, km: 0, ok: 0, failed: 0 };
  for (const f of facts) {
    const key =
      by === 'dock'
        ? f.dock_sn
        : by === 'scenario'
          ? f.scenario
          : by === 'org'
            ? (f.org_id ?? '')
            : monthOf(f.execute_at);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, missions: 0, sorties: 0, hours: 0, km: 0, ok: 0, failed: 0 }));
    for (const r of [g, total]) {
      r.missions++;
      if ((f.flown_s ?? 0) > 0) r.sorties++;
      r.hours += (f.flown_s ?? 0) / 3600;
      r.km += (f.flown_m ?? 0) / 1000;
      if (f.state === 'ok' || f.state === 'partially_done') r.ok++;
      if (FAILED.has(f.state)) r.failed++;
    }
  }
  const round = (r: StatsRow) => ({ ...r, hours: Math.round(r.hours * 10) / 10, km: Math.round(r.km * 10) / 10 });
  const rows = [...groups.values()]
    .map(round)
    .sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.missions - a.missions));
  return { rows, total: round(total) };
}
