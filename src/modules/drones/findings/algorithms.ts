import { distanceMeters } from '../../../platform/geo';

/**
 * The recognition algorithms whose findings the platform takes (Guicheng's phase two runs nine),
 * each with the work-order category its findings become, the confidence above which a finding
 * becomes an order without review, and its words. Pure configuration and rules.
 */
export const ALGORITHMS = {
  illegal_construction: {
    zh: '违法建设',
    en: 'illegal construction',
    category: '0103',
    autoAbove: 0.95,
    urgency: 'normal',
  },
  garbage: { zh: '垃圾堆放', en: 'garbage pile', category: '010201', autoAbove: 0.9, urgency: 'normal' },
  water_pollution: {
    zh: '水体污染/排污口',
    en: 'water pollution / outfall',
    category: '040301',
    autoAbove: 0.9,
    urgency: 'urgent',
  },
  floating_debris: { zh: '水面漂浮物', en: 'floating debris', category: '040301', autoAbove: 0.9, urgency: 'normal' },
  smoke_fire: { zh: '烟雾火情', en: 'smoke or fire', category: '040103', autoAbove: 0.8, urgency: 'emergency' },
  road_damage: { zh: '道路破损', en: 'road damage', category: '010402', autoAbove: 0.9, urgency: 'normal' },
  illegal_parking: { zh: '违章停车', en: 'illegal parking', category: '030302', autoAbove: 0.95, urgency: 'normal' },
  crowding: { zh: '人群聚集', en: 'crowding', category: null, autoAbove: 1.01, urgency: 'urgent' },
  space_occupation: {
    zh: '占道经营',
    en: 'occupation of public space',
    category: '010101',
    autoAbove: 0.9,
    urgency: 'normal',
  },
  construction_dust: { zh: '工地扬尘', en: 'construction dust', category: '040104', autoAbove: 0.9, urgency: 'normal' },
} as const satisfies Record<
  string,
  { zh: string; en: string; category: string | null; autoAbove: number; urgency: 'normal' | 'urgent' | 'emergency' }
>;

export type Algorithm = keyof typeof ALGORITHMS;
export const ALGORITHM_LIST = Object.keys(ALGORITHMS) as Algorithm[];

/** Becomes an order without a reviewer (a threshold above 1 means: always reviewed). */
export const isAutomatic = (algorithm: Algorithm, confidence: number) => confidence >= ALGORITHMS[algorithm].autoAbove;

/** Findings of the same thing: same algorithm, within this distance and time of an open one. */
export const SAME_THING = { metres: 30, days: 7 };

export interface OpenFinding {
  id: string;
  algorithm: string;
  lng: number;
  lat: number;
  createdAt: number;
}

/** The open finding a new one repeats (the nearest), or null. */
export function repeats(
  open: readonly OpenFinding[],
  f: { algorithm: string; lng: number; lat: number; at: number },
): OpenFinding | null {
  let best: { f: OpenFinding; d: number } | null = null;
  for (const o of open) {
    if (o.algorithm !== f.algorithm || f.at - o.createdAt > SAME_THING.days * 86_400_000) continue;
    const d = distanceMeters([o.lng, o.lat], [f.lng, f.lat]);
    if (d <= SAME_THING.metres && (!best || d < best.d)) best = { f: o, d };
  }
  return best?.f ?? null;
}

/** The order text for a finding. */
export function orderText(
  algorithm: Algorithm,
  confidence: number,
  where: string | null,
): { title: string; description: string } {
  const a = ALGORITHMS[algorithm];
  const pct = Math.round(confidence * 100);
  return {
    title: `无人机巡查发现：${a.zh}`,
    description: `无人机巡查 AI 识别到「${a.zh}」（置信度 ${pct}%）${where ? `，位置：${where}` : ''}。请核实处置，附航拍照片。`,
  };
}
