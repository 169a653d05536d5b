/** The detail page's 打印 menu: 交办单 (once the order has a unit) or 工单详情单, each in a new tab. */
import { Button, Dropdown } from 'antd';
import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import type { OrderView, PrintSheet } from '../../../../../modules/orders/contract';

export const printPath = (id: string, sheet: PrintSheet) => `/orders/${encodeURIComponent(id)}/print?sheet=${sheet}`;

export function PrintMenu({ order }: { order: Pick<OrderView, 'id' | 'unitId'> }) {
  const t = useT();
  const open = (sheet: PrintSheet) => window.open(printPath(order.id, sheet), '_blank', 'noopener');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'assign',
            label: <span data-testid="print-assign">{t('orders.print.assign')}</span>,
            disabled: !order.unitId,
            title: order.unitId ? undefined : t('orders.print.assignNeedsUnit'),
          },
          { key: 'order', label: <span data-testid="print-order">{t('orders.print.order')}</span> },
        ],
        onClick: ({ key }) => open(key as PrintSheet),
      }}
    >
      <Button icon={<PrinterOutlined />} data-testid="print-menu">
        {t('orders.print.menu')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
