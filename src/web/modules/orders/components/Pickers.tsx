/** Pickers the order pages share: the category tree and the units an order can be dispatched to. */
import { useMemo, type CSSProperties } from 'react';
import { Select, TreeSelect } from 'antd';
import { useT } from '../../../i18n';
import { type Org } from '../../../../modules/identity/contract';
import { type CategoryView } from '../../../../modules/orders/contract';
import { useCategories, useOrgIndex, UNIT_KINDS } from './refData';

interface TreeNode {
  value: string;
  key: string;
  title: string;
  /** What search matches: the name, the code and the full path. */
  search: string;
  /** Shown in the box once chosen. */
  label: string;
  kind?: string;
  selectable: boolean;
  disabled?: boolean;
  children: TreeNode[];
}

function categoryTree(list: CategoryView[], leafOnly: boolean): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const c of list) {
    nodes.set(c.code, {
      value: c.code,
      key: c.code,
      title: c.name,
      search: `${c.path} ${c.code}`,
      label: c.path,
      selectable: !leafOnly || c.leaf,
      children: [],
    });
  }
  const roots: TreeNode[] = [];
  for (const c of list) {
    const n = nodes.get(c.code)!;
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

interface CategoryProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Only leaf categories may be chosen (intake and dispatch need a leaf). */
  leafOnly?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  size?: 'small' | 'middle' | 'large';
  id?: string;
  testId?: string;
}

/** 诉求分类: the tree, searchable by name, code or path. */
export function CategoryTreeSelect({
  value,
  onChange,
  leafOnly,
  allowClear = true,
  placeholder,
  style,
  size,
  id,
  testId,
}: CategoryProps) {
  const t = useT();
  const cats = useCategories();
  const treeData = useMemo(() => categoryTree(cats.list, !!leafOnly), [cats.list, leafOnly]);
  return (
    <div data-testid={testId} style={style}>
      <TreeSelect
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange?.((v as string | undefined) ?? undefined)}
        treeData={treeData}
        loading={cats.loading}
        showSearch={{ treeNodeFilterProp: 'search' }}
        treeNodeLabelProp="label"
        allowClear={allowClear}
        placeholder={placeholder ?? t('orders.field.category.placeholder')}
        style={{ width: '100%' }}
        size={size}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 320 } } }}
      />
    </div>
  );
}

function unitTree(orgs: Org[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const o of orgs) {
    const ok = UNIT_KINDS.has(o.kind);
    nodes.set(o.id, {
      value: o.id,
      key: o.id,
      title: o.name,
      search: `${o.name} ${o.code}`,
      label: o.name,
      kind: o.kind,
      selectable: ok,
      children: [],
    });
  }
  const roots: TreeNode[] = [];
  for (const o of orgs) {
    const n = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.search.localeCompare(b.search, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  // Grids sit under communities; hiding them keeps the picker short (they are rarely a dispatch target).
  const prune = (list: TreeNode[], withGrids: boolean): TreeNode[] =>
    list.filter((n) => withGrids || n.kind !== 'grid').map((n) => ({ ...n, children: prune(n.children, withGrids) }));
  sort(roots);
  return prune(roots, false);
}

interface UnitProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  testId?: string;
  /** Open the tree fully (the dispatch form); closed by default for filters. */
  expandAll?: boolean;
}

/** 承办单位: departments, communities and their units, searchable by name or code. */
export function UnitPicker({ value, onChange, allowClear, placeholder, style, id, testId, expandAll }: UnitProps) {
  const t = useT();
  const orgs = useOrgIndex();
  const treeData = useMemo(() => unitTree(orgs.list), [orgs.list]);
  const firstLevel = useMemo(() => treeData.map((n) => n.key), [treeData]);
  return (
    <div data-testid={testId} style={style}>
      <TreeSelect
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange?.((v as string | undefined) ?? undefined)}
        treeData={treeData}
        loading={orgs.loading}
        showSearch={{ treeNodeFilterProp: 'search' }}
        treeNodeLabelProp="label"
        treeDefaultExpandAll={!!expandAll}
        treeDefaultExpandedKeys={expandAll ? undefined : firstLevel}
        allowClear={allowClear}
        placeholder={placeholder ?? t('orders.field.unit.placeholder')}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 300 } } }}
      />
    </div>
  );
}

interface UnitSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The routing suggestion: listed first, marked, and taken by Alt+S. */
  suggested?: string | null;
  /** Units that may not be chosen (the one holding the order, for 改派). */
  exclude?: readonly string[];
  id?: string;
  testId?: string;
}

/**
 * 承办单位 for dispatching, made for the keyboard: type part of a name or code, ArrowUp/Down,
 * Enter picks (the first match is active, so typing and Enter is enough). Only units that can take
 * an order are listed, flat, each with its parent so equal names are told apart. Text typed but
 * not picked is dropped when the box loses focus, so the box always shows the value that will be
 * submitted.
 */
export function UnitSelect({ value, onChange, suggested, exclude, id, testId }: UnitSelectProps) {
  const t = useT();
  const orgs = useOrgIndex();
  const options = useMemo(() => {
    const skip = new Set(exclude ?? []);
    const list = orgs.list
      .filter((o) => UNIT_KINDS.has(o.kind) && o.kind !== 'grid' && !skip.has(o.id))
      .map((o) => {
        const parent = o.parentId ? orgs.byId.get(o.parentId)?.name : undefined;
        const isSuggested = o.id === suggested;
        return {
          value: o.id,
          search: `${o.name} ${o.code} ${parent ?? ''}`.toLowerCase(),
          name: o.name,
          label: (
            <span data-testid={`unit-option-${o.code}`}>
              {o.name}
              {parent ? <span style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>{parent}</span> : null}
              {isSuggested ? (
                <span style={{ color: '#1677ff', marginInlineStart: 8, fontSize: 12 }}>
                  {t('orders.act.suggested')}
                </span>
              ) : null}
            </span>
          ),
          suggested: isSuggested,
        };
      });
    return list.sort((a, b) => Number(b.suggested) - Number(a.suggested) || a.name.localeCompare(b.name, 'zh-CN'));
  }, [orgs.list, orgs.byId, suggested, exclude, t]);
  return (
    <div
      data-testid={testId}
      onKeyDown={(e) => {
        // one key takes the routing suggestion
        if (e.altKey && (e.key === 's' || e.key === 'S') && suggested && !exclude?.includes(suggested)) {
          e.preventDefault();
          onChange?.(suggested);
        }
      }}
    >
      <Select
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange?.((v as string | undefined) ?? undefined)}
        options={options}
        loading={orgs.loading}
        showSearch={{
          filterOption: (input, option) => !!option && option.search.includes(input.trim().toLowerCase()),
          autoClearSearchValue: true,
        }}
        optionLabelProp="label"
        placeholder={t('orders.field.unit.placeholder')}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
        listHeight={320}
      />
    </div>
  );
}
