/**
 * The channel tree as a flat list of nodes with camera counts: by 行政区划 (province → city →
 * county → grassroots unit, from the cameras' civil codes) or by 业务分组/虚拟组织. Pure.
 */
import { civilChain, PROVINCES } from './gbt28181';

export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  cameras: number;
  online: number;
}

/** Names of area codes below the province this install knows (GB/T 2260; the grassroots unit is local). */
export const AREA_NAMES: Record<string, string> = {
  '4406': '佛山市',
  '440604': '禅城区',
  '440605': '南海区',
  '440606': '顺德区',
  '44060501': '桂城街道',
};

const LEVELS = ['province', 'city', 'county', 'grassroots'] as const;

export function areaTree(counts: ReadonlyArray<{ civil: string; n: number; up: number }>): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const c of counts) {
    const chain = civilChain(c.civil.padEnd(8, '0').slice(0, 8));
    chain.forEach((code, i) => {
      let node = nodes.get(code);
      if (!node) {
        node = {
          id: code,
          parentId: i === 0 ? null : chain[i - 1]!,
          name: (i === 0 ? PROVINCES[code] : AREA_NAMES[code]) ?? code,
          kind: LEVELS[i]!,
          cameras: 0,
          online: 0,
        };
        nodes.set(code, node);
      }
      node.cameras += c.n;
      node.online += c.up;
    });
  }
  return [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function groupTree(
  groups: ReadonlyArray<{ id: string; name: string; kind: string; parentId: string | null }>,
  counts: ReadonlyArray<{ group: string | null; n: number; up: number }>,
): TreeNode[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const nodes = new Map<string, TreeNode>(
    groups.map((g) => [
      g.id,
      {
        id: g.id,
        // a parent that is not (or no longer) a group: the node becomes a root
        parentId: g.parentId && byId.has(g.parentId) ? g.parentId : null,
        name: g.name,
        kind: g.kind,
        cameras: 0,
        online: 0,
      },
    ]),
  );
  const none: TreeNode = {
    id: 'none',
    parentId: null,
    name: '未分组 / ungrouped',
    kind: 'none',
    cameras: 0,
    online: 0,
  };
  for (const c of counts) {
    let node = c.group ? nodes.get(c.group) : undefined;
    if (!node) {
      none.cameras += c.n;
      none.online += c.up;
      continue;
    }
    // counted in the node and every ancestor (a cycle is cut by the visited set)
    const seen = new Set<string>();
    while (node && !seen.has(node.id)) {
      seen.add(node.id);
      node.cameras += c.n;
      node.online += c.up;
      node = node.parentId ? nodes.get(node.parentId) : undefined;
    }
  }
  const out = [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id));
  return none.cameras ? [...out, none] : out;
}
