/** English for home-audit.zh-CN.ts. */
import type { homeAuditZhCN } from './home-audit.zh-CN';

export const homeAuditEn: Record<keyof typeof homeAuditZhCN, string> = {
  'home.citizen.welcome': 'Here you see the problems you reported and how they are being handled',
  'audit.subject': 'Record',
  'audit.subject.placeholder': 'Order number, user or organisation name',
  'audit.actorName': 'By',
  'audit.actorName.placeholder': 'Name',
  'audit.action.placeholder': 'e.g. order.create',
  'audit.advanced': 'Filter by ids',
};
