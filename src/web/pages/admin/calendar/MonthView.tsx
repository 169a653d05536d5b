import { useMemo, useState } from 'react';
import { Calendar, Card, Space, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api';
import { useT } from '../../../i18n';
import { useLoad } from '../../../components/useLoad';
import { type CalendarDay, type CalendarYear } from '../../../../platform/api.contract';
import { type List as Items } from '../../../../platform/contract';
import { isWeekend } from './parseYear';

const REST_KINDS = new Set(['holiday', 'weekend', 'rest', 'off', 'dayoff', 'festival']);

interface Props {
  value: Dayjs;
  onChange: (d: Dayjs) => void;
  years: CalendarYear[];
}

/** One month of the working calendar: 休 on days off that fall on weekdays or holidays, 班 on make-up days. */
export function MonthView({ value, onChange, years }: Props) {
  const t = useT();
  const [mode, setMode] = useState<'month' | 'year'>('month');
  const from = value.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = value.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const days = useLoad(
    (signal) => api.get<Items<CalendarDay>>('/api/calendar/days', { from, to }, { signal }),
    [from, to, years],
  );

  const kinds = useMemo(() => new Map((days.data?.items ?? []).map((d) => [d.date, d.kind])), [days.data]);
  const { holidays, workdays } = useMemo(
    () => ({
      holidays: new Set(years.flatMap((y) => y.holidays)),
      workdays: new Set(years.flatMap((y) => y.workdays)),
    }),
    [years],
  );

  const cell = (d: Dayjs) => {
    const date = d.format('YYYY-MM-DD');
    const kind = kinds.get(date);
    const weekend = isWeekend(date);
    const rest = kind ? REST_KINDS.has(kind.toLowerCase()) || kind.toLowerCase().includes('holiday') : weekend;
    const holiday =
      holidays.has(date) || (kind !== undefined && rest && (!weekend || kind.toLowerCase().includes('holiday')));
    const makeup = workdays.has(date) || kind === 'makeup_workday' || (kind !== undefined && !rest && weekend);
    if (holiday) {
      return (
        <Tooltip title={kind || t('calendar.rest')}>
          <div className="cal-cell" data-kind="rest">
            <span className="cal-badge cal-badge-rest">{t('calendar.mark.rest')}</span>
          </div>
        </Tooltip>
      );
    }
    if (makeup) {
      return (
        <Tooltip title={t('calendar.work')}>
          <div className="cal-cell" data-kind="work">
            <span className="cal-badge cal-badge-work">{t('calendar.mark.work')}</span>
          </div>
        </Tooltip>
      );
    }
    return weekend ? <span className="cal-weekend">{t('calendar.weekend')}</span> : null;
  };

  return (
    <Card
      size="small"
      loading={false}
      title={
        <Space>
          {t('calendar.monthView')}
          <span className="cal-badge cal-badge-rest">{t('calendar.mark.rest')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calendar.rest')}
          </Typography.Text>
          <span className="cal-badge cal-badge-work">{t('calendar.mark.work')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calendar.work')}
          </Typography.Text>
        </Space>
      }
    >
      <Calendar
        value={value}
        mode={mode}
        onPanelChange={(d, m) => {
          setMode(m);
          onChange(d);
        }}
        onSelect={(d, info) => {
          if (info.source === 'month') setMode('month');
          onChange(d);
        }}
        cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
        data-testid="calendar-month"
      />
    </Card>
  );
}
