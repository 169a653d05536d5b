import { Avatar, Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth';
import { useT } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { useRoleLabel } from '../components/roles';
import { useApiError } from '../components/useApiError';
import { NoticeBell } from './NoticeBell';

export function HeaderBar({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const { me, logout, can } = useAuth();
  const showError = useApiError();
  const user = me?.user;

  const doLogout = async () => {
    try {
      await logout();
    } catch (e) {
      showError(e);
    }
    // With the session gone, RequireAuth sends the user to /login.
  };

  return (
    <Flex className="app-header" justify="space-between" align="center" gap={16}>
      <Button
        type="text"
        aria-label={t('layout.toggleMenu')}
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggle}
      />
      <Space size="middle" wrap={false} className="app-header-right">
        {user ? (
          <Space size={8} data-testid="current-user">
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1668dc' }} />
            <Typography.Text strong>{user.name}</Typography.Text>
            <Typography.Text type="secondary" className="hide-narrow">
              {user.orgName}
            </Typography.Text>
            <span className="hide-narrow">
              {user.roles.map((r) => (
                <Tag key={r} color="blue" style={{ marginInlineEnd: 4 }}>
                  {roleLabel(r)}
                </Tag>
              ))}
            </span>
          </Space>
        ) : null}
        {can('orders.handle') ? <NoticeBell /> : null}
        <LangSwitch />
        <Tooltip title={t('layout.logout')}>
          <Button icon={<LogoutOutlined />} onClick={doLogout} data-testid="logout">
            <span className="hide-narrow">{t('layout.logout')}</span>
          </Button>
        </Tooltip>
      </Space>
    </Flex>
  );
}
