/** Routing as a pure rule: category × place → responsible unit, and whether to dispatch at once. */
import { DEPARTMENT_TYPES } from '../categories/categories-seed';

export interface RoutingRule {
  id: string;
  categoryPrefix: string;
  communityCode: string | null;
  unitId: string;
  autoDispatch: boolean;
  minConfidence: number;
  priority: number;
}

export interface UnitCandidate {
  id: string;
  code: string;
  kind: string;
  departmentType: string | null;
}

export interface RouteDecision {
  unitId: string;
  ruleId: string | null;
  reason: string;
  autoDispatch: boolean;
}

/**
 * 1. The most specific explicit rule: longest matching category prefix, then one naming the
 *    community, then priority. 2. Otherwise the category's kind of unit: a community matter goes
 *    to the community the point lies in; anything else to the department of that kind.
 * Auto-dispatch only by an explicit rule, and only when the category is certain enough.
 */
export function decideRoute(input: {
  categoryCode: string | null;
  departmentType: string | null;
  communityCode: string | null;
  confidence: number | null;
  /** True when a person chose the category (certain), false when it is the classifier's guess. */
  categoryConfirmed: boolean;
  rules: readonly RoutingRule[];
  units: readonly UnitCandidate[];
}): RouteDecision | null {
  const { categoryCode, communityCode } = input;
  if (!categoryCode) return null;
  const matching = input.rules
    .filter(
      (r) =>
        categoryCode.startsWith(r.categoryPrefix) && (r.communityCode === null || r.communityCode === communityCode),
    )
    .sort(
      (a, b) =>
        b.categoryPrefix.length - a.categoryPrefix.length ||
        Number(b.communityCode !== null) - Number(a.communityCode !== null) ||
        b.priority - a.priority,
    );
  const rule = matching[0];
  if (rule) {
    const where = `${rule.categoryPrefix || '*'}${rule.communityCode ? ' @ ' + rule.communityCode : ''}`;
    const sure = input.categoryConfirmed || (input.confidence ?? 0) >= rule.minConfidence;
    return {
      unitId: rule.unitId,
      ruleId: rule.id,
      reason: bilingual(`规则 ${where}`, `rule ${where}`),
      autoDispatch: rule.autoDispatch && sure,
    };
  }
  if (input.departmentType === 'community') {
    const community = input.units.find((u) => u.kind === 'community' && u.code === communityCode);
    return community
      ? { unitId: community.id, ruleId: null, reason: bilingual('属地社区', 'local community'), autoDispatch: false }
      : null;
  }
  const dept = input.units.find((u) => u.kind === 'department' && u.departmentType === input.departmentType);
  return dept
    ? {
        unitId: dept.id,
        ruleId: null,
        reason: bilingual(
          `主管部门：${departmentTypeName(input.departmentType)}`,
          `responsible department: ${(input.departmentType ?? '').replace(/_/g, ' ')}`,
        ),
        autoDispatch: false,
      }
    : null;
}

/** Like the server's other messages, "中文 / English": the web shows the side of its language (serverText.ts). */
const bilingual = (zh: string, en: string) => `${zh} / ${en}`;

/** The Chinese side of a reason, for the timeline note of an automatic dispatch (notes are one language). */
export const reasonZh = (reason: string): string => reason.split(' / ')[0];

function departmentTypeName(type: string | null): string {
  return (type && (DEPARTMENT_TYPES as Record<string, string>)[type]) || type || '';
}
