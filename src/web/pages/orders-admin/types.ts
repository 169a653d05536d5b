/** Shapes of the orders configuration API (admin-routes.ts, categories.ts, sla/routes.ts). */

export interface Limits {
  signHours: number;
  contactDays: number;
  completeDays: { normal: number; urgent: number; emergency: number };
}

export interface Category {
  code: string;
  parentCode: string | null;
  name: string;
  path: string;
  level: number;
  leaf: boolean;
  requestType: string | null;
  departmentType: string | null;
  limits: Limits | null;
  active: boolean;
}

export interface CategoryNode extends Category {
  children?: CategoryNode[];
}

export interface RoutingRule {
  id: string;
  categoryPrefix: string;
  categoryPath: string | null;
  communityCode: string | null;
  unitId: string;
  unitName: string | null;
  autoDispatch: boolean;
  minConfidence: number;
  priority: number;
  note: string | null;
}

export interface EscalationStep {
  afterWorkingDays: number;
  action: 'urge' | 'supervise';
  level?: 1 | 2 | 3;
  note?: string;
}

export interface SlaRules {
  dueSoonRatio: number;
  sign: EscalationStep[];
  completion: EscalationStep[];
}

export interface SlaRulesResponse {
  rules: SlaRules;
  defaults: SlaRules;
  saved: boolean;
  updatedAt: number | null;
}

export interface ClassifierInfo {
  model: { id: string; createdAt: number; samples: number; accuracy: number | null } | null;
  corrections: number;
}

export interface RetrainResult {
  samples: number;
  accuracy: number | null;
  top3: number | null;
}

/** Kinds of request and of responsible unit (categories-seed.ts), for labels and pickers. */
export const REQUEST_TYPES = ['complaint', 'consultation', 'help', 'suggestion', 'report', 'praise'] as const;
export const DEPARTMENT_TYPES = [
  'urban_management',
  'environment',
  'water',
  'gas',
  'power',
  'telecom',
  'transport',
  'housing',
  'market',
  'social_security',
  'medical_insurance',
  'health',
  'education',
  'public_security',
  'fire',
  'emergency',
  'civil_affairs',
  'agriculture_water',
  'government_services',
  'tax',
  'community',
  'hotline',
] as const;

/** The flat list as a tree (children sorted by code); empty `children` left out so rows are not expandable. */
export function categoryTree(items: Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>(items.map((c) => [c.code, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentCode ? nodes.get(n.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    list.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Keep the nodes matching `q` and their ancestors. */
export function filterTree(nodes: CategoryNode[], q: string): CategoryNode[] {
  const s = q.trim().toLowerCase();
  if (!s) return nodes;
  const out: CategoryNode[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterTree(n.children, q) : [];
    if (n.name.toLowerCase().includes(s) || n.code.startsWith(s) || kids.length)
      out.push({ ...n, children: kids.length ? kids : undefined });
  }
  return out;
}
