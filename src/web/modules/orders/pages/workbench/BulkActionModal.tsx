/**
 * 批量操作 dialog (签收, 审核通过, 催办, 分拨 to one unit or each order's suggested unit): says which of
 * the selected orders the action applies to and which are skipped and why, sends them to
 * POST /api/orders/actions/batch (at most 200 a request), then lists each order's outcome.
 */
import { useMemo, useState } from 'react';
import { Alert, Form, Input, List, Modal, Progress, Space, Tag, Typography, type ButtonProps } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, MinusCircleTwoTone } from '@ant-design/icons';
import { useT, type MessageKey } from '../../../../i18n';
import { api, ApiError } from '../../../../api';
import { UnitPicker } from '../../components/Pickers';
import { useOrgIndex } from '../../components/refData';
import type { BatchActionResult, OrderView } from '../../../../../modules/orders/contract';
import { chunks, skipReason, type BatchActionDef } from './batchActions';

interface Props {
  def: BatchActionDef;
  /** The selected orders: those the action does not apply to are listed as skipped. */
  orders: OrderView[];
  onClose: () => void;
  /** After a run (even a partly refused one): refresh the lists. */
  onDone: (succeeded: string[]) => void;
}

interface Outcome {
  order: OrderView;
  ok: boolean;
  message?: string;
}

const sendBatch = (items: unknown[]) => api.post<BatchActionResult>('/api/orders/actions/batch', { items });

export function BulkActionModal({ def, orders, onClose, onDone }: Props) {
  const t = useT();
  const orgs = useOrgIndex();
  const [unitId, setUnitId] = useState<string>();
  const [note, setNote] = useState('');
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<Outcome[] | null>(null);
  const id = def.kind;
  const actionName = t(`orders.action.${def.type}` as MessageKey);

  const { apply, skipped } = useMemo(() => {
    const apply: OrderView[] = [];
    const skipped: Array<{ order: OrderView; why: string }> = [];
    for (const o of orders) {
      const why = skipReason(def, o);
      if (why === null) apply.push(o);
      else
        skipped.push({
          order: o,
          why: t(why, { state: t(`orders.state.${o.state}` as MessageKey), action: actionName }),
        });
    }
    return { apply, skipped };
  }, [orders, def, t, actionName]);

  const ready = apply.length > 0 && (!def.needsUnit || !!unitId) && (!def.needsNote || !!note.trim());

  const run = async () => {
    if (!ready) return;
    setRunning(true);
    const out: Outcome[] = [];
    setResults([]);
    const values = { unitId, note };
    for (const part of chunks(apply)) {
      try {
        const res = await sendBatch(part.map((o) => def.item(o, values)));
        res.items.forEach((r, i) => out.push({ order: part[i], ok: r.ok, message: r.error?.message }));
      } catch (e) {
        // the whole request refused (or the network): none of this part was done
        const message = e instanceof ApiError ? e.message : (e as Error).message;
        for (const o of part) out.push({ order: o, ok: false, message });
      }
      setResults([...out]);
    }
    setRunning(false);
    onDone(out.filter((r) => r.ok).map((r) => r.order.id));
  };

  const done = results?.length ?? 0;
  const failed = results?.filter((r) => !r.ok) ?? [];
  const finished = results !== null && !running;

  return (
    <Modal
      open
      title={t('orders.batch.title', { action: actionName, n: apply.length })}
      onCancel={running ? undefined : onClose}
      closable={!running}
      okText={finished ? t('orders.batch.close') : t('orders.batch.run', { action: actionName, n: apply.length })}
      onOk={finished ? onClose : run}
      okButtonProps={
        {
          disabled: !finished && (!ready || running),
          loading: running,
          'data-testid': `bulk-${id}-confirm`,
        } as ButtonProps
      }
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined, disabled: running }}
      destroyOnHidden
      width={600}
    >
      {results === null ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Alert
            type={apply.length ? 'info' : 'warning'}
            showIcon
            data-testid={`bulk-${id}-plan`}
            title={t('orders.batch.applies', { n: apply.length, action: actionName })}
            description={skipped.length ? t('orders.batch.skipped', { n: skipped.length }) : undefined}
          />
          {def.kind === 'dispatch-suggested' && apply.length ? (
            <List
              size="small"
              header={<Typography.Text strong>{t('orders.batch.suggestedTo')}</Typography.Text>}
              style={{ maxHeight: 220, overflow: 'auto' }}
              dataSource={apply}
              renderItem={(o) => (
                <List.Item data-testid={`bulk-plan-${o.number}`}>
                  <Space>
                    <Tag>{o.number}</Tag>
                    <Typography.Text>
                      → {o.suggestedUnitName ?? orgs.name(o.suggestedUnitId ?? null) ?? o.suggestedUnitId}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ) : null}
          {skipped.length ? (
            <List
              size="small"
              header={<Typography.Text type="secondary">{t('orders.batch.skippedList')}</Typography.Text>}
              style={{ maxHeight: 180, overflow: 'auto' }}
              dataSource={skipped}
              renderItem={(s) => (
                <List.Item data-testid={`bulk-skip-${s.order.number}`}>
                  <Space>
                    <MinusCircleTwoTone twoToneColor="#bfbfbf" />
                    <Tag>{s.order.number}</Tag>
                    <Typography.Text type="secondary">{s.why}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ) : null}
          <Form layout="vertical">
            {def.needsUnit ? (
              <Form.Item label={t('orders.field.unit')} required>
                <UnitPicker value={unitId} onChange={setUnitId} expandAll={false} testId={`bulk-${id}-unit`} />
              </Form.Item>
            ) : null}
            <Form.Item label={t('orders.field.note')} required={def.needsNote}>
              <Input.TextArea
                rows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={1000}
                placeholder={def.needsNote ? t('orders.batch.notePlaceholder') : undefined}
                data-testid={`bulk-${id}-note`}
              />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">{t('orders.batch.hint')}</Typography.Text>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress
            percent={Math.round((done / Math.max(1, apply.length)) * 100)}
            status={failed.length ? 'exception' : finished ? 'success' : 'active'}
          />
          {finished ? (
            <Alert
              type={failed.length ? (failed.length === apply.length ? 'error' : 'warning') : 'success'}
              showIcon
              data-testid={`bulk-${id}-result`}
              title={t('orders.batch.summary', { ok: done - failed.length, failed: failed.length })}
              description={skipped.length ? t('orders.batch.skippedAfter', { n: skipped.length }) : undefined}
            />
          ) : null}
          <List
            size="small"
            style={{ maxHeight: 300, overflow: 'auto' }}
            dataSource={results}
            renderItem={(r) => (
              <List.Item data-testid={`bulk-outcome-${r.order.number}`} data-ok={r.ok ? 'true' : 'false'}>
                <Space align="start">
                  {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                  <Tag>{r.order.number}</Tag>
                  <Typography.Text type={r.ok ? undefined : 'danger'}>
                    {r.ok ? t('orders.batch.ok', { action: actionName }) : r.message}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
    </Modal>
  );
}
