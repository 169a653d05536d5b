import { useMemo } from 'react';
import { Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { hasKey, useT } from '../../../../i18n';
import { hasPermission } from '../../../../permissions';
import { PageHeader } from '../../../../components/PageHeader';
import { useRoleLabel } from '../../../../components/roles';
import { useRoles } from '../../../../components/useRefData';

type Row =
  | { kind: 'group'; key: string; group: string }
  | { kind: 'permission'; key: string; permission: string; apiKeyOnly: boolean };

/** The groups in the order people look for them; a permission of another area goes last, under its own name. */
const GROUP_ORDER = [
  'orders',
  'hotline',
  'open311',
  'notifications',
  'geo',
  'calendar',
  'orgs',
  'users',
  'roles',
  'pii',
  'apikeys',
  'audit',
];
const areaOf = (permission: string) => permission.split('.')[0];
const rank = (area: string) => (GROUP_ORDER.includes(area) ? GROUP_ORDER.indexOf(area) : GROUP_ORDER.length);

/**
 * Read-only matrix: which role holds which permission (roles are defined in code on the server),
 * each permission said in words in the page's language and grouped by area, its code beside it.
 */
export default function RolesPage() {
  const t = useT();
  const roleLabel = useRoleLabel();
  const { roles, apiKeyPermissions, loading } = useRoles();

  const rows = useMemo<Row[]>(() => {
    const held = new Set<string>();
    for (const r of roles) for (const p of r.permissions) held.add(p);
    const all = new Set([...held, ...apiKeyPermissions]);
    const sorted = [...all].sort((a, b) => rank(areaOf(a)) - rank(areaOf(b)) || a.localeCompare(b));
    const out: Row[] = [];
    for (const p of sorted) {
      const area = areaOf(p);
      if (out.length === 0 || areaOf((out[out.length - 1] as { permission: string }).permission) !== area)
        out.push({ kind: 'group', key: `group-${area}`, group: area });
      out.push({ kind: 'permission', key: p, permission: p, apiKeyOnly: !held.has(p) });
    }
    return out;
  }, [roles, apiKeyPermissions]);

  const groupLabel = (area: string) => {
    const k = `perm.group.${area}`;
    return hasKey(k) ? t(k) : area;
  };
  const describe = (permission: string) => {
    const k = `perm.${permission}`;
    return hasKey(k) ? t(k) : permission;
  };
  const spanGroup = (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {});

  const columns: TableColumnsType<Row> = [
    {
      title: t('role.permission'),
      key: 'permission',
      fixed: 'left',
      width: 320,
      onCell: (r) => (r.kind === 'group' ? { colSpan: roles.length + 1 } : {}),
      render: (_: unknown, r) =>
        r.kind === 'group' ? (
          <Tag color="geekblue" data-testid={`perm-group-${r.group}`}>
            {groupLabel(r.group)}
          </Tag>
        ) : (
          <div data-testid={`perm-${r.permission}`}>
            <div>{describe(r.permission)}</div>
            <Typography.Text code style={{ fontSize: 12 }}>
              {r.permission}
            </Typography.Text>
            {r.apiKeyOnly ? (
              <Tag style={{ marginInlineStart: 6 }} color="purple">
                {t('role.apiKeyOnly')}
              </Tag>
            ) : null}
          </div>
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
      onCell: spanGroup,
      render: (_: unknown, row: Row) =>
        row.kind === 'group' ? null : hasPermission(r.permissions, row.permission) ? (
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
          scroll={{ x: 320 + roles.length * 110 }}
          data-testid="role-matrix"
          rowClassName={(r) => (r.kind === 'group' ? 'role-matrix-group' : '')}
        />
      </Card>
    </div>
  );
}
