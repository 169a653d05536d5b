/**
 * 工单详情单: the whole record of an order as the detail page shows it — facts, the request, the
 * reply, the review, the visit-back, every step of the timeline (a row never split over two
 * pages), notifications, merged and main orders.
 */
import { fmtTime } from '../../../../format';
import { useOrderLabels } from '../../components/labels';
import type { OrderDetail } from '../../../../../modules/orders/contract';
import { FieldGrid, lastOf, reporterText, stepFacts, type Field } from './sheetBits';

export function OrderSheet({ detail, community }: { detail: OrderDetail; community: string | null }) {
  const l = useOrderLabels();
  const { t } = l;
  const o = detail.order;
  const review = lastOf(detail, 'order.reply_approved', 'order.reply_rejected');
  const visit = lastOf(detail, 'order.visited');
  const links: Array<[Field]> = [];
  if (detail.mainOrder) links.push([{ label: t('orders.print.main'), value: detail.mainOrder.number }]);
  if (detail.mergedOrders.length)
    links.push([
      {
        label: t('orders.print.mergedOrders'),
        value: detail.mergedOrders.map((m) => `${m.number} ${m.title}`).join('；'),
      },
    ]);

  return (
    <div className="print-sheet-order">
      <h1 className="print-title">{t('orders.print.orderTitle')}</h1>
      <h2 className="print-section">{t('orders.print.basics')}</h2>
      <FieldGrid
        rows={[
          [
            { label: t('orders.col.number'), value: <b>{o.number}</b>, testId: 'print-number' },
            { label: t('orders.col.state'), value: l.state(o.state) },
          ],
          [
            { label: t('orders.print.acceptedAt'), value: fmtTime(o.createdAt) },
            { label: t('orders.print.source'), value: l.channel(o.channel) },
          ],
          [
            { label: t('orders.print.category'), value: o.categoryPath ?? t('orders.category.none') },
            { label: t('orders.field.urgency'), value: l.urgency(o.urgency) },
          ],
          [{ label: t('orders.col.title'), value: o.title }],
          [
            { label: t('orders.field.address'), value: o.address },
            { label: t('orders.col.community'), value: [community, o.gridCode].filter(Boolean).join(' · ') },
          ],
          [{ label: t('orders.print.reporter'), value: reporterText(o) }],
          [
            { label: t('orders.col.unit'), value: o.unitName, testId: 'print-unit' },
            {
              label: t('orders.print.supervision'),
              value:
                o.supervisionLevel > 0
                  ? t('orders.flag.supervised', { n: o.supervisionLevel })
                  : t('orders.print.noSupervision'),
            },
          ],
          [
            { label: t('orders.detail.dispatchedAt'), value: fmtTime(o.dispatchedAt) },
            { label: t('orders.detail.signedAt'), value: fmtTime(o.signedAt) },
          ],
          [
            { label: t('orders.clock.signDue'), value: fmtTime(o.signDeadline), testId: 'print-sign-due' },
            {
              label: t('orders.clock.completionDue'),
              value: fmtTime(o.completionDeadline),
              testId: 'print-completion-due',
            },
          ],
          [
            { label: t('orders.detail.firstContactAt'), value: fmtTime(o.firstContactAt) },
            { label: t('orders.detail.closedAt'), value: fmtTime(o.closedAt) },
          ],
          [
            {
              label: t('orders.detail.counters'),
              value: t('orders.detail.countersValue', {
                bounce: o.bounceCount,
                reopen: o.reopenCount,
                urge: o.urgeCount,
              }),
            },
          ],
          [
            {
              label: t('orders.field.description'),
              value: (
                <div className="print-text">
                  {o.description}
                  {o.attachments.length ? (
                    <div className="print-muted">{t('orders.print.attachments', { n: o.attachments.length })}</div>
                  ) : null}
                </div>
              ),
            },
          ],
          [
            {
              label: t('orders.detail.reply'),
              value: o.reply ? (
                <div className="print-text" data-testid="print-reply">
                  {o.reply}
                  <div className="print-muted">{fmtTime(o.repliedAt)}</div>
                </div>
              ) : (
                t('orders.print.noReply')
              ),
            },
          ],
          [
            {
              label: t('orders.print.review'),
              value: review ? (
                <div className="print-text">
                  {l.event(review.type, review.label)}　{review.actorName ?? t('orders.tl.system')}　
                  {fmtTime(review.at)}
                  {review.note ? <div>{review.note}</div> : null}
                </div>
              ) : (
                t('orders.print.noReview')
              ),
            },
          ],
          [
            {
              label: t('orders.print.visit'),
              value: o.visitResult ? (
                <div className="print-text">
                  {l.visit(o.visitResult)}　{fmtTime(o.visitedAt)}
                  {visit?.actorName ? `　${visit.actorName}` : ''}
                  {visit?.note ? <div>{visit.note}</div> : null}
                </div>
              ) : (
                t('orders.print.noVisit')
              ),
            },
          ],
          ...links,
        ]}
      />

      <h2 className="print-section">{t('orders.print.steps', { n: detail.timeline.length })}</h2>
      <table className="print-list" data-testid="print-timeline">
        <thead>
          <tr>
            <th style={{ width: '24mm' }}>{t('orders.print.at')}</th>
            <th style={{ width: '18mm' }}>{t('orders.print.step')}</th>
            <th style={{ width: '17mm' }}>{t('orders.print.actor')}</th>
            <th style={{ width: '25mm' }}>{t('orders.print.unit')}</th>
            <th style={{ width: '23mm' }}>{t('orders.print.stateChange')}</th>
            <th>{t('orders.print.note')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.timeline.map((e) => (
            <tr key={e.id} className="print-step">
              <td className="print-nowrap">{fmtTime(e.at)}</td>
              <td>{l.event(e.type, e.label)}</td>
              <td>{e.actorName ?? t('orders.tl.system')}</td>
              <td>{e.unitName ?? ''}</td>
              <td>
                {e.from && e.to && e.from !== e.to
                  ? `${l.state(e.from)} → ${l.state(e.to)}`
                  : !e.from && e.to
                    ? l.state(e.to)
                    : ''}
              </td>
              <td className="print-text">{[...stepFacts(e, l), e.note ?? ''].filter(Boolean).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {detail.notifications.length ? (
        <>
          <h2 className="print-section">{t('orders.detail.notifications', { n: detail.notifications.length })}</h2>
          <table className="print-list">
            <thead>
              <tr>
                <th style={{ width: '25mm' }}>{t('orders.notif.at')}</th>
                <th style={{ width: '24mm' }}>{t('orders.notif.to')}</th>
                <th>{t('orders.notif.text')}</th>
                <th style={{ width: '16mm' }}>{t('orders.notif.status')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.notifications.map((n) => (
                <tr key={n.id} className="print-step">
                  <td className="print-nowrap">{fmtTime(n.createdAt)}</td>
                  <td>{`${l.lookup('recipient', n.recipientKind)} · ${l.lookup('notifChannel', n.channel)}`}</td>
                  <td className="print-text">{n.text}</td>
                  <td>{l.lookup('notifStatus', n.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
