import { type Org } from '../../modules/identity/contract';

export interface OrgNode extends Org {
  children: OrgNode[];
}

/** Build the org forest from the flat list; orphans (parent not visible) become roots. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const o of orgs) nodes.set(o.id, { ...o, children: [] });
  const roots: OrgNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export interface OrgTreeData {
  value: string;
  key: string;
  title: string;
  children: OrgTreeData[];
}

export function toTreeData(nodes: OrgNode[]): OrgTreeData[] {
  return nodes.map((n) => ({ value: n.id, key: n.id, title: n.name, children: toTreeData(n.children) }));
}
