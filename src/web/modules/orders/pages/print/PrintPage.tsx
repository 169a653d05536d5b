/**
 * /orders/:id/print?sheet=assign|order — 交办单 or 工单详情单 on A4, drawn without the app's menu
 * and header (print.css: @page A4, black on white, page numbers, a head repeated on every page,
 * steps never cut over a page break). The data is GET /api/orders/:id, so the sheet holds what
 * the viewer may see (reporters masked as on the detail page). Every print — the 打印 button or
 * the browser's own Ctrl+P — is recorded (POST /api/orders/:id/printed → audit orders.printed):
 * a printed 交办单 is a document given out.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert, Button, Result, Segmented, Space, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../../../api';
import { useAuth } from '../../../../auth';
import { fmtTime } from '../../../../format';
import { Forbidden } from '../../../../components/Results';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { ordersApi } from '../../components/ordersApi';
import { useOrderLabels } from '../../components/labels';
import { useOrgIndex } from '../../components/refData';
import { PRINT_SHEETS, type PrintSheet } from '../../../../../modules/orders/contract';
import { AssignSheet } from './AssignSheet';
import { OrderSheet } from './OrderSheet';
import './print.css';

const isSheet = (s: string | null): s is PrintSheet => (PRINT_SHEETS as readonly (string | null)[]).includes(s);

export default function PrintPage() {
  const { t } = useOrderLabels();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('sheet');
  const sheet: PrintSheet = isSheet(requested) ? requested : 'assign';
  const { me } = useAuth();
  const orgs = useOrgIndex();
  const showError = useApiError();
  const loaded = useLoad((signal) => ordersApi.detail(id, signal), [id]);
  const [printedAt, setPrintedAt] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  // set while the 打印 button's own print runs: it was recorded already
  const recorded = useRef(false);
  const orderId = loaded.data?.order.id ?? null;

  const record = useCallback(
    () =>
      orderId
        ? api.post<{ ok: boolean }>(`/api/orders/${encodeURIComponent(orderId)}/printed`, { sheet })
        : Promise.resolve(null),
    [orderId, sheet],
  );

  useEffect(() => {
    const before = () => {
      // the time on the sheet is the moment it is printed
      flushSync(() => setPrintedAt(Date.now()));
      if (recorded.current) {
        recorded.current = false;
        return;
      }
      record().catch(showError);
    };
    const after = () => {
      recorded.current = false;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [record, showError]);

  useEffect(() => {
    if (loaded.data) document.title = `${t(`orders.print.${sheet}`)} ${loaded.data.order.number}`;
  }, [loaded.data, sheet, t]);

  const print = async () => {
    setBusy(true);
    try {
      // on record first: a sheet whose print could not be recorded is not printed
      await record();
    } catch (e) {
      showError(e);
      return;
    } finally {
      setBusy(false);
    }
    recorded.current = true;
    window.print();
  };

  const detail = loaded.data;
  if (!detail) {
    if (loaded.error instanceof ApiError) {
      if (loaded.error.status === 403) return <Forbidden />;
      return <Result status="404" title={t('orders.print.notFound')} subTitle={id} />;
    }
    return <Spin size="large" className="page-spin" />;
  }

  const o = detail.order;
  const street = orgs.list.find((x) => x.kind === 'street')?.name ?? t('app.title');
  const community = o.communityCode
    ? (orgs.communities.find((c) => c.code === o.communityCode)?.name ?? o.communityCode)
    : null;

  return (
    <div className="print-root" data-testid="print-page" data-sheet={sheet}>
      <div className="print-toolbar" data-testid="print-toolbar">
        <Space wrap size={12}>
          <Segmented<PrintSheet>
            value={sheet}
            onChange={(v) => setParams({ sheet: v }, { replace: true })}
            options={PRINT_SHEETS.map((s) => ({ value: s, label: t(`orders.print.${s}`) }))}
            data-testid="print-sheet-switch"
          />
          <Button type="primary" icon={<PrinterOutlined />} onClick={print} loading={busy} data-testid="print-button">
            {t('orders.print.button')}
          </Button>
          <Typography.Text type="secondary">{t('orders.print.recorded')}</Typography.Text>
        </Space>
        {sheet === 'assign' && !o.unitId ? (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('orders.print.noUnit')} />
        ) : null}
      </div>

      <div className="print-paper" data-testid="print-sheet">
        <table className="print-frame">
          <thead>
            <tr>
              <td className="print-frame-cell">
                <div className="print-head" data-testid="print-head">
                  <span className="print-head-street">{t('orders.print.header', { street })}</span>
                  <span>{o.number}</span>
                  <span data-testid="print-time">
                    {t('orders.print.printedAt', { at: fmtTime(printedAt) })}
                    {me ? `　${t('orders.print.printedBy', { name: me.user.name })}` : ''}
                  </span>
                </div>
              </td>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="print-frame-cell">
                {sheet === 'assign' ? (
                  <AssignSheet detail={detail} community={community} />
                ) : (
                  <OrderSheet detail={detail} community={community} />
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
