import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  DEPARTMENT_TYPES,
  LEAF_CATEGORIES,
  REQUEST_TYPES,
  categoryByCode,
  categoryPath,
  categoryPathName,
} from './categories-seed';

describe('category seed tree', () => {
  it('has unique hierarchical codes whose parents exist and are branches', () => {
    const codes = CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of CATEGORIES) {
      expect(c.code).toMatch(/^(\d{2}){1,3}$/);
      expect(c.code.length).toBe(c.level * 2);
      if (c.level === 1) {
        expect(c.parentCode).toBeNull();
      } else {
        expect(c.parentCode).toBe(c.code.slice(0, -2));
        const parent = categoryByCode(c.parentCode!);
        expect(parent, `parent of ${c.code}`).toBeDefined();
        expect(parent!.leaf).toBe(false);
        // parents come first, so the list can be inserted in order
        expect(codes.indexOf(parent!.code)).toBeLessThan(codes.indexOf(c.code));
      }
      expect(c.name.trim()).not.toBe('');
    }
  });

  it('gives every branch children and keeps names unique among siblings', () => {
    for (const b of CATEGORIES.filter((c) => !c.leaf)) {
      const children = CATEGORIES.filter((c) => c.parentCode === b.code);
      expect(children.length, `children of ${b.code} ${b.name}`).toBeGreaterThan(0);
      expect(new Set(children.map((c) => c.name)).size).toBe(children.length);
    }
  });

  it('has the expected top level and 60–100 leaves', () => {
    const top = CATEGORIES.filter((c) => c.level === 1).map((c) => c.name);
    for (const name of [
      '城市管理',
      '公用事业',
      '交通运输',
      '生态环境',
      '住房建设',
      '市场监管',
      '社会保障',
      '卫生健康',
      '教育',
      '公共安全',
      '民政服务',
      '咨询类',
    ]) {
      expect(top).toContain(name);
    }
    expect(LEAF_CATEGORIES.length).toBeGreaterThanOrEqual(60);
    expect(LEAF_CATEGORIES.length).toBeLessThanOrEqual(100);
  });

  it('gives every leaf a request type, a known department type and sane time limits', () => {
    for (const l of LEAF_CATEGORIES) {
      const where = `${l.code} ${l.name}`;
      expect(Object.keys(REQUEST_TYPES), where).toContain(l.requestType);
      expect(Object.keys(DEPARTMENT_TYPES), where).toContain(l.departmentType);
      const { signHours, contactDays, completeDays } = l.limits;
      expect(signHours, where).toBeGreaterThan(0);
      expect(signHours, where).toBeLessThanOrEqual(8); // within one working day
      expect(contactDays, where).toBeGreaterThan(0);
      expect(contactDays, where).toBeLessThanOrEqual(completeDays.normal);
      expect(completeDays.emergency, where).toBeLessThanOrEqual(1); // emergencies close the same day
      expect(completeDays.emergency, where).toBeLessThanOrEqual(completeDays.urgent);
      expect(completeDays.urgent, where).toBeLessThanOrEqual(completeDays.normal);
      if (l.requestType === 'consultation' || l.requestType === 'help')
        expect(completeDays.normal, where).toBeLessThanOrEqual(3);
      if (l.requestType === 'complaint' || l.requestType === 'report' || l.requestType === 'suggestion') {
        expect(completeDays.normal, where).toBeGreaterThanOrEqual(5);
        expect(completeDays.normal, where).toBeLessThanOrEqual(15);
      }
    }
  });

  it('labels department types in Chinese', () => {
    for (const label of Object.values(DEPARTMENT_TYPES)) expect(label).toMatch(/\p{Script=Han}/u);
    expect(DEPARTMENT_TYPES.urban_management).toContain('城市管理');
  });

  it('names a path from the top', () => {
    expect(categoryPathName('010101')).toBe('城市管理 › 市容秩序 › 占道经营');
    expect(categoryPath('020301').map((c) => c.name)).toEqual(['公用事业', '燃气', '通气问题']);
    expect(categoryPath('nope')).toEqual([]);
    expect(categoryByCode('010101')).toMatchObject({
      leaf: true,
      departmentType: 'urban_management',
      requestType: 'complaint',
    });
  });
});
