import { describe, expect, it } from 'vitest';
import { ALGORITHM_LIST, isAutomatic, orderText, repeats } from './algorithms';

describe('finding rules', () => {
  it('knows the nine and more algorithms, with thresholds', () => {
    expect(ALGORITHM_LIST.length).toBeGreaterThanOrEqual(9);
    expect(isAutomatic('smoke_fire', 0.85)).toBe(true);
    expect(isAutomatic('garbage', 0.85)).toBe(false);
    expect(isAutomatic('crowding', 1)).toBe(false);
  });
  it('merges repeats of the same thing only: same algorithm, near, recent', () => {
    const day = 86_400_000;
    const open = [
      { id: 'a', algorithm: 'garbage', lng: 113.15, lat: 23.03, createdAt: 0 },
      { id: 'b', algorithm: 'road_damage', lng: 113.15, lat: 23.03, createdAt: 0 },
    ];
    expect(repeats(open, { algorithm: 'garbage', lng: 113.1501, lat: 23.0301, at: day })?.id).toBe('a');
    expect(repeats(open, { algorithm: 'garbage', lng: 113.152, lat: 23.03, at: day })).toBeNull(); // ~200 m away
    expect(repeats(open, { algorithm: 'garbage', lng: 113.15, lat: 23.03, at: 8 * day })).toBeNull(); // a week later
    expect(repeats(open, { algorithm: 'smoke_fire', lng: 113.15, lat: 23.03, at: day })).toBeNull();
  });
  it('writes the order text', () => {
    expect(orderText('garbage', 0.934, '千灯湖公园')).toEqual({
      title: '无人机巡查发现：垃圾堆放',
      description: '无人机巡查 AI 识别到「垃圾堆放」（置信度 93%），位置：千灯湖公园。请核实处置，附航拍照片。',
    });
  });
});
