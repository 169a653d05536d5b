/** 调度工作台 (/orders): the centre's queues, bulk dispatch and the map of open orders. */
import { useState } from 'react';
import { App, Button, Flex, Tooltip } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import { useAuth } from '../../../auth';
import { type OrderView } from '../../../../modules/orders/contract';
import { Workbench } from './workbench/Workbench';
import { DISPATCH_QUEUES } from './workbench/queues';
import { BulkDispatchModal } from './workbench/BulkDispatchModal';

const SELECTABLE = new Set(['pending_dispatch', 'all', 'due_soon', 'overdue']);

export default function DispatchWorkbenchPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [bulk, setBulk] = useState<OrderView[] | null>(null);

  return (
    <>
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
        selectable={(q) => (SELECTABLE.has(q.key) ? (o) => o.state === 'pending_dispatch' : null)}
        toolbar={(api, q) =>
          SELECTABLE.has(q.key) ? (
            <Flex align="center" gap={8}>
              <Tooltip title={api.selected.length ? undefined : t('orders.bulk.selectHint')}>
                <Button
                  icon={<SendOutlined />}
                  type={api.selected.length ? 'primary' : 'default'}
                  disabled={!api.selected.length}
                  onClick={() => setBulk(api.selected)}
                  data-testid="bulk-dispatch"
                >
                  {t('orders.bulk.button', { n: api.selected.length })}
                </Button>
              </Tooltip>
              {bulk !== null ? (
                <BulkDispatchModal
                  open
                  orders={bulk}
                  onClose={() => setBulk(null)}
                  onDone={(ok) => {
                    if (ok.length) message.success(t('orders.bulk.done', { n: ok.length }));
                    api.clearSelection();
                    api.refresh();
                  }}
                />
              ) : null}
            </Flex>
          ) : null
        }
      />
    </>
  );
}
