import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './bus';
import type { Principal } from './auth/principal';
import { combineLiveFilters } from './live';

const event = (entityType: string | null, data: Record<string, unknown> = {}): DomainEvent => ({
  seq: 1,
  id: 'e1',
  type: `${entityType ?? 'x'}.changed`,
  entityType,
  entityId: 'id1',
  data,
  at: 0,
});
const person = (orgPath: string | null): Principal => ({
  kind: 'user',
  id: 'u1',
  name: 'u',
  roles: ['handler'],
  permissions: new Set(),
  orgId: null,
  orgPath,
  allScope: false,
});

describe('combineLiveFilters', () => {
  const filter = combineLiveFilters([
    { entityTypes: ['order'], visible: (e, p) => String(e.data.unitPath).startsWith(p.orgPath ?? '\u0000') },
  ]);

  it('lets the module that claims an entity type decide, and shows every other event', () => {
    expect(filter(event('order', { unitPath: '/a/b/' }), person('/a/'))).toBe(true);
    expect(filter(event('order', { unitPath: '/c/' }), person('/a/'))).toBe(false);
    expect(filter(event('org'), person('/a/'))).toBe(true);
    expect(filter(event(null), person(null))).toBe(true);
  });

  it('refuses two modules claiming one entity type', () => {
    const visible = () => true;
    expect(() =>
      combineLiveFilters([
        { entityTypes: ['order'], visible },
        { entityTypes: ['order'], visible },
      ]),
    ).toThrow(/two modules/);
  });
});
