import { createElement, useEffect, useMemo, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { useT, type MessageKey } from '../../i18n';
import { visibleNav } from '../../nav';
import { fmtTime } from '../../format';
import { useRoleLabel } from '../../components/roles';
import { useLoad } from '../../components/useLoad';
import { type Health } from '../../../platform/api.contract';
import { OrdersOverview } from './OrdersOverview';
import { MetricsOverview } from './MetricsOverview';
import { RegisteredOverview } from './RegisteredOverview';
import { MyRequestsList } from '../../modules/orders/pages/citizen/MyRequestsList';

function greetingKey(now = new Date()): MessageKey {
  const h = (now.getUTCHours() + 8) % 24; // Asia/Shanghai
  if (h < 6) return 'home.greeting.night';
  if (h < 12) return 'home.greeting.morning';
  if (h < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

type Part = Health['db'] | Health['mqtt'] | Health['objectStore'];

/** ok / down / off (MQTT and the object store may be disabled). */
function partState(v: Part | undefined): 'ok' | 'down' | 'off' {
  if (!v) return 'down';
  return v.ok === null ? 'off' : v.ok ? 'ok' : 'down';
}

function partText(v: Part): string {
  if (v && typeof v === 'object') return ('dialect' in v && v.dialect) || ('mode' in v && v.mode) || '';
  return typeof v === 'string' ? v : '';
}

/** /api/health answers 503 with the same report when something is down: show it, not an error. */
async function loadHealth(signal: AbortSignal): Promise<Health> {
  try {
    return await api.get<Health>('/api/health', undefined, { signal });
  } catch (e) {
    if (
      e instanceof ApiError &&
      e.status === 503 &&
      e.details &&
      typeof e.details === 'object' &&
      'status' in e.details
    )
      return e.details as Health;
    throw e;
  }
}

const BADGE = { ok: 'success', down: 'error', off: 'default' } as const;

/** 您好，… with the user's organisation and roles: the top of every home page. */
function Hero({ children }: { children?: ReactNode }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const { me } = useAuth();
  const user = me?.user;
  return (
    <Card className="home-hero" variant="borderless" style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t(greetingKey())}，{user?.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {children ?? t('home.welcome', { org: user?.orgName || t('app.title') })}
      </Typography.Paragraph>
      <div>
        {user?.roles.map((r) => (
          <Tag color="blue" key={r}>
            {roleLabel(r)}
          </Tag>
        ))}
      </div>
    </Card>
  );
}

/** A citizen's home is 我的诉求: their requests and a way to report one — none of the staff's cards. */
function CitizenHome() {
  const t = useT();
  return (
    <div data-testid="home">
      <Hero>{t('home.citizen.welcome')}</Hero>
      <Card
        title={t('nav.orders.mine')}
        extra={
          <Link to="/report">
            <Button type="primary" size="small" icon={<FormOutlined />}>
              {t('orders.mine.report')}
            </Button>
          </Link>
        }
      >
        <MyRequestsList limit={10} />
      </Card>
    </div>
  );
}

export default function HomePage() {
  const { can } = useAuth();
  return can('orders.own') ? <CitizenHome /> : <StaffHome />;
}

function StaffHome() {
  const t = useT();
  const { can } = useAuth();
  const health = useLoad(loadHealth, []);
  const { reload } = health;
  const checkedAt = useMemo(() => Date.now(), [health.data, health.error]);
  useEffect(() => {
    const id = setInterval(reload, 30_000);
    return () => clearInterval(id);
  }, [reload]);

  const shortcuts = visibleNav(can)
    .flatMap((n) => (n.kind === 'entry' ? [n.entry] : n.entries))
    .filter((e) => e.key !== 'home');

  return (
    <div data-testid="home">
      <Hero />
      {health.data?.calendarMissingYears?.length && can('calendar.read') ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="home-calendar-warning"
          title={t('home.calendarWarning')}
          description={health.data.calendarMissingYears
            .map((year) => t('home.calendarMissingYear', { year }))
            .join(t('home.listSeparator'))}
          action={<Link to="/admin/calendar">{t('home.calendarWarning.fix')}</Link>}
        />
      ) : null}
      {can('orders.dispatch') || can('orders.handle') ? (
        <div style={{ marginBottom: 16 }}>
          <OrdersOverview centre={can('orders.dispatch')} />
        </div>
      ) : null}
      {can('orders.create') && can('orders.read') && !can('orders.dispatch') && !can('orders.handle') ? (
        <div style={{ marginBottom: 16 }}>
          <RegisteredOverview />
        </div>
      ) : null}
      {can('orders.metrics') && !can('orders.dispatch') ? (
        <div style={{ marginBottom: 16 }}>
          <MetricsOverview />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card
            title={t('home.health')}
            extra={
              <Button
                size="small"
                icon={<ReloadOutlined />}
                onClick={reload}
                loading={health.loading}
                aria-label={t('common.refresh')}
              />
            }
            data-testid="health-card"
          >
            {health.data ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'status',
                    label: t('home.health.status'),
                    children: (
                      <Badge status={health.data.status === 'ok' ? 'success' : 'warning'} text={health.data.status} />
                    ),
                  },
                  ...(['db', 'mqtt', 'objectStore'] as const).map((k) => {
                    const state = partState(health.data![k]);
                    const text = partText(health.data![k]);
                    return {
                      key: k,
                      label: t(`home.health.${k}`),
                      children: (
                        <Badge
                          status={BADGE[state]}
                          text={`${t(`home.health.state.${state}`)}${text ? ` · ${text}` : ''}`}
                        />
                      ),
                    };
                  }),
                ]}
              />
            ) : (
              <Typography.Text type={health.error ? 'danger' : 'secondary'}>
                {health.error ? t('home.health.unreachable') : t('common.loading')}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('home.health.checkedAt', { time: fmtTime(checkedAt) })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('home.shortcuts')}>
            <Row gutter={[12, 12]}>
              {shortcuts.map((e) => (
                <Col xs={12} md={8} key={e.key}>
                  <Link to={e.path}>
                    <Card size="small" hoverable>
                      <span style={{ marginRight: 8, color: '#1668dc' }}>{e.icon ? createElement(e.icon) : null}</span>
                      {t(e.labelKey)}
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              {t('home.placeholder')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
