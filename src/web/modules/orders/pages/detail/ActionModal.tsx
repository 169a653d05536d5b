/**
 * One action's small form: the fields that action needs (model/actions.ts), then
 * POST /api/orders/:id/actions. A refusal (409/403/400) stays in the dialog, in the server's words.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
  type ButtonProps,
  type UploadFile,
} from 'antd';
import { ApiError } from '../../../../api';
import { fmtTime } from '../../../../format';
import { CategoryTreeSelect } from '../../components/Pickers';
import { ordersApi } from '../../components/ordersApi';
import { useOrgIndex } from '../../components/refData';
import { useFormSubmit } from '../../../../components/forms';
import { useOrderLabels } from '../../components/labels';
import { VISIT_RESULTS, type ActionType, type OrderDetail } from '../../../../../modules/orders/contract';
import {
  CONTACT_METHODS,
  DANGER,
  NOTE_ONLY,
  REASON,
  beijingInstant,
  handedBackBy,
  reasonLabelKey,
  suggestedRoute,
  type Values,
} from './actionForm';
import { DispatchUnitField } from './DispatchUnitField';
import { ReturnInfo } from './ReturnInfo';
import { ExtensionInfo } from './ExtensionInfo';
import { PhrasePicker } from './PhrasePicker';
import { ReplyPhotosField, photoIds, photosProblem } from './ReplyPhotosField';

interface Props {
  type: ActionType | null;
  detail: OrderDetail;
  onClose: () => void;
  onDone: (d: OrderDetail, type: ActionType) => void;
  /** The server refused (the order changed meanwhile, etc.): the page reloads what it shows. */
  onRefused?: () => void;
}

export function ActionModal({ type, detail, onClose, onDone, onRefused }: Props) {
  const l = useOrderLabels();
  const { t } = l;
  const orgs = useOrgIndex();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const o = detail.order;
  const route = useMemo(() => suggestedRoute(detail), [detail]);
  const handedBack = useMemo(() => handedBackBy(detail), [detail]);
  // the routing suggestion, unless that unit already gave the order back
  const suggestion = route && !handedBack.has(route.unitId) ? route.unitId : null;
  const extMode = Form.useWatch('extMode', form);

  useEffect(() => {
    if (!type) return;
    setError(null);
    setPhotos([]);
    form.resetFields();
    if (type === 'dispatch') {
      form.setFieldsValue({ unitId: suggestion ?? undefined, categoryCode: o.categoryCode ?? undefined });
    }
    if (type === 'request_extension') form.setFieldsValue({ extMode: 'days', addWorkingDays: 2 });
    if (type === 'visit') form.setFieldsValue({ result: 'satisfied' });
    if (type === 'contact') form.setFieldsValue({ method: 'phone' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [type]);

  const fieldsOf = async (v: Values): Promise<Record<string, unknown>> => {
    const text = (s?: string) => s?.trim() || undefined;
    switch (type) {
      case 'dispatch':
        return {
          unitId: v.unitId,
          categoryCode: v.categoryCode && v.categoryCode !== o.categoryCode ? v.categoryCode : undefined,
          note: text(v.note),
        };
      case 'redispatch':
        return { unitId: v.unitId, reason: text(v.reason) };
      case 'direct_reply':
        return { reply: text(v.reply) };
      case 'submit_reply': {
        const ids = photoIds(photos);
        return { reply: text(v.reply), attachments: ids.length ? ids : undefined };
      }
      case 'request_extension':
        return v.extMode === 'date'
          ? { reason: text(v.reason), newDeadline: v.newDeadline ? beijingInstant(v.newDeadline) : undefined }
          : { reason: text(v.reason), addWorkingDays: v.addWorkingDays };
      case 'approve_extension':
        return { newDeadline: v.newDeadline ? beijingInstant(v.newDeadline) : undefined, note: text(v.note) };
      case 'supervise':
        return { note: text(v.note) };
      case 'contact':
        return { method: v.method, note: text(v.note) };
      case 'visit':
        return { result: v.result, note: text(v.note) };
      case 'merge': {
        // A 工单号 or an id: the detail route accepts either and gives the id the action needs.
        const main = await ordersApi.detail(
          v.mainOrder!.trim().toUpperCase().startsWith('GC') ? v.mainOrder!.trim().toUpperCase() : v.mainOrder!.trim(),
        );
        return { mainOrderId: main.order.id };
      }
      default:
        if (type && REASON.has(type)) return { reason: text(v.reason) };
        return { note: text(v.note) };
    }
  };

  const { busy, submit: confirm } = useFormSubmit(
    form,
    async (v: Values) => {
      if (!type) return;
      setError(null);
      const waiting = type === 'submit_reply' ? photosProblem(photos) : null;
      if (waiting) return setError({ status: 0, message: t(waiting) });
      const fields = await fieldsOf(v);
      const d = await ordersApi.act(o.id, type, fields);
      onDone(d, type);
    },
    (e) => {
      if (e instanceof ApiError) {
        const notFoundMain = type === 'merge' && e.status === 404;
        setError({
          status: e.status,
          message: notFoundMain ? t('orders.act.mainNotFound') : e.status === 0 ? t('error.network') : e.message,
        });
        if (e.status === 409 || e.status === 403) onRefused?.();
      } else setError({ status: 0, message: String(e) });
    },
  );

  const reasonLabel = t(reasonLabelKey(type));
  const text = (name: 'reply' | 'reason' | 'note', label: string, required: boolean, rows = 3) => (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: t('form.required') }] : undefined}
    >
      <Input.TextArea
        autoSize={{ minRows: rows, maxRows: 12 }}
        maxLength={name === 'reply' ? 4000 : 1000}
        showCount
        data-testid={`action-field-${name}`}
      />
    </Form.Item>
  );

  const body = () => {
    if (!type) return null;
    switch (type) {
      case 'dispatch':
        return (
          <>
            <DispatchUnitField route={route} suggested={suggestion} exclude={[]} handedBack={handedBack} />
            <Form.Item
              name="categoryCode"
              label={t('orders.field.categoryFix')}
              rules={o.categoryCode ? undefined : [{ required: true, message: t('orders.act.categoryNeeded') }]}
            >
              <CategoryTreeSelect leafOnly testId="action-field-categoryCode" />
            </Form.Item>
            {text('note', t('orders.field.note'), false, 2)}
          </>
        );
      case 'redispatch':
        return (
          <>
            <Typography.Paragraph type="secondary">{t('orders.act.redispatchHint')}</Typography.Paragraph>
            <DispatchUnitField
              route={route}
              suggested={suggestion !== o.unitId ? suggestion : null}
              exclude={o.unitId ? [o.unitId] : []}
              handedBack={handedBack}
            />
            {text('reason', reasonLabel, true, 2)}
          </>
        );
      case 'recall':
        return (
          <>
            <Typography.Paragraph type="secondary">{t('orders.act.recallHint')}</Typography.Paragraph>
            {text('reason', reasonLabel, true, 2)}
          </>
        );
      case 'direct_reply':
      case 'submit_reply':
        return (
          <>
            <PhrasePicker purpose={type === 'submit_reply' ? 'reply' : 'direct_answer'} field="reply" order={o} />
            {text('reply', t('orders.field.reply'), true, 5)}
            {type === 'submit_reply' ? <ReplyPhotosField files={photos} onChange={setPhotos} /> : null}
          </>
        );
      case 'request_return':
        return (
          <>
            <PhrasePicker purpose="return" field="reason" order={o} />
            {text('reason', reasonLabel, true)}
          </>
        );
      case 'request_extension':
        return (
          <>
            <Typography.Paragraph type="secondary">
              {t('orders.act.currentDeadline', { at: fmtTime(o.completionDeadline) })}
            </Typography.Paragraph>
            {text('reason', t('orders.field.reason'), true)}
            <Form.Item name="extMode" label={t('orders.field.extMode')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'days', label: t('orders.field.extMode.days') },
                  { value: 'date', label: t('orders.field.extMode.date') },
                ]}
                data-testid="action-field-extMode"
              />
            </Form.Item>
            {extMode === 'date' ? (
              <Form.Item
                name="newDeadline"
                label={t('orders.field.newDeadline')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: 220 }}
                  data-testid="action-field-newDeadline"
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="addWorkingDays"
                label={t('orders.field.addWorkingDays')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber
                  min={1}
                  max={60}
                  precision={0}
                  style={{ width: 140 }}
                  suffix={t('orders.unit.workingDays')}
                  data-testid="action-field-addWorkingDays"
                />
              </Form.Item>
            )}
          </>
        );
      case 'approve_extension':
        return (
          <>
            <ExtensionInfo order={o} />
            <Form.Item
              name="newDeadline"
              label={t('orders.field.grantDeadline')}
              extra={t('orders.field.grantDeadline.hint')}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: 220 }}
                data-testid="action-field-newDeadline"
              />
            </Form.Item>
            {text('note', t('orders.field.note'), false, 2)}
          </>
        );
      case 'supervise':
        return (
          <>
            <Typography.Paragraph type="secondary">
              {t('orders.act.superviseLevel', { from: o.supervisionLevel, to: o.supervisionLevel + 1 })}
            </Typography.Paragraph>
            {text('note', t('orders.field.superviseNote'), true)}
          </>
        );
      case 'contact':
        return (
          <>
            <Form.Item name="method" label={t('orders.field.method')}>
              <Select
                options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`orders.contact.${m}`) }))}
                style={{ width: 200 }}
                data-testid="action-field-method"
              />
            </Form.Item>
            {text('note', t('orders.field.contactNote'), false)}
          </>
        );
      case 'visit':
        return (
          <>
            {o.reply ? (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={t('orders.field.reply')}
                description={<div className="order-detail-desc">{o.reply}</div>}
              />
            ) : null}
            <Form.Item
              name="result"
              label={t('orders.field.visitResult')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Radio.Group data-testid="action-field-result">
                {VISIT_RESULTS.map((r) => (
                  <Radio key={r} value={r} data-testid={`action-field-result-${r}`}>
                    {l.visit(r)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            {text('note', t('orders.field.visitNote'), false)}
          </>
        );
      case 'merge':
        return (
          <Form.Item
            name="mainOrder"
            label={t('orders.field.mainOrder')}
            rules={[{ required: true, whitespace: true, message: t('form.required') }]}
            extra={t('orders.field.mainOrder.hint')}
          >
            <Input placeholder="GC2026…" autoComplete="off" data-testid="action-field-mainOrder" />
          </Form.Item>
        );
      default:
        if (REASON.has(type)) {
          return (
            <>
              {type === 'approve_return' || type === 'reject_return' ? <ReturnInfo detail={detail} /> : null}
              {type === 'reject_extension' ? <ExtensionInfo order={o} brief /> : null}
              {text('reason', reasonLabel, true)}
            </>
          );
        }
        return (
          <>
            {type === 'approve_return' ? <ReturnInfo detail={detail} /> : null}
            {type === 'approve_reply' && o.reply ? (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={t('orders.field.reply')}
                description={<div className="order-detail-desc">{o.reply}</div>}
              />
            ) : null}
            {NOTE_ONLY.has(type) ? text('note', t('orders.field.note'), false, 2) : null}
          </>
        );
    }
  };

  return (
    <Modal
      open={!!type}
      title={type ? `${l.action(type)} · ${o.number}` : ''}
      onCancel={busy ? undefined : onClose}
      onOk={confirm}
      okText={t('orders.act.confirm')}
      confirmLoading={busy}
      okButtonProps={{ danger: !!type && DANGER.has(type), 'data-testid': 'action-confirm' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'action-dismiss' } as ButtonProps}
      destroyOnHidden
      width={
        type === 'dispatch' || type === 'redispatch' || type === 'submit_reply' || type === 'direct_reply' ? 620 : 520
      }
      data-testid="action-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void confirm();
          }
        }}
      >
        {body()}
      </Form>
      {error ? (
        <Alert
          type={error.status === 403 ? 'error' : 'warning'}
          showIcon
          data-testid="action-error"
          title={
            error.status === 403
              ? t('orders.act.forbidden')
              : error.status === 409
                ? t('orders.act.refused')
                : t('orders.act.failed')
          }
          description={error.message}
        />
      ) : null}
    </Modal>
  );
}
