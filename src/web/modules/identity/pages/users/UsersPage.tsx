import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  EyeOutlined,
  KeyOutlined,
  PlusOutlined,
  StopOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useRoleLabel } from '../../../../components/roles';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { useOrgs, useRoles } from '../../../../components/useRefData';
import { type List as Items } from '../../../../../platform/contract';
import { type UserRow } from '../../../../../modules/identity/contract';
import { UserFormModal } from './UserFormModal';
import { PasswordModal } from './PasswordModal';

interface Filter {
  q?: string;
  orgId?: string;
  role?: string;
}

export default function UsersPage() {
  const t = useT();
  const roleLabel = useRoleLabel();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const [filter, setFilter] = useState<Filter>({});
  const users = useLoad(
    (signal) => api.get<Items<UserRow>>('/api/users', { ...filter }, { signal }),
    [filter.q, filter.orgId, filter.role],
  );
  const { orgs } = useOrgs();
  const { roles } = useRoles();
  const [editing, setEditing] = useState<UserRow | null | undefined>(undefined); // null = create
  const [pwUser, setPwUser] = useState<UserRow | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const byRole = new Map(roles.map((r) => [r.role, r]));

  const reveal = async (u: UserRow) => {
    try {
      const res = await api.post<{ value: string | null }>(`/api/users/${encodeURIComponent(u.id)}/reveal`, {
        field: 'phone',
      });
      setRevealed((m) => ({ ...m, [u.id]: res.value ?? '—' }));
      message.info(t('user.reveal.logged'));
    } catch (e) {
      showError(e);
    }
  };

  const patchUser = async (u: UserRow, patch: { disabled?: boolean; unlock?: boolean }, done: string) => {
    try {
      await api.patch(`/api/users/${encodeURIComponent(u.id)}`, patch);
      message.success(done);
      users.reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      width: 140,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('user.name'), dataIndex: 'name', width: 120 },
    {
      title: t('user.extension'),
      dataIndex: 'extension',
      width: 100,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('user.phone'),
      dataIndex: 'phone',
      width: 170,
      render: (v: string | null, u) =>
        revealed[u.id] ? (
          <Typography.Text copyable>{revealed[u.id]}</Typography.Text>
        ) : v ? (
          <Space size={4}>
            <span>{v}</span>
            {can('pii.reveal') ? (
              <Tooltip title={t('user.reveal')}>
                <Button
                  size="small"
                  type="text"
                  icon={<EyeOutlined />}
                  onClick={() => reveal(u)}
                  data-testid={`reveal-${u.username}`}
                />
              </Tooltip>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('user.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (rs: string[]) =>
        rs.map((r) => (
          <Tag key={r} color="blue">
            {roleLabel(r, byRole.get(r))}
          </Tag>
        )),
    },
    {
      title: t('user.status'),
      width: 200,
      render: (_, u) =>
        u.disabled ? (
          <Tag color="default">{t('user.status.disabled')}</Tag>
        ) : u.lockedUntil && u.lockedUntil > Date.now() ? (
          <Space size={4}>
            <Tooltip title={t('user.status.lockedUntil', { time: fmtTime(u.lockedUntil) })}>
              <Tag color="orange">{t('user.status.locked')}</Tag>
            </Tooltip>
            <Button
              size="small"
              type="link"
              icon={<UnlockOutlined />}
              onClick={() => patchUser(u, { unlock: true }, t('user.unlocked.done'))}
            >
              {t('user.unlock')}
            </Button>
          </Space>
        ) : (
          <Tag color="green">{t('user.status.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      width: 250,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" icon={<KeyOutlined />} onClick={() => setPwUser(u)}>
            {t('user.resetPasswordShort')}
          </Button>
          {u.disabled ? (
            <Button
              size="small"
              type="link"
              icon={<CheckCircleOutlined />}
              onClick={() => patchUser(u, { disabled: false }, t('user.enabled.done'))}
            >
              {t('user.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('user.disable.confirm', { name: u.name })}
              onConfirm={() => patchUser(u, { disabled: true }, t('user.disabled.done'))}
              disabled={u.id === me?.user.id}
            >
              <Button size="small" type="link" danger icon={<StopOutlined />} disabled={u.id === me?.user.id}>
                {t('user.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.admin.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="user-create">
            {t('user.create')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('user.search')}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
            style={{ width: 240 }}
            data-testid="user-search"
          />
          <OrgTreeSelect
            orgs={orgs}
            allowClear
            placeholder={t('user.filter.org')}
            value={filter.orgId}
            onChange={(orgId) => setFilter((f) => ({ ...f, orgId }))}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder={t('user.filter.role')}
            value={filter.role}
            onChange={(role?: string) => setFilter((f) => ({ ...f, role }))}
            options={roles.map((r) => ({ value: r.role, label: roleLabel(r.role, r) }))}
            style={{ width: 180 }}
          />
        </Space>
        <Table<UserRow>
          rowKey="id"
          size="middle"
          loading={users.loading}
          dataSource={users.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1000 }}
        />
      </Card>
      <UserFormModal
        open={editing !== undefined}
        user={editing ?? null}
        orgs={orgs}
        roles={roles}
        onClose={() => setEditing(undefined)}
        onDone={() => {
          setEditing(undefined);
          users.reload();
        }}
      />
      <PasswordModal user={pwUser} onClose={() => setPwUser(null)} />
    </div>
  );
}
