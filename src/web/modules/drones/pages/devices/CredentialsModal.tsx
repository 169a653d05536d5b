/** A dock's MQTT login, shown once after registering it or resetting its password, with the on-site setup values. */
import { Alert, Descriptions, Divider, Modal, Typography } from 'antd';
import { useT } from '../../../../i18n';
import type { Connection, Credentials } from '../../components/dronesApi';
import { ConnectionDescriptions } from './ConnectionInfo';

export function CredentialsModal({
  credentials,
  connection,
  onClose,
}: {
  credentials: Credentials | null;
  connection: Connection | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const copy = (v: string, testId: string) => (
    <Typography.Text code copyable={{ text: v }} data-testid={testId} style={{ wordBreak: 'break-all' }}>
      {v}
    </Typography.Text>
  );
  return (
    <Modal
      open={!!credentials}
      title={credentials ? `${t('drones.cred.title')} · ${credentials.device.name}` : ''}
      onOk={onClose}
      onCancel={onClose}
      okText={t('drones.cred.savedIt')}
      okButtonProps={{ 'data-testid': 'dock-credentials-ok' }}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      width={720}
      destroyOnHidden
    >
      {credentials ? (
        <div data-testid="dock-credentials">
          <Alert type="warning" showIcon title={t('drones.cred.once')} style={{ marginBottom: 16 }} />
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('drones.cred.host')}>
              {copy(credentials.mqtt.host, 'dock-cred-host')}
            </Descriptions.Item>
            <Descriptions.Item label={t('drones.cred.port')}>
              {copy(String(credentials.mqtt.port), 'dock-cred-port')}
            </Descriptions.Item>
            <Descriptions.Item label={t('drones.cred.username')}>
              {copy(credentials.mqtt.username, 'dock-cred-username')}
            </Descriptions.Item>
            <Descriptions.Item label={t('drones.cred.password')}>
              {copy(credentials.mqtt.password, 'dock-cred-password')}
            </Descriptions.Item>
          </Descriptions>
          {connection ? (
            <>
              <Divider titlePlacement="start" plain>
                {t('drones.cred.setup')}
              </Divider>
              <ConnectionDescriptions info={connection} column={1} />
            </>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
