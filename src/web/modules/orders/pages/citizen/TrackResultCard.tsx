/**
 * One order's progress as a citizen sees it: number and state, the five milestones, the unit, the
 * dates, the reply once answered, the steps so far. /track shows it after the number and phone
 * unlock it; 我的诉求 shows it for a logged-in citizen's own request.
 */
import { Alert, Card, Descriptions, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../../i18n';
import { fmtTime } from '../../../../format';
import { MILESTONES, milestoneOf, milestoneTimes, stepKey, type TrackResult } from './trackSteps';
import './citizen.css';

const STATE_COLOR: Record<string, string> = {
  pending_dispatch: 'gold',
  pending_sign: 'orange',
  handling: 'processing',
  pending_review: 'cyan',
  pending_visit: 'purple',
  closed: 'success',
  archived: 'success',
  cancelled: 'default',
  merged: 'default',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function TrackResultCard({ result }: { result: TrackResult }) {
  const { t, lang } = useI18n();
  const current = milestoneOf(result.state);
  const times = milestoneTimes(result);
  const cancelled = result.state === 'cancelled';
  return (
    <Card className="cz-card" data-testid="track-result">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            alignItems: 'flex-start',
            flexWrap: 'wrap',
          }}
        >
          <div>
            <Typography.Text type="secondary">{t('ops.report.number')}</Typography.Text>
            <div className="mono" style={{ fontSize: 18, fontWeight: 600 }}>
              {result.number}
            </div>
          </div>
          <Tag
            color={STATE_COLOR[result.state] ?? 'default'}
            style={{ fontSize: 15, padding: '4px 12px' }}
            data-testid="track-state"
          >
            {lang === 'en' ? capitalise(result.stateLabelEn) : result.stateLabel}
          </Tag>
        </div>
        {result.mainOrderNumber ? (
          <Alert
            type="info"
            showIcon
            title={t('ops.track.merged', { main: result.mainOrderNumber })}
            data-testid="track-merged"
          />
        ) : null}
        {cancelled ? <Alert type="warning" showIcon title={t('ops.track.cancelled')} /> : null}
        <Steps
          orientation="vertical"
          size="small"
          current={current}
          status={cancelled ? 'error' : current === 4 ? 'finish' : 'process'}
          items={MILESTONES.map((k, i) => ({
            title: t(k),
            content: times[i]
              ? fmtTime(times[i])
              : i === current && !cancelled && i < 4
                ? t('ops.track.inProgress')
                : undefined,
          }))}
          data-testid="track-steps"
        />
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
          items={[
            ...(result.title ? [{ key: 'title', label: t('ops.track.subject'), children: result.title }] : []),
            ...(result.categoryPath
              ? [{ key: 'category', label: t('ops.col.category'), children: result.categoryPath }]
              : []),
            {
              key: 'unit',
              label: t('ops.track.unit'),
              children: (
                <span data-testid="track-unit">
                  {result.unitName ?? (current >= 3 ? t('ops.track.unitCentre') : t('ops.track.unitPending'))}
                </span>
              ),
            },
            { key: 'created', label: t('ops.track.createdAt'), children: fmtTime(result.createdAt) },
            ...(result.completionDeadline && !result.closedAt
              ? [
                  {
                    key: 'deadline',
                    label: t('ops.track.deadline'),
                    children: fmtTime(result.completionDeadline),
                  },
                ]
              : []),
            ...(result.closedAt
              ? [{ key: 'closed', label: t('ops.track.closedAt'), children: fmtTime(result.closedAt) }]
              : []),
            ...(result.address ? [{ key: 'address', label: t('ops.col.address'), children: result.address }] : []),
          ]}
        />
        {result.reply ? (
          <div>
            <Typography.Text strong>{t('ops.track.reply')}</Typography.Text>
            <div className="cz-reply" style={{ marginTop: 6 }} data-testid="track-reply">
              {result.reply}
            </div>
          </div>
        ) : null}
        {result.progress?.length ? (
          <div>
            <Typography.Text strong>{t('ops.track.history')}</Typography.Text>
            <Timeline
              style={{ marginTop: 12 }}
              items={[...result.progress].reverse().map((p, i) => {
                const k = stepKey(p.step);
                return {
                  key: i,
                  color: i === 0 ? 'blue' : 'gray',
                  title: fmtTime(p.at),
                  content: k ? t(k) : p.step,
                };
              })}
              data-testid="track-history"
            />
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
