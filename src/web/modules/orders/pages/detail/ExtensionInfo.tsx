/** The pending 延期 request, shown in the dialogs that decide it: a table to grant it, a note to refuse it. */
import { Alert, Descriptions } from 'antd';
import { fmtTime } from '../../../../format';
import { useOrderLabels } from '../../components/labels';
import type { OrderView } from '../../../../../modules/orders/contract';

export function ExtensionInfo({ order: o, brief = false }: { order: OrderView; brief?: boolean }) {
  const { t } = useOrderLabels();
  const r = o.extensionRequest;
  if (!r) return null;
  if (brief)
    return (
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title={t('orders.act.extensionAsked', { at: fmtTime(r.requestedDeadline) })}
        description={r.reason}
      />
    );
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 12 }}
      items={[
        { key: 'reason', label: t('orders.field.reason'), children: r.reason },
        { key: 'current', label: t('orders.act.currentDeadlineShort'), children: fmtTime(o.completionDeadline) },
        { key: 'asked', label: t('orders.act.requestedDeadline'), children: fmtTime(r.requestedDeadline) },
      ]}
    />
  );
}
