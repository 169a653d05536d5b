/** 批量分拨: one unit for the selected orders; the dispatch action runs per order, results listed. */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, List, Modal, Progress, Space, Tag, Typography, type ButtonProps } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { ApiError } from '../../../../api';
import { UnitPicker } from '../../components/Pickers';
import { ordersApi } from '../../components/ordersApi';
import { type OrderView } from '../../../../../modules/orders/contract';

interface Props {
  open: boolean;
  orders: OrderView[];
  onClose: () => void;
  /** After a run (even a partly failed one): refresh the lists. */
  onDone: (succeeded: string[]) => void;
}

interface Outcome {
  order: OrderView;
  ok: boolean;
  message?: string;
}

const PARALLEL = 3;

export function BulkDispatchModal({ open, orders, onClose, onDone }: Props) {
  const t = useT();
  const [unitId, setUnitId] = useState<string>();
  const [note, setNote] = useState('');
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<Outcome[] | null>(null);

  useEffect(() => {
    if (open) {
      setResults(null);
      setRunning(false);
    }
  }, [open]);

  const run = async () => {
    if (!unitId) return;
    setRunning(true);
    const out: Outcome[] = [];
    setResults([]);
    const queue = [...orders];
    const worker = async () => {
      for (let o = queue.shift(); o; o = queue.shift()) {
        try {
          await ordersApi.act(o.id, 'dispatch', { unitId, note: note.trim() || undefined });
          out.push({ order: o, ok: true });
        } catch (e) {
          out.push({ order: o, ok: false, message: e instanceof ApiError ? e.message : (e as Error).message });
        }
        setResults([...out]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, orders.length) }, worker));
    setRunning(false);
    onDone(out.filter((r) => r.ok).map((r) => r.order.id));
  };

  const done = results?.length ?? 0;
  const failed = results?.filter((r) => !r.ok) ?? [];
  const finished = results !== null && !running;

  return (
    <Modal
      open={open}
      title={t('orders.bulk.title', { n: orders.length })}
      onCancel={running ? undefined : onClose}
      closable={!running}
      okText={finished ? t('orders.bulk.close') : t('orders.bulk.run')}
      onOk={finished ? onClose : run}
      okButtonProps={
        { disabled: !unitId || running, loading: running, 'data-testid': 'bulk-dispatch-confirm' } as ButtonProps
      }
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined, disabled: running }}
      destroyOnHidden
      width={560}
    >
      {results === null ? (
        <Form layout="vertical">
          <Form.Item label={t('orders.field.unit')} required>
            <UnitPicker value={unitId} onChange={setUnitId} expandAll={false} testId="bulk-dispatch-unit" />
          </Form.Item>
          <Form.Item label={t('orders.field.note')}>
            <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </Form.Item>
          <Typography.Text type="secondary">{t('orders.bulk.hint')}</Typography.Text>
        </Form>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress
            percent={Math.round((done / Math.max(1, orders.length)) * 100)}
            status={failed.length ? 'exception' : finished ? 'success' : 'active'}
          />
          {finished ? (
            <Alert
              type={failed.length ? (failed.length === orders.length ? 'error' : 'warning') : 'success'}
              showIcon
              data-testid="bulk-dispatch-result"
              title={t('orders.bulk.summary', { ok: done - failed.length, failed: failed.length })}
            />
          ) : null}
          <List
            size="small"
            style={{ maxHeight: 300, overflow: 'auto' }}
            dataSource={results}
            renderItem={(r) => (
              <List.Item>
                <Space align="start">
                  {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                  <Tag>{r.order.number}</Tag>
                  <Typography.Text type={r.ok ? undefined : 'danger'}>
                    {r.ok ? t('orders.bulk.ok') : r.message}
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
