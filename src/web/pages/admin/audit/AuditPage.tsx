import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Row, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../api';
import { useT } from '../../../i18n';
import { fmtTime } from '../../../format';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError } from '../../../components/useApiError';
import { useAuth } from '../../../auth';
import { type AuditPage as AuditPageData, type AuditRow, type AuditVerify } from '../../../../platform/api.contract';
import { AuditFilters, LIMITS, type AuditFilter } from './AuditFilters';

function filterFromParams(p: URLSearchParams): AuditFilter {
  const limit = Number(p.get('limit'));
  return {
    subject: p.get('subject') ?? undefined,
    actor: p.get('actor') ?? undefined,
    entityType: p.get('entityType') ?? undefined,
    entityId: p.get('entityId') ?? undefined,
    actorId: p.get('actorId') ?? undefined,
    action: p.get('action') ?? undefined,
    limit: LIMITS.includes(limit) ? limit : 100,
  };
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/**
 * 审计日志: filtered by record (工单号, a name), by who acted and by action, newest first, paged with
 * `before`; records and actors shown by name; the chain can be verified on demand.
 */
export default function AuditPage() {
  const t = useT();
  const showError = useApiError();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = params.toString();
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const latest = useRef(0);

  const load = useCallback(
    async (before?: number) => {
      const req = ++latest.current;
      setLoading(true);
      try {
        const f = filterFromParams(new URLSearchParams(filterKey));
        const page = await api.get<AuditPageData>('/api/audit', { ...f, before });
        if (req !== latest.current) return; // a newer search has started
        setRows((old) => (before ? [...old, ...page.items] : page.items));
        setNextBefore(page.nextBefore ?? null);
      } catch (e) {
        showError(e);
      } finally {
        if (req === latest.current) setLoading(false);
      }
    },
    [filterKey, showError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const search = (f: AuditFilter) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p);
  };

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.post<AuditVerify>('/api/audit/verify'));
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<AuditRow> = [
    { title: '#', dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: fmtTime },
    {
      title: t('audit.actor'),
      width: 140,
      render: (_, r) =>
        r.actorName || r.actorId ? (
          <Tooltip title={r.actorId}>
            <Typography.Link
              onClick={() =>
                search({
                  ...filter,
                  actor: r.actorName ?? undefined,
                  actorId: r.actorName ? undefined : (r.actorId ?? undefined),
                })
              }
            >
              {r.actorName ?? r.actorId}
            </Typography.Link>
          </Tooltip>
        ) : (
          <Tag>{t('audit.system')}</Tag>
        ),
    },
    { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Tag color="blue">{a}</Tag> },
    {
      title: t('audit.entity'),
      render: (_, r) => (
        <span data-testid={`audit-entity-${r.seq}`}>
          <Tag>{r.entityType}</Tag>
          {r.entityLabel ? (
            <Tooltip title={r.entityId}>
              <Typography.Link strong onClick={() => search({ ...filter, subject: r.entityLabel ?? undefined })}>
                {r.entityLabel}
              </Typography.Link>
            </Tooltip>
          ) : (
            <Typography.Text type="secondary" copyable={r.entityId ? { text: r.entityId } : false}>
              {r.entityId ?? '—'}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.admin.audit')}
        hint={t('audit.hint')}
        extra={
          can('audit.verify') ? (
            <Button icon={<SafetyOutlined />} onClick={runVerify} loading={verifying} data-testid="audit-verify">
              {t('audit.verify')}
            </Button>
          ) : null
        }
      />
      {verify ? (
        <Alert
          closable={{ onClose: () => setVerify(null) }}
          showIcon
          style={{ marginBottom: 16 }}
          type={verify.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={verify.ok ? t('audit.verify.ok', { n: verify.checked }) : t('audit.verify.bad', { n: verify.checked })}
          description={
            verify.firstBad
              ? t('audit.verify.firstBad', { seq: verify.firstBad.seq, problem: verify.firstBad.problem })
              : undefined
          }
        />
      ) : null}
      <Card>
        <AuditFilters value={filter} onSearch={search} />
        <Table<AuditRow>
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (r) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <Json value={r.before} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <Json value={r.after} />
                </Col>
              </Row>
            ),
          }}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {nextBefore ? (
            <Button onClick={() => load(nextBefore)} loading={loading}>
              {t('common.loadMore')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('audit.end', { n: rows.length })}</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}
