/** 单位工作台 (/orders/unit): a unit's orders — to sign for, in hand, late, submitted; one-click and batch 签收. */
import { useMemo, useState } from 'react';
import { App, Button } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n';
import { useAuth } from '../../../auth';
import { useApiError } from '../../../components/useApiError';
import { ordersApi } from '../components/ordersApi';
import { type OrderView } from '../../../../modules/orders/contract';
import { Workbench, type WorkbenchApi } from './workbench/Workbench';
import { UNIT_QUEUES } from './workbench/queues';
import { BatchToolbar, selectableFor } from './workbench/BatchToolbar';
import type { BatchKind } from './workbench/batchActions';

export default function UnitWorkbenchPage() {
  const t = useT();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const [signing, setSigning] = useState<ReadonlySet<string>>(new Set());
  const kinds = useMemo<BatchKind[]>(() => (can('orders.handle') ? ['sign'] : []), [can]);
  const selectable = useMemo(() => selectableFor(kinds), [kinds]);

  const sign = async (o: OrderView, api: WorkbenchApi) => {
    setSigning((s) => new Set(s).add(o.id));
    try {
      await ordersApi.act(o.id, 'sign');
      message.success(t('orders.unit.signed', { number: o.number }));
      api.refresh();
    } catch (e) {
      showError(e);
    } finally {
      setSigning((s) => {
        const n = new Set(s);
        n.delete(o.id);
        return n;
      });
    }
  };

  return (
    <Workbench
      title={t('orders.unit.title')}
      hint={me?.user.orgName ? t('orders.unit.hint', { org: me.user.orgName }) : undefined}
      queues={UNIT_QUEUES}
      storageKey="yiwang.orders.unitView"
      showUnitFilter={false}
      selectable={selectable}
      toolbar={(api) => <BatchToolbar kinds={kinds} api={api} />}
      rowActionsWidth={88}
      rowActions={(o, api) =>
        o.state === 'pending_sign' && !o.returnRequest && !o.suspended ? (
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            loading={signing.has(o.id)}
            onClick={() => sign(o, api)}
            data-testid={`sign-${o.number}`}
          >
            {t('orders.action.sign')}
          </Button>
        ) : null
      }
    />
  );
}
