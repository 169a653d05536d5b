/**
 * The workbench's 导出 button: the list as .xlsx, reporters masked. For holders of pii.reveal an
 * arrow beside it offers 含反映人信息 (names and phones unmasked): confirmed first, audited by the server as
 * orders.exported_with_reporter with the filter and the row count.
 */
import type { ReactNode } from 'react';
import { App, Button, Dropdown, Space, Tooltip } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';

/** `href` is the plain export's URL (GET /api/orders/export.xlsx?…); the flag is added to it. */
export function withReporterUrl(href: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}includeReporter=true`;
}

export function ExportButton({ href, icon }: { href: string; icon: ReactNode }) {
  const t = useT();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const plain = (
    <Tooltip title={t('orders.export.hint')}>
      <Button icon={icon} href={href} data-testid="orders-export">
        {t('orders.export')}
      </Button>
    </Tooltip>
  );
  if (!can('pii.reveal')) return plain;
  const withReporter = () =>
    modal.confirm({
      title: t('orders.export.withReporter.title'),
      content: t('orders.export.withReporter.body'),
      okText: t('orders.export.withReporter.ok'),
      okButtonProps: { 'data-testid': 'orders-export-reporter-confirm' },
      onOk: () => {
        window.location.assign(withReporterUrl(href));
      },
    });
  // the plain download stays one click (and the same link); the unmasked one sits behind the arrow
  return (
    <Space.Compact>
      {plain}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'reporter',
              label: <span data-testid="orders-export-reporter">{t('orders.export.withReporter')}</span>,
              onClick: withReporter,
            },
          ],
        }}
      >
        <Button icon={<DownOutlined />} aria-label={t('orders.export.withReporter')} data-testid="orders-export-more" />
      </Dropdown>
    </Space.Compact>
  );
}
