/**
 * 办件详情 for the applicant: state, the promised / legal / pre-review clocks, materials with their
 * status and comments, every step, the printable documents; 补正 upload and resubmit when a
 * correction is asked for, 好差评 once the case is finished, 撤回 while the model allows it.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, List, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../../components/PageHeader';
import { useApiError } from '../../../../components/useApiError';
import { useLoad } from '../../../../components/useLoad';
import { fmtTime } from '../../../../format';
import { attachmentsOf, type CaseView, type ClockView, casesApi } from './casesApi';
import { CLOCK_COLOURS, labelOf, STATE_COLOURS } from './caseLabels';
import { CorrectionCard } from './CorrectionCard';
import { type CasesT, useCasesT } from './i18n';
import { RateCard } from './RateCard';

export default function CasePage() {
  const t = useCasesT();
  const { id = '' } = useParams();
  const loaded = useLoad((signal) => casesApi.get(id, signal), [id]);
  const [c, setC] = useState<CaseView>();
  useEffect(() => setC(loaded.data), [loaded.data]);
  const [withdrawing, setWithdrawing] = useState(false);

  if (!c) return <Card loading={loaded.loading} />;
  const files = attachmentsOf(c.form);
  const may = (a: string) => c.actions.includes(a);

  return (
    <>
      <PageHeader
        title={c.number ? t('detail.title', { number: c.number }) : t('detail.draft')}
        hint={c.itemName}
        extra={
          <>
            <Tag color={STATE_COLOURS[c.state]} data-testid="case-state">
              {labelOf(t, 'state', c.state, c.stateLabel)}
            </Tag>
            {c.state === 'draft' ? (
              <Link to={`/services/apply/${c.itemId}?case=${c.id}`}>
                <Button data-testid="case-edit">{t('detail.edit')}</Button>
              </Link>
            ) : null}
            {may('withdraw') ? (
              <Button danger data-testid="case-withdraw" onClick={() => setWithdrawing(true)}>
                {t('detail.withdraw')}
              </Button>
            ) : null}
          </>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {c.state === 'awaiting_correction' && may('supply_correction') ? <CorrectionCard c={c} onDone={setC} /> : null}
        {may('rate') ? <RateCard c={c} onDone={setC} /> : null}
        <Card title={t('detail.basic')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('detail.item')}>
              <Link to={`/services/guides/${c.itemId}`}>{c.itemName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.version')}>{c.itemVersion}</Descriptions.Item>
            <Descriptions.Item label={t('detail.channel')}>{labelOf(t, 'channel', c.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.applicant')}>
              {c.applicantName} · {c.applicantIdNo} · {c.applicantPhone}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.submitted')}>{fmtTime(c.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.step')}>{c.stepName ?? '—'}</Descriptions.Item>
            {c.outcome ? (
              <Descriptions.Item label={t('detail.outcome')}>
                {labelOf(t, 'detail.outcome', c.outcome)} · {fmtTime(c.decidedAt)}
              </Descriptions.Item>
            ) : null}
            {c.deliveryMethod ? (
              <Descriptions.Item label={t('detail.delivery')}>
                {c.deliveryMethod}
                {c.trackingNo ? ` · ${c.trackingNo}` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Card title={t('detail.clocks')} data-testid="case-clocks">
          {c.clock || c.legalClock || c.preReviewClock ? (
            <Space direction="vertical">
              <ClockLine t={t} label={t('detail.clock.promised')} clock={c.clock} />
              <ClockLine t={t} label={t('detail.clock.legal')} clock={c.legalClock} />
              <ClockLine t={t} label={t('detail.clock.preReview')} clock={c.preReviewClock} />
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('detail.clock.notStarted')}</Typography.Text>
          )}
        </Card>
        <Card title={t('detail.materials')}>
          <List
            data-testid="case-materials"
            dataSource={c.materials}
            renderItem={(m) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text>{m.name}</Typography.Text>
                  <Tag color={m.status === 'provided' ? 'green' : m.status === 'pending' ? 'default' : 'orange'}>
                    {labelOf(t, 'material.status', m.status)}
                  </Tag>
                  {(files[m.id] ?? []).map((f) => (
                    <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
                      {f.name}
                    </a>
                  ))}
                  {m.comment ? <Typography.Text type="danger">{m.comment}</Typography.Text> : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
        {c.documents.length ? (
          <Card title={t('detail.documents')}>
            <Space wrap>
              {c.documents.map((d) => (
                <a key={d} href={casesApi.documentUrl(c.id, d)} target="_blank" rel="noreferrer">
                  {labelOf(t, 'doc', d)}
                </a>
              ))}
            </Space>
          </Card>
        ) : null}
        <Card title={t('detail.steps')}>
          <Timeline
            data-testid="case-steps"
            items={c.steps.map((s) => ({
              children: (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {s.label} · {fmtTime(s.at)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {labelOf(t, 'state', s.from)} → {labelOf(t, 'state', s.to)}
                  </Typography.Text>
                  {s.comment ? <Typography.Text>{s.comment}</Typography.Text> : null}
                </Space>
              ),
            }))}
          />
        </Card>
      </Space>
      <WithdrawDialog c={c} open={withdrawing} onClose={() => setWithdrawing(false)} onDone={setC} />
    </>
  );
}

function ClockLine({ t, label, clock }: { t: CasesT; label: string; clock: ClockView | null }) {
  if (!clock) return null;
  const parts = [t('detail.clock.days', { n: clock.limitDays })];
  if (clock.dueDate) parts.push(t('detail.clock.due', { date: clock.dueDate }));
  if (clock.overdueDays > 0) parts.push(t('detail.clock.overdue', { n: clock.overdueDays }));
  else if (!clock.status.startsWith('done')) parts.push(t('detail.clock.remaining', { n: clock.remainingDays }));
  if (clock.pausedDays > 0) parts.push(t('detail.clock.paused', { n: clock.pausedDays }));
  return (
    <Space wrap>
      <Typography.Text strong>{label}</Typography.Text>
      <Tag color={CLOCK_COLOURS[clock.status]}>{labelOf(t, 'clock', clock.status)}</Tag>
      <Typography.Text>{parts.join(' · ')}</Typography.Text>
    </Space>
  );
}

function WithdrawDialog({
  c,
  open,
  onClose,
  onDone,
}: {
  c: CaseView;
  open: boolean;
  onClose: () => void;
  onDone: (next: CaseView) => void;
}) {
  const t = useCasesT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    setBusy(true);
    try {
      onDone(await casesApi.act(c.id, { type: 'withdraw', reason: reason.trim() }));
      message.success(t('detail.withdrawn'));
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('detail.withdraw')}
      onCancel={onClose}
      onOk={ok}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
      destroyOnClose
    >
      <Alert type="warning" showIcon message={c.itemName} style={{ marginBottom: 12 }} />
      <Input.TextArea
        data-testid="withdraw-reason"
        rows={3}
        maxLength={2000}
        placeholder={t('detail.withdrawReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
