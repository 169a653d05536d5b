/**
 * 回访队列: the orders waiting for a return visit, one at a time — the unit's reply, the citizen's
 * (masked) phone with an audited reveal, and a quick result form; after each visit the next order.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, Badge, Button, Card, Descriptions, Empty, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { OrderLink, StateTag, channelLabel, urgencyTag } from './orderBits';
import { VisitForm, RESULT_KEYS, type VisitFormHandle } from './VisitForm';
import {
  VISIT_RESULTS,
  type OrderDetail,
  type OrderPage,
  type OrderView,
  type VisitResult,
} from '../../../../../modules/orders/contract';
import { VISIT_ROLES } from './roles';
import './ops.css';

async function loadQueue(signal: AbortSignal): Promise<OrderView[]> {
  const page = await api.get<OrderPage>('/api/orders', { state: 'pending_visit', limit: 500 }, { signal });
  // oldest reply first: the citizen who has waited longest is called first
  return [...page.items].sort((a, b) => (a.repliedAt ?? a.updatedAt) - (b.repliedAt ?? b.updatedAt));
}

function isTyping(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  return e.tagName === 'TEXTAREA' || e.tagName === 'INPUT' || e.tagName === 'SELECT' || e.isContentEditable;
}

export default function VisitsPage() {
  const t = useT();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const queue = useLoad(loadQueue, []);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [result, setResult] = useState<VisitResult | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<Record<string, { name: string | null; phone: string | null }>>({});
  const [revealing, setRevealing] = useState(false);
  const [count, setCount] = useState(0);
  const formRef = useRef<VisitFormHandle>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const items = useMemo(() => (queue.data ?? []).filter((o) => !done.has(o.id)), [queue.data, done]);
  const index = Math.max(
    0,
    items.findIndex((o) => o.id === selectedId),
  );
  const current = items[index] ?? null;

  // Keep a valid selection as the queue changes.
  useEffect(() => {
    if (items.length && (!selectedId || !items.some((o) => o.id === selectedId))) setSelectedId(items[0].id);
  }, [items, selectedId]);

  // A new order: a fresh form, and the selected row scrolled into view.
  useEffect(() => {
    setResult(null);
    setNote('');
    if (current) listRef.current?.querySelector(`[data-id="${current.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const detail = useLoad<OrderDetail | null>(
    (signal) =>
      current
        ? api.get<OrderDetail>(`/api/orders/${encodeURIComponent(current.id)}`, undefined, { signal })
        : Promise.resolve(null),
    [current?.id],
  );
  const fresh = detail.data && detail.data.order.id === current?.id ? detail.data : null;
  const isVisitor = !!me?.user.roles.some((r) => VISIT_ROLES.includes(r));
  const disabledReason = !isVisitor
    ? t('ops.visit.notVisitor')
    : fresh && !fresh.actions.includes('visit')
      ? t('ops.visit.notAllowed')
      : null;

  const move = useCallback(
    (delta: number) => {
      if (!items.length) return;
      const next = Math.min(items.length - 1, Math.max(0, index + delta));
      setSelectedId(items[next].id);
    },
    [items, index],
  );

  const submit = useCallback(async () => {
    if (!current || !result || busy || disabledReason) return;
    setBusy(true);
    try {
      await api.post(`/api/orders/${encodeURIComponent(current.id)}/actions`, {
        type: 'visit',
        result,
        note: note.trim() || undefined,
      });
      message.success(t('ops.visit.done', { number: current.number, result: t(RESULT_KEYS[result]) }));
      setCount((n) => n + 1);
      // the next order takes this one's place in the list
      const next = items[index + 1] ?? items[index - 1] ?? null;
      setDone((s) => new Set(s).add(current.id));
      setSelectedId(next?.id ?? null);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }, [current, result, note, busy, disabledReason, items, index, message, t, showError]);

  const reveal = async () => {
    if (!current) return;
    setRevealing(true);
    try {
      const r = await api.post<{ name: string | null; phone: string | null }>(
        `/api/orders/${encodeURIComponent(current.id)}/reveal`,
      );
      setRevealed((m) => ({ ...m, [current.id]: r }));
      message.info(t('ops.visit.revealLogged'));
    } catch (e) {
      showError(e);
    } finally {
      setRevealing(false);
    }
  };

  // Keyboard: 1–4 pick a result, N the note, J/K or ↓/↑ move, Ctrl+Enter submits (also from the note).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey) return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
        return;
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey) return;
      if (document.querySelector('.ant-modal-wrap')) return;
      const n = Number(e.key);
      if (n >= 1 && n <= VISIT_RESULTS.length) {
        e.preventDefault();
        setResult(VISIT_RESULTS[n - 1]);
      } else if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        move(1);
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      } else if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        formRef.current?.focusNote();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit, move]);

  const refresh = () => {
    setDone(new Set());
    queue.reload();
  };

  const who = current ? (revealed[current.id] ?? null) : null;
  const phone = who?.phone ?? current?.reporter.phone ?? null;
  const name = who?.name ?? current?.reporter.name ?? null;

  return (
    <div data-testid="visits-page">
      <PageHeader
        title={t('nav.ops.visits')}
        hint={t('ops.visit.hint')}
        extra={
          <>
            {count ? (
              <Tag color="green" style={{ alignSelf: 'center' }}>
                {t('ops.visit.sessionCount', { n: count })}
              </Tag>
            ) : null}
            <Button icon={<ReloadOutlined />} onClick={refresh} loading={queue.loading}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {queue.loading && !queue.data ? (
        <Spin size="large" className="page-spin" />
      ) : items.length === 0 ? (
        <Card>
          <Result
            status="success"
            title={t('ops.visit.empty')}
            subTitle={count ? t('ops.visit.sessionCount', { n: count }) : undefined}
            data-testid="visit-empty"
          />
        </Card>
      ) : (
        <div className="visit-layout">
          <Card
            className="visit-queue"
            title={
              <Space>
                {t('ops.visit.queue')}
                <Badge count={items.length} overflowCount={999} color="#722ed1" />
              </Space>
            }
          >
            <div className="visit-queue-list" ref={listRef} data-testid="visit-queue">
              {items.map((o) => (
                <div
                  key={o.id}
                  data-id={o.id}
                  className={`visit-queue-item${o.id === current?.id ? ' active' : ''}`}
                  onClick={() => setSelectedId(o.id)}
                  data-testid={`visit-item-${o.number}`}
                >
                  <div className="title" title={o.title}>
                    {o.title}
                  </div>
                  <div className="meta">
                    <span className="mono">{o.number}</span>
                    <span>{o.unitName ?? '—'}</span>
                  </div>
                  <div className="meta">
                    <span>{t('ops.visit.repliedAt', { time: fmtTime(o.repliedAt) })}</span>
                    {o.reopenCount ? (
                      <span style={{ color: '#cf1322' }}>{t('ops.visit.reopened', { n: o.reopenCount })}</span>
                    ) : null}
                  </div>
                </div>
              ))}
            </div>
          </Card>

          {current ? (
            <Card
              title={
                <Space wrap>
                  <OrderLink order={current} />
                  <StateTag state={current.state} />
                  {urgencyTag(current.urgency, t)}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                    {t('ops.visit.position', { i: index + 1, n: items.length })}
                  </Typography.Text>
                </Space>
              }
              data-testid="visit-current"
            >
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {current.title}
              </Typography.Title>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 3 }}
                style={{ marginBottom: 12 }}
                items={[
                  {
                    key: 'citizen',
                    label: t('ops.visit.citizen'),
                    children: (
                      <Space size={4} wrap>
                        <span>{name ?? '—'}</span>
                        {phone ? (
                          who ? (
                            <a href={`tel:${phone}`} className="mono" data-testid="visit-phone">
                              <PhoneOutlined /> {phone}
                            </a>
                          ) : (
                            <span className="mono" data-testid="visit-phone">
                              {phone}
                            </span>
                          )
                        ) : (
                          <Typography.Text type="secondary">{t('ops.visit.noPhone')}</Typography.Text>
                        )}
                        {!who && phone && current.reporter.masked && can('pii.reveal') ? (
                          <Tooltip title={t('ops.visit.revealTip')}>
                            <Button
                              size="small"
                              type="link"
                              icon={<EyeOutlined />}
                              loading={revealing}
                              onClick={reveal}
                              data-testid="visit-reveal"
                            >
                              {t('ops.visit.reveal')}
                            </Button>
                          </Tooltip>
                        ) : null}
                      </Space>
                    ),
                  },
                  { key: 'unit', label: t('ops.col.unit'), children: current.unitName ?? '—' },
                  { key: 'channel', label: t('ops.col.channel'), children: channelLabel(current.channel, t) },
                  { key: 'category', label: t('ops.col.category'), children: current.categoryPath ?? '—' },
                  { key: 'created', label: t('ops.col.createdAt'), children: fmtTime(current.createdAt) },
                  { key: 'replied', label: t('ops.col.repliedAt'), children: fmtTime(current.repliedAt) },
                  ...(current.address
                    ? [{ key: 'address', label: t('ops.col.address'), children: current.address }]
                    : []),
                ]}
              />
              <Typography.Text type="secondary">{t('ops.visit.description')}</Typography.Text>
              <div className="visit-desc" style={{ margin: '4px 0 12px' }}>
                {current.description}
              </div>
              <Typography.Text type="secondary">
                {t('ops.visit.reply', { unit: current.unitName ?? t('ops.track.unitCentre') })}
              </Typography.Text>
              <div className="visit-reply" style={{ margin: '4px 0 20px' }} data-testid="visit-reply">
                {current.reply || <Typography.Text type="secondary">{t('ops.visit.noReply')}</Typography.Text>}
              </div>
              <VisitForm
                ref={formRef}
                result={result}
                note={note}
                busy={busy}
                disabledReason={disabledReason}
                onResult={setResult}
                onNote={setNote}
                onSubmit={() => void submit()}
                onSkip={() => move(index + 1 < items.length ? 1 : -index)}
              />
            </Card>
          ) : (
            <Card>
              <Empty />
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
