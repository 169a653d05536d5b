/** The pending 退单 request, shown in the dialogs that decide it. */
import { Alert } from 'antd';
import { fmtTime } from '../../../../format';
import { useOrgIndex } from '../../components/refData';
import { useOrderLabels } from '../../components/labels';
import type { OrderDetail } from '../../../../../modules/orders/contract';

export function ReturnInfo({ detail }: { detail: OrderDetail }) {
  const { t } = useOrderLabels();
  const orgs = useOrgIndex();
  const r = detail.order.returnRequest;
  if (!r) return null;
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 12 }}
      title={t('orders.act.returnAsked', {
        unit: orgs.name(r.unitId) ?? detail.order.unitName ?? '—',
        at: fmtTime(r.at),
      })}
      description={r.reason}
    />
  );
}
