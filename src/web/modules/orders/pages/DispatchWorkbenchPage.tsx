/** 调度工作台 (/orders): the centre's queues, batch actions (分拨, 按建议分拨, 审核, 催办) and the map of open orders. */
import { useMemo } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import { useAuth } from '../../../auth';
import { Workbench } from './workbench/Workbench';
import { DISPATCH_QUEUES } from './workbench/queues';
import { BatchToolbar, selectableFor } from './workbench/BatchToolbar';
import type { BatchKind } from './workbench/batchActions';

export default function DispatchWorkbenchPage() {
  const t = useT();
  const { can } = useAuth();
  // the batch actions this user's role may take (each order's own rules decide the rest)
  const kinds = useMemo<BatchKind[]>(
    () => [
      ...(can('orders.dispatch') ? (['dispatch', 'dispatch-suggested', 'approve-reply'] as const) : []),
      ...(can('orders.supervise') ? (['urge'] as const) : []),
    ],
    [can],
  );
  const selectable = useMemo(() => selectableFor(kinds), [kinds]);

  return (
    <Workbench
      title={t('orders.dispatch.title')}
      hint={t('orders.dispatch.hint')}
      queues={DISPATCH_QUEUES}
      storageKey="yiwang.orders.dispatchView"
      extra={
        can('orders.create') ? (
          <Link to="/orders/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="goto-hotline">
              {t('orders.hotline.title')}
            </Button>
          </Link>
        ) : null
      }
      selectable={selectable}
      toolbar={(api) => <BatchToolbar kinds={kinds} api={api} />}
    />
  );
}
