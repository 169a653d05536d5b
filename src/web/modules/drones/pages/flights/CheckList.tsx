/** The pre-flight checks with their reasons: passed, failed (blocking) or a warning. */
import { List, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { useI18n } from '../../../../i18n';
import type { CheckView } from './flightsApi';
import { reasonIn } from './flightLabels';

export function CheckList({ checks, testId }: { checks: CheckView[]; testId?: string }) {
  const { t, lang } = useI18n();
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={checks}
      renderItem={(c) => {
        const failed = !c.ok && c.blocking;
        const icon = c.ok ? (
          <CheckCircleTwoTone twoToneColor="#52c41a" />
        ) : failed ? (
          <CloseCircleTwoTone twoToneColor="#ff4d4f" />
        ) : (
          <ExclamationCircleTwoTone twoToneColor="#faad14" />
        );
        return (
          <List.Item data-testid={`check-${c.code}`} data-ok={c.ok ? '1' : '0'} style={{ padding: '4px 0' }}>
            <span style={{ marginInlineEnd: 8 }}>{icon}</span>
            <Typography.Text style={{ flex: 1 }}>{reasonIn(lang, c.message)}</Typography.Text>
            <Tag color={c.ok ? 'green' : failed ? 'red' : 'orange'}>
              {c.ok ? t('flights.check.ok') : failed ? t('flights.check.fail') : t('flights.check.warn')}
            </Tag>
          </List.Item>
        );
      }}
    />
  );
}
