/**
 * How the street's units work in the demo history: each gets a quality, spread evenly and
 * shuffled so every ranking has a clear top and bottom, and the profile that follows from it;
 * and where an order goes after a unit's 退单 is approved.
 */
import type { UnitInfo } from '../deps';
import { pick, type Rand } from './demo-random';
import type { UnitProfile } from './history-plan';

export function unitProfile(quality: number): UnitProfile {
  const bad = 1 - quality;
  return {
    quality,
    signMedian: 0.06 + 0.3 * bad,
    signLateP: 0.002 + 0.05 * bad,
    onTimeP: 0.8 + 0.19 * quality,
    speed: 0.22 + 0.45 * bad,
    returnP: 0.015 + 0.05 * bad,
    extensionP: 0.015 + 0.05 * bad,
    unsatisfiedP: 0.025 + 0.09 * bad,
    basicP: 0.13 + 0.12 * bad,
  };
}

export class HistoryUnits {
  private profiles = new Map<string, UnitProfile>();
  private unitByCode = new Map<string, UnitInfo>();

  /** Shuffles the qualities with `r`. */
  constructor(
    private units: readonly UnitInfo[],
    r: Rand,
  ) {
    for (const u of units) this.unitByCode.set(u.code, u);
    const ranked = [...units].sort((a, b) => a.code.localeCompare(b.code));
    const qualities = ranked.map((_, i) => (ranked.length > 1 ? i / (ranked.length - 1) : 0.5));
    for (let i = qualities.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [qualities[i], qualities[j]] = [qualities[j], qualities[i]];
    }
    ranked.forEach((u, i) => this.profiles.set(u.id, unitProfile(qualities[i])));
  }

  byCode(code: string): UnitInfo | undefined {
    return this.unitByCode.get(code);
  }

  /** The unit's place in the directory's list (names its synthetic handler). */
  indexOf(unitId: string): number {
    return this.units.findIndex((u) => u.id === unitId);
  }

  profile(unitId: string): UnitProfile {
    return this.profiles.get(unitId) ?? unitProfile(0.5);
  }

  /** After an approved 退单: a community's "not ours" goes to a department, a department's to the community. */
  redirect(unitId: string, r: Rand): string {
    const unit = this.units.find((u) => u.id === unitId);
    if (unit?.kind === 'community') {
      const to = this.unitByCode.get(pick(r, ['GC-ZF', 'GC-ZF', 'GC-ZJ', 'GC-SJ', 'GC-HB']));
      if (to && to.id !== unitId) return to.id;
    }
    const communities = this.units.filter((u) => u.kind === 'community' && u.id !== unitId);
    const departments = this.units.filter(
      (u) => u.kind === 'department' && u.id !== unitId && u.departmentType !== 'hotline',
    );
    const pool = communities.length && r() < 0.7 ? communities : departments.length ? departments : communities;
    return pool.length ? pick(r, pool).id : unitId;
  }
}
