/** 好差评 of a finished case (一事一评): the five levels of the national standard and a comment, sent as the case's `rate` action. */
import { useState } from 'react';
import { App, Button, Card, Flex, Input, Radio, Space, Typography } from 'antd';
import { useI18n } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { LEVELS } from '../../../../../modules/services/ratings/ratings.contract';
import { type CaseView, casesApi } from './casesApi';
import { useCasesT } from './i18n';

export function RateCard({ c, onDone }: { c: CaseView; onDone: (next: CaseView) => void }) {
  const t = useCasesT();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const [level, setLevel] = useState<number>(5);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    // 差评 (不满意, 非常不满意) says why, as the standard asks
    if (level <= 2 && !comment.trim()) {
      message.error(t('rate.needComment'));
      return;
    }
    setBusy(true);
    try {
      const next = await casesApi.act(c.id, {
        type: 'rate',
        level,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      message.success(t('rate.done'));
      onDone(next);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('rate.title')} data-testid="rate-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rate.hint')}</Typography.Text>
        <Radio.Group
          data-testid="rate-level"
          value={level}
          onChange={(e) => setLevel(e.target.value as number)}
          optionType="button"
          options={LEVELS.map((l) => ({ value: l.level, label: lang === 'en' ? l.en : l.zh }))}
        />
        <Input.TextArea
          data-testid="rate-comment"
          rows={2}
          maxLength={1000}
          placeholder={t('rate.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Flex justify="flex-end">
          <Button type="primary" data-testid="rate-submit" loading={busy} onClick={submit}>
            {t('rate.submit')}
          </Button>
        </Flex>
      </Space>
    </Card>
  );
}
