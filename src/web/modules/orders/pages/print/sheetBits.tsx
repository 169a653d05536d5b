/** Pieces both printed sheets use: the label/value grid, the running head, and what a step says. */
import type { ReactNode } from 'react';
import { fmtTime } from '../../../../format';
import type { OrderLabels } from '../../components/labels';
import type { OrderDetail, TimelineEntry } from '../../../../../modules/orders/contract';

/** One row of a 4-column label/value grid; `wide` spans the value over the row. */
export interface Field {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

/** Pairs of fields per row (label, value, label, value); a field alone on its row spans it. */
export function FieldGrid({ rows, className }: { rows: Array<[Field] | [Field, Field]>; className?: string }) {
  return (
    <table className={`print-grid ${className ?? ''}`}>
      <colgroup>
        <col className="print-grid-label" />
        <col />
        <col className="print-grid-label" />
        <col />
      </colgroup>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((f, j) => (
              <Cells key={j} field={f} span={row.length === 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cells({ field, span }: { field: Field; span: boolean }) {
  return (
    <>
      <th scope="row">{field.label}</th>
      <td colSpan={span ? 3 : undefined} data-testid={field.testId}>
        {field.value === null || field.value === undefined || field.value === '' ? '—' : field.value}
      </td>
    </>
  );
}

/** The last dispatch (分拨 or 改派) of the order: who handed it over, when, with what note. */
export function lastDispatch(detail: OrderDetail): TimelineEntry | null {
  const steps = detail.timeline.filter((e) => e.type === 'order.dispatched' || e.type === 'order.redispatched');
  return steps[steps.length - 1] ?? null;
}

/** The last step of one of the given types, or null. */
export function lastOf(detail: OrderDetail, ...types: string[]): TimelineEntry | null {
  const steps = detail.timeline.filter((e) => types.includes(e.type));
  return steps[steps.length - 1] ?? null;
}

/** The reporter as the viewer may see them (masked unless revealed): 张* · 138****5678. */
export function reporterText(o: OrderDetail['order']): string {
  return [o.reporter.name, o.reporter.phone].filter(Boolean).join(' · ');
}

/** The few facts of a step worth printing beside its note (the deadlines it set, a visit's result). */
export function stepFacts(e: TimelineEntry, l: OrderLabels): string[] {
  const { t } = l;
  const d = e.data ?? {};
  const out: string[] = [];
  switch (e.type) {
    case 'order.dispatched':
      if (d.redispatch) out.push(t('orders.tl.redispatch'));
      break;
    case 'order.extension_requested':
      if (typeof d.requestedDeadline === 'number')
        out.push(t('orders.tl.requested', { at: fmtTime(d.requestedDeadline) }));
      break;
    case 'order.extension_approved':
      if (typeof d.grantedDeadline === 'number') out.push(t('orders.tl.granted', { at: fmtTime(d.grantedDeadline) }));
      break;
    case 'order.visited':
      if (typeof d.result === 'string') out.push(`${t('orders.field.visitResult')}: ${l.visit(d.result)}`);
      break;
    case 'order.supervised':
      if (typeof d.level === 'number') out.push(t('orders.tl.level', { n: d.level }));
      break;
    case 'order.contacted':
      if (typeof d.method === 'string') out.push(`${t('orders.field.method')}: ${l.lookup('contact', d.method)}`);
      break;
    case 'order.reply_rejected':
    case 'order.resumed':
      if (typeof d.completionDeadline === 'number')
        out.push(t('orders.tl.newDeadline', { at: fmtTime(d.completionDeadline) }));
      break;
  }
  return out;
}

/** A blank to write in by hand, of a given height. */
export function Blank({ height = '10mm' }: { height?: string }) {
  return <div className="print-blank" style={{ minHeight: height }} />;
}
