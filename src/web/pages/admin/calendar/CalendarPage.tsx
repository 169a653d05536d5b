import { useMemo, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { api } from '../../../api';
import { useT } from '../../../i18n';
import { downloadText } from '../../../format';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/useLoad';
import { useApiError } from '../../../components/useApiError';
import { useAuth } from '../../../auth';
import { type CalendarYear } from '../../../../platform/api.contract';
import { MonthView } from './MonthView';
import { YearEditor } from './YearEditor';
import type { CalendarYearsResponse as YearsResponse } from '../../../../platform/api.contract';

/** 工作日历: which years the calendar knows (package data or our overrides) and what each month looks like. */
export default function CalendarPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const canManage = can('calendar.manage');
  const years = useLoad((signal) => api.get<YearsResponse>('/api/calendar/years', undefined, { signal }), []);
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  const [editing, setEditing] = useState<CalendarYear | null | undefined>(undefined);
  // Years arrive with lists of dates; tolerate a server that sends bare counts instead.
  const items = useMemo(
    () =>
      (years.data?.items ?? [])
        .map((y) => ({
          ...y,
          holidays: Array.isArray(y.holidays) ? y.holidays : [],
          workdays: Array.isArray(y.workdays) ? y.workdays : [],
        }))
        .sort((a, b) => b.year - a.year),
    [years.data],
  );
  const count = (v: unknown) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0);
  const raw = new Map((years.data?.items ?? []).map((y) => [y.year, y]));

  const dropOverride = async (y: CalendarYear) => {
    try {
      await api.delete(`/api/calendar/years/${y.year}`);
      message.success(t('calendar.reverted', { year: y.year }));
      years.reload();
    } catch (e) {
      showError(e);
    }
  };

  const exportYear = (y: CalendarYear) => {
    const body = { year: y.year, holidays: y.holidays, workdays: y.workdays };
    downloadText(`yiwang-calendar-${y.year}.json`, JSON.stringify(body, null, 2));
  };

  const columns: TableColumnsType<CalendarYear> = [
    { title: t('calendar.year'), dataIndex: 'year', width: 80 },
    {
      title: t('calendar.source'),
      dataIndex: 'source',
      render: (s: string) => (
        <Tag color={s === 'override' ? 'orange' : 'default'}>
          {s === 'override' ? t('calendar.source.override') : t('calendar.source.package')}
        </Tag>
      ),
    },
    { title: t('calendar.holidays'), render: (_, y) => count(raw.get(y.year)?.holidays) },
    { title: t('calendar.workdays'), render: (_, y) => count(raw.get(y.year)?.workdays) },
    {
      title: t('common.actions'),
      render: (_, y) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          {canManage ? (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(y)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {canManage && y.source === 'override' ? (
            <Popconfirm title={t('calendar.revert.confirm', { year: y.year })} onConfirm={() => dropOverride(y)}>
              <Tooltip title={t('calendar.revert')}>
                <Button size="small" type="link" icon={<RollbackOutlined />} aria-label={t('calendar.revert')} />
              </Tooltip>
            </Popconfirm>
          ) : null}
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined />}
            onClick={() => exportYear(y)}
            aria-label={t('common.export')}
          />
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.admin.calendar')}
        hint={t('calendar.hint')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="calendar-add-year"
            >
              {t('calendar.addYear')}
            </Button>
          ) : null
        }
      />
      {years.data?.warnings?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendar.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {years.data.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('calendar.years')} style={{ marginBottom: 16 }}>
            <Table<CalendarYear>
              rowKey="year"
              size="small"
              loading={years.loading}
              dataSource={items}
              columns={columns}
              pagination={false}
              scroll={{ y: 520 }}
              onRow={(y) => ({
                onClick: () => setMonth(y.year === dayjs().year() ? dayjs() : dayjs(`${y.year}-01-01`)),
                style: { cursor: 'pointer' },
              })}
              rowClassName={(y) => (y.year === month.year() ? 'ant-table-row-selected' : '')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <MonthView value={month} onChange={setMonth} years={items} />
        </Col>
      </Row>
      <YearEditor
        target={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(y) => {
          setEditing(undefined);
          setMonth(y === dayjs().year() ? dayjs() : dayjs(`${y}-01-01`));
          years.reload();
        }}
      />
    </div>
  );
}
