/** The 回访 form: four results (keys 1–4), a note, submit with Ctrl+Enter. */
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { Alert, Button, Input, Space, Typography, type GetRef } from 'antd';
import { CheckOutlined, StepForwardOutlined } from '@ant-design/icons';
import { useT, type MessageKey } from '../../../../i18n';
import { VISIT_RESULTS, type VisitResult } from '../../../../../modules/orders/contract';

type TextAreaRef = GetRef<typeof Input.TextArea>;

export interface VisitFormHandle {
  focusNote: () => void;
}

interface Props {
  result: VisitResult | null;
  note: string;
  busy: boolean;
  disabledReason: string | null;
  onResult: (r: VisitResult) => void;
  onNote: (n: string) => void;
  onSubmit: () => void;
  onSkip: () => void;
}

export const RESULT_KEYS: Record<VisitResult, MessageKey> = {
  satisfied: 'ops.visit.result.satisfied',
  basically_satisfied: 'ops.visit.result.basically_satisfied',
  unsatisfied: 'ops.visit.result.unsatisfied',
  unreachable: 'ops.visit.result.unreachable',
};

export const VisitForm = forwardRef<VisitFormHandle, Props>(function VisitForm(
  { result, note, busy, disabledReason, onResult, onNote, onSubmit, onSkip },
  ref,
) {
  const t = useT();
  const noteRef = useRef<TextAreaRef>(null);
  useImperativeHandle(ref, () => ({ focusNote: () => noteRef.current?.focus() }), []);

  return (
    <div data-testid="visit-form">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('ops.visit.result')}
      </Typography.Title>
      <div className="visit-results" role="radiogroup" aria-label={t('ops.visit.result')}>
        {VISIT_RESULTS.map((r, i) => (
          <div
            key={r}
            role="radio"
            aria-checked={result === r}
            tabIndex={0}
            className={`visit-result r-${r}${result === r ? ' selected' : ''}`}
            onClick={() => onResult(r)}
            onKeyDown={(e) => {
              if (e.key === ' ' || e.key === 'Enter') {
                e.preventDefault();
                onResult(r);
              }
            }}
            data-testid={`visit-result-${r}`}
          >
            <span className="key">{i + 1}</span>
            {t(RESULT_KEYS[r])}
          </div>
        ))}
      </div>
      {result === 'unsatisfied' ? (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('ops.visit.unsatisfiedHint')} />
      ) : null}
      {result === 'unreachable' ? (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('ops.visit.unreachableHint')} />
      ) : null}
      <Input.TextArea
        ref={noteRef}
        value={note}
        onChange={(e) => onNote(e.target.value)}
        rows={3}
        maxLength={1000}
        showCount
        placeholder={
          result === 'unsatisfied' ? t('ops.visit.notePlaceholderUnsatisfied') : t('ops.visit.notePlaceholder')
        }
        style={{ marginTop: 12 }}
        data-testid="visit-note"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      {disabledReason ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={disabledReason} /> : null}
      <Space style={{ marginTop: 28, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <span className="kbd">1</span>–<span className="kbd">4</span> {t('ops.visit.kbd.pick')} ·{' '}
          <span className="kbd">N</span> {t('ops.visit.kbd.note')} · <span className="kbd">Ctrl</span>+
          <span className="kbd">Enter</span> {t('ops.visit.kbd.submit')} · <span className="kbd">J</span>/
          <span className="kbd">K</span> {t('ops.visit.kbd.move')}
        </Typography.Text>
        <Space>
          <Button icon={<StepForwardOutlined />} onClick={onSkip} data-testid="visit-skip">
            {t('ops.visit.skip')}
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!result || !!disabledReason}
            loading={busy}
            onClick={onSubmit}
            data-testid="visit-submit"
          >
            {t('ops.visit.submit')}
          </Button>
        </Space>
      </Space>
    </div>
  );
});
