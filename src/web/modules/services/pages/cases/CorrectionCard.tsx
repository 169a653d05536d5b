/**
 * 补正: the open correction notice (一次性告知) with an upload per listed material; 提交补正 sends
 * supply_correction with every listed material (ids, or names for lines without one) and the
 * uploaded files' names and ids in the step's note, so the window sees what came in.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex } from 'antd';
import { useApiError } from '../../../../components/useApiError';
import { fmtDate } from '../../../../format';
import { type Attachments, type CaseView, casesApi } from './casesApi';
import { useCasesT } from './i18n';
import { MaterialFiles, type MaterialLine } from './MaterialFiles';

type Notice = CaseView['corrections'][number];

/** The notice still waiting for its materials, if any. */
export const openCorrection = (c: CaseView): Notice | undefined =>
  [...c.corrections].reverse().find((n) => n.suppliedAt === null);

/** A line's key: the material's, or its position for a line the notice names only. */
const lineKey = (i: Notice['items'][number], n: number) => i.materialId ?? `line${n + 1}`;

export function CorrectionCard({ c, onDone }: { c: CaseView; onDone: (next: CaseView) => void }) {
  const t = useCasesT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [files, setFiles] = useState<Attachments>({});
  const [busy, setBusy] = useState(false);
  const notice = openCorrection(c);
  if (!notice) return null;

  const lines: MaterialLine[] = notice.items.map((i, n) => ({
    key: lineKey(i, n),
    name: i.name,
    required: true,
    note: `${t('correction.problem')}：${i.problem}`,
  }));

  const submit = async () => {
    const lacking = notice.items.filter((i, n) => !files[lineKey(i, n)]?.length);
    if (lacking.length) {
      message.error(t('correction.needFiles', { names: lacking.map((i) => i.name).join('、') }));
      return;
    }
    const note = notice.items
      .map((i, n) => `${i.name}：${files[lineKey(i, n)]!.map((f) => `${f.name}（${f.id}）`).join('，')}`)
      .join('；')
      .slice(0, 1000);
    setBusy(true);
    try {
      const next = await casesApi.act(c.id, {
        type: 'supply_correction',
        materialIds: notice.items.flatMap((i) => (i.materialId ? [i.materialId] : [])),
        names: notice.items.flatMap((i) => (i.materialId ? [] : [i.name])),
        note,
      });
      message.success(t('correction.done'));
      setFiles({});
      onDone(next);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('correction.title')} data-testid="correction-card">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('correction.hint')}
        description={notice.dueAt ? t('correction.due', { date: fmtDate(notice.dueAt) }) : undefined}
      />
      <MaterialFiles lines={lines} files={files} onChange={setFiles} />
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="correction-submit" loading={busy} onClick={submit}>
          {t('correction.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
