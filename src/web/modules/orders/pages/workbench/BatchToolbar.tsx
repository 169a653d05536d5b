/**
 * The batch buttons above a workbench table: one per batch action the page offers that some order
 * of the tab allows, each counting the selected orders it applies to; a click opens the dialog.
 */
import { useState } from 'react';
import { App, Button, Flex, Tooltip } from 'antd';
import { AuditOutlined, BellOutlined, CheckOutlined, NodeIndexOutlined, SendOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../../../i18n';
import type { OrderView } from '../../../../../modules/orders/contract';
import type { WorkbenchApi } from './Workbench';
import { BulkActionModal } from './BulkActionModal';
import { BATCH_ACTIONS, appliesTo, type BatchKind } from './batchActions';

const ICONS: Record<BatchKind, ReactNode> = {
  dispatch: <SendOutlined />,
  'dispatch-suggested': <NodeIndexOutlined />,
  sign: <CheckOutlined />,
  'approve-reply': <AuditOutlined />,
  urge: <BellOutlined />,
};

/** The kinds some of these rows allow. */
export const offered = (kinds: readonly BatchKind[], rows: readonly OrderView[]) =>
  kinds.filter((k) => rows.some((o) => appliesTo(BATCH_ACTIONS[k], o)));

/** Workbench `selectable`: checkboxes when the tab holds an order some batch action applies to. */
export function selectableFor(kinds: readonly BatchKind[]) {
  return (_q: unknown, rows: OrderView[]) =>
    offered(kinds, rows).length ? (o: OrderView) => kinds.some((k) => appliesTo(BATCH_ACTIONS[k], o)) : null;
}

export function BatchToolbar({ kinds, api }: { kinds: readonly BatchKind[]; api: WorkbenchApi }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ kind: BatchKind; orders: OrderView[] } | null>(null);
  const shown = offered(kinds, api.rows);
  if (!shown.length && !open) return null;
  return (
    <Flex align="center" gap={8} wrap>
      {shown.map((kind) => {
        const def = BATCH_ACTIONS[kind];
        const n = api.selected.filter((o) => appliesTo(def, o)).length;
        return (
          <Tooltip key={kind} title={n ? undefined : t('orders.batch.selectHint')}>
            <Button
              icon={ICONS[kind]}
              type={n ? 'primary' : 'default'}
              disabled={!n}
              onClick={() => setOpen({ kind, orders: api.selected })}
              data-testid={`bulk-${kind}`}
            >
              {t(def.buttonKey, { n })}
            </Button>
          </Tooltip>
        );
      })}
      {open ? (
        <BulkActionModal
          def={BATCH_ACTIONS[open.kind]}
          orders={open.orders}
          onClose={() => setOpen(null)}
          onDone={(ok) => {
            const action = t(`orders.action.${BATCH_ACTIONS[open.kind].type}` as MessageKey);
            if (ok.length) message.success(t('orders.batch.done', { n: ok.length, action }));
            api.clearSelection();
            api.refresh();
          }}
        />
      ) : null}
    </Flex>
  );
}
