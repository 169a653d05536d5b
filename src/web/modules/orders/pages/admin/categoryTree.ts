/** The category list as a tree for the admin table, and its filter. */
import type { CategoryView as Category } from '../../../../../modules/orders/contract';

export interface CategoryNode extends Category {
  children?: CategoryNode[];
}

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
