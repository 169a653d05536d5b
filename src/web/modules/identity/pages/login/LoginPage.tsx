import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT, type MessageKey } from '../../../../i18n';
import { LangSwitch } from '../../../../components/LangSwitch';
import { Logo } from '../../../../layout/Logo';

/** Only same-site paths: never follow ?next= to another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

const STATUS_TEXT: Record<number, MessageKey> = {
  401: 'login.error.credentials',
  423: 'login.error.locked',
  429: 'login.error.rateLimited',
};

export function LoginPage() {
  const t = useT();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ status: number; text: string } | null>(null);

  if (me) return <Navigate to={next} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        const fallback = STATUS_TEXT[e.status];
        const text = e.status === 0 ? t('error.network') : e.message || (fallback ? t(fallback) : t('error.unknown'));
        setError({ status: e.status, text });
      } else {
        setError({ status: 0, text: (e as Error).message || t('error.unknown') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LangSwitch size="middle" />
      </div>
      <div className="login-panel">
        <div className="login-hero">
          <Logo size={56} />
          <h1>{t('app.name')}</h1>
          <div className="login-sub">{t('app.title')}</div>
          <ul>
            <li>◆ {t('login.pillar.orders')}</li>
            <li>◆ {t('login.pillar.services')}</li>
            <li>◆ {t('login.pillar.drones')}</li>
            <li>◆ {t('login.pillar.brain')}</li>
          </ul>
        </div>
        <div className="login-form-wrap">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {error ? (
            <Alert
              type={error.status === 423 || error.status === 429 ? 'warning' : 'error'}
              showIcon
              title={error.text}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          ) : null}
          <Form layout="vertical" size="large" onFinish={submit} requiredMark={false} data-testid="login-form">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.username.required') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.password.required') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 24 }}
            title={t('login.demoHint')}
            data-testid="login-demo-hint"
          />
        </div>
      </div>
    </div>
  );
}
