/** The on-site setup values (GET /api/drones/connection): what the pilot types into DJI Pilot 2. */
import { Alert, Card, Descriptions, Typography } from 'antd';
import { useT } from '../../../../i18n';
import type { Connection } from '../../components/dronesApi';

export function ConnectionDescriptions({ info, column = 2 }: { info: Connection; column?: number }) {
  const t = useT();
  const copy = (v: string, testId: string) => (
    <Typography.Text code copyable={{ text: v }} data-testid={testId}>
      {v}
    </Typography.Text>
  );
  return (
    <>
      <Descriptions size="small" bordered column={column}>
        <Descriptions.Item label={t('drones.conn.mqtt')}>
          {copy(`${info.mqttHost}:${info.mqttPort}`, 'conn-mqtt')}
        </Descriptions.Item>
        <Descriptions.Item label={t('drones.conn.broker')}>
          {info.brokerMode === 'embedded' ? t('drones.conn.broker.embedded') : t('drones.conn.broker.external')}
        </Descriptions.Item>
        <Descriptions.Item label={t('drones.conn.orgId')}>{copy(info.organizationId, 'conn-org-id')}</Descriptions.Item>
        <Descriptions.Item label={t('drones.conn.orgName')}>{info.organizationName}</Descriptions.Item>
        <Descriptions.Item label={t('drones.conn.bindingCode')}>
          {copy(info.bindingCode, 'conn-binding-code')}
        </Descriptions.Item>
        <Descriptions.Item label={t('drones.conn.ntp')}>{copy(info.ntpServer, 'conn-ntp')}</Descriptions.Item>
        <Descriptions.Item label={t('drones.conn.devApp')} span={column}>
          <span data-testid="conn-dev-app" data-configured={info.developerAppConfigured ? '1' : '0'}>
            {info.developerAppConfigured ? (
              <Typography.Text type="success">{t('drones.conn.devApp.ok')}</Typography.Text>
            ) : (
              <Typography.Text type="danger">{t('drones.conn.devApp.missing')}</Typography.Text>
            )}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('drones.conn.ntpHint')} />
    </>
  );
}

export function ConnectionCard({ info, loading }: { info: Connection | undefined; loading: boolean }) {
  const t = useT();
  return (
    <Card
      size="small"
      title={t('drones.conn.title')}
      extra={<Typography.Text type="secondary">{t('drones.conn.hint')}</Typography.Text>}
      loading={loading}
      data-testid="drones-connection"
      style={{ marginBottom: 16 }}
    >
      {info ? <ConnectionDescriptions info={info} /> : null}
    </Card>
  );
}
