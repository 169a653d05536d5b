/**
 * 工单交办单: the sheet the centre hands a unit with an order — what was asked, where, who holds
 * it, the 签收/办结 deadlines, the dispatch note, the 督办 level, and boxes the unit signs.
 */
import { fmtTime } from '../../../../format';
import { useOrderLabels } from '../../components/labels';
import type { OrderDetail } from '../../../../../modules/orders/contract';
import { Blank, FieldGrid, lastDispatch, lastOf, reporterText } from './sheetBits';

export function AssignSheet({ detail, community }: { detail: OrderDetail; community: string | null }) {
  const l = useOrderLabels();
  const { t } = l;
  const o = detail.order;
  const dispatch = lastDispatch(detail);
  const supervised = o.supervisionLevel > 0 ? lastOf(detail, 'order.supervised') : null;
  const place = [o.address, [community, o.gridCode].filter(Boolean).join(' · ')].filter(Boolean).join('　');

  return (
    <div className="print-sheet-assign">
      <h1 className="print-title">{t('orders.print.assignTitle')}</h1>
      <FieldGrid
        rows={[
          [
            { label: t('orders.col.number'), value: <b>{o.number}</b>, testId: 'print-number' },
            { label: t('orders.print.acceptedAt'), value: fmtTime(o.createdAt) },
          ],
          [
            { label: t('orders.print.source'), value: l.channel(o.channel) },
            { label: t('orders.print.category'), value: o.categoryPath ?? t('orders.category.none') },
          ],
          [{ label: t('orders.print.addressCommunity'), value: place }],
          [{ label: t('orders.print.reporter'), value: reporterText(o) }],
          [
            {
              label: t('orders.field.description'),
              value: (
                <div className="print-text">
                  {o.title ? <div className="print-text-title">{o.title}</div> : null}
                  {o.description}
                  {o.attachments.length ? (
                    <div className="print-muted">{t('orders.print.attachments', { n: o.attachments.length })}</div>
                  ) : null}
                </div>
              ),
            },
          ],
          [
            { label: t('orders.col.unit'), value: <b>{o.unitName}</b>, testId: 'print-unit' },
            {
              label: t('orders.print.supervision'),
              value:
                o.supervisionLevel > 0
                  ? `${t('orders.flag.supervised', { n: o.supervisionLevel })}${supervised?.note ? `：${supervised.note}` : ''}`
                  : t('orders.print.noSupervision'),
              testId: 'print-supervision',
            },
          ],
          [
            { label: t('orders.clock.signDue'), value: <b>{fmtTime(o.signDeadline)}</b>, testId: 'print-sign-due' },
            {
              label: t('orders.clock.completionDue'),
              value: <b>{fmtTime(o.completionDeadline)}</b>,
              testId: 'print-completion-due',
            },
          ],
          [
            {
              label: t('orders.print.dispatchNote'),
              value: dispatch?.note ? <div className="print-text">{dispatch.note}</div> : <Blank height="14mm" />,
              testId: 'print-dispatch-note',
            },
          ],
          [
            {
              label: t('orders.print.dispatchedBy'),
              value: dispatch
                ? `${dispatch.actorName ?? t('orders.tl.system')}　${fmtTime(dispatch.at)}`
                : fmtTime(o.dispatchedAt),
            },
          ],
        ]}
      />
      <h2 className="print-section">{t('orders.print.receipt')}</h2>
      <FieldGrid
        className="print-receipt"
        rows={[
          [
            { label: t('orders.print.signer'), value: <Blank /> },
            { label: t('orders.print.signDate'), value: t('orders.print.dateBlank') },
          ],
          [{ label: t('orders.print.result'), value: <Blank height="34mm" /> }],
          [
            { label: t('orders.print.head'), value: <Blank height="16mm" /> },
            { label: t('orders.print.headDate'), value: t('orders.print.dateBlank') },
          ],
        ]}
      />
      <p className="print-note">{t('orders.print.requirement')}</p>
    </div>
  );
}
