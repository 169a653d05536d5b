/**
 * The workbench frame both the centre's and the units' pages use: queue tabs with counts, the
 * filter row, the order table with keyset "load more", an optional map of the open orders, and
 * live refresh from the event stream. The pages add their own buttons (batch actions, 签收).
 */
import { useCallback, useMemo, useRef, useState, type Key, type ReactNode } from 'react';
import { Badge, Button, Card, Col, Flex, Row, Segmented, Tabs, Tooltip, Typography } from 'antd';
import {
  AppstoreOutlined,
  DownloadOutlined,
  EnvironmentOutlined,
  ReloadOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { OrderTable } from '../../components/OrderTable';
import { OrdersMap } from '../../components/maps';
import { useLiveOrders } from '../../components/useLiveOrders';
import { type OrderView } from '../../../../../modules/orders/contract';
import {
  FILTER_KEYS,
  filterQuery,
  filtersFromParams,
  inQueue,
  matchesFilters,
  type OrderFilterValues,
  type QueueDef,
} from './queues';
import { OrderFilterBar } from './OrderFilterBar';
import { ExportButton } from './ExportButton';
import { useOpenOrders, useOrderList, useQueueCounts } from './useOrderList';

export type ViewMode = 'table' | 'split' | 'map';

export interface WorkbenchApi {
  /** Reload the table and the counts now (after an action taken from the page). */
  refresh: () => void;
  selected: OrderView[];
  clearSelection: () => void;
  /** The rows loaded in the current tab (what the batch buttons look at). */
  rows: OrderView[];
}

interface Props {
  title: ReactNode;
  hint?: ReactNode;
  queues: QueueDef[];
  /** localStorage key for the view mode (table / split / map). */
  storageKey: string;
  /** Extra buttons in the header. */
  extra?: ReactNode;
  /** Queues in which rows may be selected (given the tab's loaded rows), and which rows. */
  selectable?: (queue: QueueDef, rows: OrderView[]) => ((o: OrderView) => boolean) | null;
  /** Buttons above the table for the selection. */
  toolbar?: (api: WorkbenchApi, queue: QueueDef) => ReactNode;
  rowActions?: (o: OrderView, api: WorkbenchApi) => ReactNode;
  rowActionsWidth?: number;
  showUnitFilter?: boolean;
  showMap?: boolean;
}

export function Workbench(props: Props) {
  const { queues, storageKey } = props;
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const queue = queues.find((q) => q.key === params.get('queue')) ?? queues[0];
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterKey = FILTER_KEYS.map((k) => filters[k] ?? '').join('|');
  const [view, setViewState] = useState<ViewMode>(() => {
    const v = localStorage.getItem(storageKey);
    return v === 'split' || v === 'map' ? v : 'table';
  });
  const mode: ViewMode = props.showMap === false ? 'table' : view;
  const setView = (v: ViewMode) => {
    localStorage.setItem(storageKey, v);
    setViewState(v);
  };

  const query = useMemo(() => ({ ...queue.query, ...filterQuery(filters) }), [queue, filters]);
  const list = useOrderList(query, `${queue.key}|${filterKey}`);
  const counts = useQueueCounts();
  const queueTotal = !filterKey.replace(/\|/g, '') && counts.value && queue.count ? queue.count(counts.value) : null;
  // the map draws the open orders themselves; the table view does not need them
  const openSet = useOpenOrders(mode !== 'table');
  const [selectedKeys, setSelectedKeys] = useState<Key[]>([]);
  const [flash, setFlash] = useState<ReadonlySet<string>>(new Set());
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(() => {
    list.refresh();
    counts.reload();
    openSet.reload();
  }, [list, counts, openSet]);

  const connected = useLiveOrders((events) => {
    refresh();
    setFlash(new Set(events.map((e) => e.entityId).filter((x): x is string => !!x)));
    if (flashTimer.current) clearTimeout(flashTimer.current);
    flashTimer.current = setTimeout(() => setFlash(new Set()), 2000);
  });

  const setParam = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
    setSelectedKeys([]);
  };
  const setFilters = (f: OrderFilterValues) => setParam(Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k]])));

  const rowsById = new Map(list.rows.map((o) => [o.id, o]));
  const selected = selectedKeys.map((k) => rowsById.get(String(k))).filter((o): o is OrderView => !!o);
  const api: WorkbenchApi = { refresh, selected, clearSelection: () => setSelectedKeys([]), rows: list.rows };
  const canSelect = props.selectable?.(queue, list.rows) ?? null;

  const mapOrders = useMemo(
    () => (openSet.open ?? []).filter((o) => inQueue(o, queue) && matchesFilters(o, filters)),
    [openSet.open, queue, filters],
  );

  const tabs = queues.map((q) => {
    const n = counts.value && q.count ? q.count(counts.value) : undefined;
    return {
      key: q.key,
      label: (
        <span data-testid={`queue-${q.key}`} data-count={n ?? ''}>
          {t(q.labelKey)}
          {n !== undefined ? (
            <Badge
              count={n}
              showZero
              overflowCount={999}
              color={q.alert && n > 0 ? '#cf1322' : n > 0 ? '#1668dc' : '#d9d9d9'}
              style={{ marginInlineStart: 6, boxShadow: 'none' }}
            />
          ) : null}
        </span>
      ),
    };
  });

  const table = (
    <>
      <OrderTable
        compact={mode === 'split'}
        orders={list.rows}
        loading={list.loading}
        flash={flash}
        selection={
          canSelect
            ? { keys: selectedKeys, onChange: (k) => setSelectedKeys(k), disabled: (o) => !canSelect(o) }
            : undefined
        }
        rowActions={props.rowActions ? (o) => props.rowActions!(o, api) : undefined}
        rowActionsWidth={props.rowActionsWidth}
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="orders-shown">
          {
            // with no filter typed, the tab's count is the list's total: say "100 of 122", not "100"
            queueTotal !== null && queueTotal > list.rows.length
              ? t('orders.list.shownOf', { n: list.rows.length, total: queueTotal })
              : t('orders.list.shown', { n: list.rows.length })
          }
        </Typography.Text>
        {list.next ? (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : list.rows.length ? (
          <Typography.Text type="secondary">{t('orders.list.end')}</Typography.Text>
        ) : null}
      </Flex>
    </>
  );

  const map = (
    <OrdersMap
      orders={mapOrders}
      onOpen={(o) => navigate(`/orders/${encodeURIComponent(o.id)}`)}
      height={mode === 'map' ? 'calc(100vh - 300px)' : 'calc(100vh - 260px)'}
    />
  );

  return (
    <div>
      <PageHeader
        title={props.title}
        hint={props.hint}
        extra={
          <>
            <Tooltip title={connected ? t('orders.live.on') : t('orders.live.off')}>
              <Badge
                status={connected ? 'processing' : 'default'}
                text={connected ? t('orders.live.short') : t('orders.live.offShort')}
                data-testid="live-status"
              />
            </Tooltip>
            {props.showMap === false ? null : (
              <Segmented<ViewMode>
                value={mode}
                onChange={setView}
                data-testid="view-mode"
                options={[
                  { value: 'table', icon: <TableOutlined />, label: t('orders.view.table') },
                  { value: 'split', icon: <AppstoreOutlined />, label: t('orders.view.split') },
                  { value: 'map', icon: <EnvironmentOutlined />, label: t('orders.view.map') },
                ]}
              />
            )}
            <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="orders-refresh">
              {t('common.refresh')}
            </Button>
            <ExportButton icon={<DownloadOutlined />} href={exportUrl(query)} />
            {props.extra}
          </>
        }
      />
      <Card size="small" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          className="orders-queue-tabs"
          activeKey={queue.key}
          items={tabs}
          onChange={(k) => setParam({ queue: k })}
        />
        <OrderFilterBar
          value={filters}
          onChange={setFilters}
          showUnit={props.showUnitFilter !== false}
          extra={props.toolbar ? props.toolbar(api, queue) : null}
        />
        {mode === 'table' ? table : null}
        {mode === 'map' ? map : null}
        {mode === 'split' ? (
          <Row gutter={12}>
            <Col xs={24} xl={15} xxl={14}>
              {table}
            </Col>
            <Col xs={24} xl={9} xxl={10}>
              <div style={{ position: 'sticky', top: 76 }}>{map}</div>
            </Col>
          </Row>
        ) : null}
        {openSet.truncated ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orders.counts.truncated')}
          </Typography.Text>
        ) : null}
      </Card>
    </div>
  );
}

/** The list's filters as a download of GET /api/orders/export.xlsx (same scope, newest first). */
function exportUrl(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || k === 'sort' || k === 'before' || k === 'limit') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api/orders/export.xlsx${qs ? `?${qs}` : ''}`;
}
