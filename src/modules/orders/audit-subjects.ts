/** How the audit log names orders: by 工单号 (GC…) instead of their internal ids, and finds them by it. */
import type { PlatformContext } from '../../platform/context';
import type { AuditSubjects } from '../../platform/module';
import { orderIdsByNumber, orderNumbersByIds } from './audit-subjects.repo';

export function ordersAuditSubjects(p: PlatformContext): AuditSubjects {
  return {
    entityTypes: ['order'],
    async labels(_entityType, ids) {
      return new Map((await orderNumbersByIds(p.db, [...new Set(ids)])).map((r) => [r.id, r.number]));
    },
    async find(text) {
      const number = text.replace(/\s+/g, '').toUpperCase();
      if (!/^[A-Z]{1,4}\d{6,}$/.test(number)) return [];
      return (await orderIdsByNumber(p.db, number)).map((r) => ({ entityType: 'order', id: r.id }));
    },
  };
}
