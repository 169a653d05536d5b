/** What the inspector sees once the report is in: its number, state, where it went, possible duplicates. */
import { Alert, Button, Card, Result, Space, Tag } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../../auth';
import { useI18n } from '../../../../i18n';
import type { IntakeResult } from '../../../../../modules/orders/contract';

export function InspectDone({ created, onAgain }: { created: IntakeResult; onAgain: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const o = created.order;
  return (
    <div className="inspect-page" data-testid="inspect-page">
      <Card>
        <Result
          status="success"
          title={t('ops.inspect.done')}
          subTitle={
            <Space orientation="vertical" size={4}>
              <span className="cz-number" style={{ fontSize: 20, whiteSpace: 'nowrap' }} data-testid="inspect-number">
                {o.number}
              </span>
              <span>
                {t('ops.inspect.state')}: <Tag color="blue">{lang === 'en' ? o.stateLabelEn : o.stateLabel}</Tag>
              </span>
              {o.unitName ? <span>{t('ops.inspect.autoDispatched', { unit: o.unitName })}</span> : null}
              {o.categoryPath ? (
                <span>
                  {t('ops.col.category')}: {o.categoryPath}
                </span>
              ) : null}
            </Space>
          }
          extra={
            <Space orientation="vertical" style={{ width: '100%' }}>
              {created.duplicates.length ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('ops.inspect.duplicates', { n: created.duplicates.length })}
                  style={{ textAlign: 'left' }}
                />
              ) : null}
              <Button
                type="primary"
                size="large"
                block
                icon={<PlusOutlined />}
                onClick={onAgain}
                className="inspect-submit"
                data-testid="inspect-again"
              >
                {t('ops.inspect.again')}
              </Button>
              {can('orders.read') ? (
                <Link to={`/orders/${encodeURIComponent(o.id)}`}>
                  <Button size="large" block icon={<FileTextOutlined />}>
                    {t('ops.inspect.view')}
                  </Button>
                </Link>
              ) : null}
            </Space>
          }
        />
      </Card>
    </div>
  );
}
