import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Flex, Input, InputNumber, Modal, Space, Typography, Upload, Button } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../api';
import { useT } from '../../../i18n';
import { useApiError } from '../../../components/useApiError';
import { type CalendarYear } from '../../../../platform/api.contract';
import { parseYearText, toLines } from './parseYear';

interface Props {
  /** The year to edit; `null` = a new year; `undefined` = closed. */
  target: CalendarYear | null | undefined;
  onClose: () => void;
  onSaved: (year: number) => void;
}

/** Edit or import one year's days off (休) and make-up working days (班). */
export function YearEditor({ target, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const open = target !== undefined;

  useEffect(() => {
    if (target === undefined) return;
    if (target) {
      setYear(target.year);
      setText(toLines(target.holidays, target.workdays));
    } else {
      setYear(new Date().getFullYear() + 1);
      setText('');
    }
  }, [target]);

  const parsed = useMemo(() => parseYearText(text, year), [text, year]);
  const errors = parsed.problems.filter((p) => p.level === 'error');
  const warnings = parsed.problems.filter((p) => p.level === 'warning');
  const describe = (p: (typeof parsed.problems)[number]) =>
    (p.line ? t('calendar.parse.line', { n: p.line }) + ' ' : '') + t(p.key, p.params);

  const save = async () => {
    if (errors.length) return;
    setBusy(true);
    try {
      await api.put(`/api/calendar/years/${year}`, { holidays: parsed.holidays, workdays: parsed.workdays });
      message.success(t('calendar.saved', { year }));
      onSaved(year);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={target ? t('calendar.editYear', { year: target.year }) : t('calendar.addYear')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      okButtonProps={{ disabled: errors.length > 0 }}
      confirmLoading={busy}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>{t('calendar.year')}</Typography.Text>
          <InputNumber
            min={1990}
            max={2200}
            precision={0}
            value={year}
            disabled={!!target}
            onChange={(v) => v && setYear(v)}
          />
          <Upload
            accept=".txt,.json,text/plain,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setText);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('calendar.importFile')}</Button>
          </Upload>
        </Flex>
        <Typography.Text type="secondary">{t('calendar.formatHint')}</Typography.Text>
        <Input.TextArea
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'2026-01-01 休 元旦\n2026-02-14 班\n…\n\n{"holidays":["2026-01-01"],"workdays":["2026-02-14"]}'}
          style={{ fontFamily: 'monospace' }}
          data-testid="calendar-text"
        />
        <Typography.Text>
          {t('calendar.parsedCounts', { holidays: parsed.holidays.length, workdays: parsed.workdays.length })}
        </Typography.Text>
        {errors.length ? (
          <Alert
            type="error"
            showIcon
            title={t('calendar.parse.errors', { n: errors.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {errors.slice(0, 15).map((p, i) => (
                  <li key={i}>{describe(p)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {warnings.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('calendar.parse.warnings', { n: warnings.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {warnings.slice(0, 15).map((p, i) => (
                  <li key={i}>{describe(p)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Space>
    </Modal>
  );
}
