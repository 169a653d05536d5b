import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { type Org } from '../../modules/identity/contract';
import { buildOrgTree, toTreeData } from './orgTree';
import { useT } from '../i18n';

interface Props {
  orgs: Org[];
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
}

/** Pick one organisation from the tree (works as a Form.Item child). */
export function OrgTreeSelect({ orgs, value, onChange, allowClear, placeholder, style }: Props) {
  const t = useT();
  const treeData = useMemo(() => toTreeData(buildOrgTree(orgs)), [orgs]);
  return (
    <TreeSelect
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('org.pick')}
      style={style}
    />
  );
}
