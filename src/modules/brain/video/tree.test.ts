import { describe, expect, it } from 'vitest';
import { areaTree, groupTree } from './tree';

describe('channel tree', () => {
  it('sums cameras up the 行政区划 levels', () => {
    const t = areaTree([
      { civil: '44060501', n: 10, up: 7 },
      { civil: '44060502', n: 5, up: 5 },
      { civil: '44060400', n: 2, up: 0 },
    ]);
    const by = new Map(t.map((n) => [n.id, n]));
    expect(by.get('44')).toMatchObject({ name: '广东省', kind: 'province', cameras: 17, online: 12, parentId: null });
    expect(by.get('4406')).toMatchObject({ name: '佛山市', cameras: 17 });
    expect(by.get('440605')).toMatchObject({ name: '南海区', kind: 'county', cameras: 15, online: 12 });
    expect(by.get('44060501')).toMatchObject({ name: '桂城街道', kind: 'grassroots', parentId: '440605', cameras: 10 });
    expect(by.get('440604')).toMatchObject({ cameras: 2, online: 0 });
    expect(by.has('44060400')).toBe(false);
  });

  it('sums cameras up 业务分组 → 虚拟组织, ungrouped apart', () => {
    const t = groupTree(
      [
        { id: 'B', name: '治安', kind: 'business_group', parentId: null },
        { id: 'V1', name: '桂城', kind: 'virtual_org', parentId: 'B' },
        { id: 'V2', name: '千灯湖', kind: 'virtual_org', parentId: 'V1' },
        { id: 'X', name: '孤儿', kind: 'virtual_org', parentId: 'gone' },
      ],
      [
        { group: 'V2', n: 4, up: 3 },
        { group: 'V1', n: 1, up: 1 },
        { group: null, n: 6, up: 2 },
        { group: 'unknown', n: 1, up: 0 },
      ],
    );
    const by = new Map(t.map((n) => [n.id, n]));
    expect(by.get('B')).toMatchObject({ cameras: 5, online: 4 });
    expect(by.get('V1')).toMatchObject({ cameras: 5, parentId: 'B' });
    expect(by.get('V2')).toMatchObject({ cameras: 4 });
    expect(by.get('X')).toMatchObject({ parentId: null, cameras: 0 });
    expect(by.get('none')).toMatchObject({ cameras: 7, online: 2 });
  });
});
