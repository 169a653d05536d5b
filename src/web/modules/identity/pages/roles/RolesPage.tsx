import { useMemo } from 'react';
import { Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { hasPermission } from '../../../../permissions';
import { PageHeader } from '../../../../components/PageHeader';
import { useRoleLabel } from '../../../../components/roles';
import { useRoles } from '../../../../components/useRefData';

interface Row {
  key: string;
  permission: string;
  area: string;
}

/** Read-only matrix: which role holds which permission (roles are defined in code on the server). */
export default function RolesPage() {
  const t = useT();
  const roleLabel = useRoleLabel();
  const { roles, loading } = useRoles();

  const rows = useMemo<Row[]>(() => {
    const all = new Set<string>();
    for (const r of roles) for (const p of r.permissions) all.add(p);
    return [...all].sort().map((p) => ({ key: p, permission: p, area: p.split('.')[0] }));
  }, [roles]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('role.permission'),
      dataIndex: 'permission',
      fixed: 'left',
      width: 240,
      render: (p: string, row, i) => (
        <span>
          {i === 0 || rows[i - 1]?.area !== row.area ? <Tag color="geekblue">{row.area}</Tag> : null}
          <Typography.Text code>{p}</Typography.Text>
        </span>
      ),
    },
    ...roles.map((r) => ({
      title: (
        <Tooltip title={r.role}>
          <span>{roleLabel(r.role, r)}</span>
        </Tooltip>
      ),
      key: r.role,
      align: 'center' as const,
      width: 110,
      render: (_: unknown, row: Row) =>
        hasPermission(r.permissions, row.permission) ? (
          <CheckOutlined style={{ color: '#389e0d' }} aria-label="yes" />
        ) : (
          <span style={{ color: '#d9d9d9' }}>·</span>
        ),
    })),
  ];

  return (
    <div>
      <PageHeader title={t('nav.admin.roles')} hint={t('role.hint')} />
      <Card>
        <Table<Row>
          size="small"
          loading={loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          sticky
          scroll={{ x: 240 + roles.length * 110 }}
          data-testid="role-matrix"
        />
      </Card>
    </div>
  );
}
