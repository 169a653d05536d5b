import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode as DataNode } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { buildOrgTree, type OrgNode } from '../../../../components/orgTree';
import { type List as Items } from '../../../../../platform/contract';
import { type Org } from '../../../../../modules/identity/contract';
import { OrgCreateModal } from './OrgFormModal';
import { OrgDetail, kindColor } from './OrgDetail';

/** Keep nodes whose name or code matches, with their ancestors. */
function filterTree(nodes: OrgNode[], q: string): OrgNode[] {
  if (!q) return nodes;
  const out: OrgNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, q);
    if (children.length || n.name.includes(q) || n.code.toLowerCase().includes(q.toLowerCase()))
      out.push({ ...n, children });
  }
  return out;
}

export default function OrgsPage() {
  const t = useT();
  const { data, loading, reload } = useLoad((signal) => api.get<Items<Org>>('/api/orgs', undefined, { signal }), []);
  const orgs = useMemo(() => data?.items ?? [], [data]);
  const byId = useMemo(() => new Map(orgs.map((o) => [o.id, o])), [orgs]);
  const [selected, setSelected] = useState<string>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState<{ parent?: Org } | null>(null);

  const treeData = useMemo(() => {
    const toData = (list: OrgNode[]): DataNode[] =>
      list.map((n) => ({
        key: n.id,
        title: (
          <Space size={6}>
            <span>{n.name}</span>
            <Tag color={kindColor(n.kind)} style={{ marginInlineEnd: 0 }}>
              {t(`org.kind.${n.kind}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.code}
            </Typography.Text>
          </Space>
        ),
        children: toData(n.children),
      }));
    return toData(filterTree(buildOrgTree(orgs), q.trim()));
  }, [orgs, q, t]);

  const current = selected ? byId.get(selected) : undefined;
  const childCount = current ? orgs.filter((o) => o.parentId === current.id).length : 0;

  return (
    <div>
      <PageHeader
        title={t('nav.admin.orgs')}
        hint={t('org.hint')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating({ parent: current })}
              data-testid="org-create"
            >
              {t('org.create')}
            </Button>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card loading={loading} title={t('org.tree', { n: orgs.length })}>
            <Input.Search
              allowClear
              placeholder={t('org.search')}
              onChange={(e) => setQ(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            {treeData.length ? (
              <Tree
                key={q ? 'filtered' : 'all'}
                treeData={treeData}
                showLine
                blockNode
                defaultExpandAll={orgs.length <= 200 || !!q}
                defaultExpandedKeys={orgs.filter((o) => !o.parentId).map((o) => o.id)}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] as string | undefined)}
                height={640}
                data-testid="org-tree"
              />
            ) : (
              <Empty description={t('org.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {current ? (
            <OrgDetail
              org={current}
              parent={current.parentId ? byId.get(current.parentId) : undefined}
              childCount={childCount}
              onSaved={reload}
              onAddChild={() => setCreating({ parent: current })}
            />
          ) : (
            <Card>
              <Empty description={t('org.pickHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <OrgCreateModal
        open={!!creating}
        orgs={orgs}
        parent={creating?.parent}
        onClose={() => setCreating(null)}
        onCreated={(id) => {
          setCreating(null);
          if (id) setSelected(id);
          reload();
        }}
      />
    </div>
  );
}
