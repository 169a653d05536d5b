/**
 * One material's line with its uploads: the file goes to POST /api/files (multipart) and the line
 * keeps the returned id and name. Materials from an electronic licence or under 告知承诺 need no file.
 */
import { useRef, useState } from 'react';
import { Button, List, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useApiError } from '../../../../components/useApiError';
import { type Attachments, casesApi } from './casesApi';
import { useCasesT } from './i18n';

export interface MaterialLine {
  key: string;
  name: string;
  required: boolean;
  source?: string;
  /** extra text under the name (the 补正 problem, a pre-review comment) */
  note?: string | null;
  tags?: string[];
}

/** A line needs a file when the applicant brings it (not an e-licence or a promise). */
export const needsFile = (m: MaterialLine) => (m.source ?? 'applicant') === 'applicant';

export function MaterialFiles({
  lines,
  files,
  onChange,
  disabled,
}: {
  lines: MaterialLine[];
  files: Attachments;
  onChange: (next: Attachments) => void;
  disabled?: boolean;
}) {
  const t = useCasesT();
  if (!lines.length) return <Typography.Text type="secondary">{t('materials.empty')}</Typography.Text>;
  return (
    <List
      data-testid="apply-materials"
      dataSource={lines}
      renderItem={(m) => (
        <List.Item data-testid={`material-${m.key}`}>
          <MaterialRow
            m={m}
            files={files[m.key] ?? []}
            disabled={disabled}
            onChange={(list) => onChange({ ...files, [m.key]: list })}
          />
        </List.Item>
      )}
    />
  );
}

function MaterialRow({
  m,
  files,
  onChange,
  disabled,
}: {
  m: MaterialLine;
  files: Attachments[string];
  onChange: (list: Attachments[string]) => void;
  disabled?: boolean;
}) {
  const t = useCasesT();
  const showError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    try {
      const added = [...files];
      for (const f of Array.from(list)) {
        const up = await casesApi.upload(f);
        added.push({ id: up.id, name: up.name.slice(0, 60) });
      }
      onChange(added);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{m.name}</Typography.Text>
        {!m.required ? <Tag>{t('materials.optional')}</Tag> : null}
        {(m.tags ?? []).map((x) => (
          <Tag key={x}>{x}</Tag>
        ))}
        {m.source === 'licence' ? <Tag color="green">{t('materials.fromLicence')}</Tag> : null}
        {m.source === 'promise' ? <Tag color="gold">{t('materials.promise')}</Tag> : null}
        {files.length ? <Tag color="blue">{t('materials.uploaded', { n: files.length })}</Tag> : null}
      </Space>
      {m.note ? <Typography.Text type="danger">{m.note}</Typography.Text> : null}
      {needsFile(m) ? (
        <Space wrap>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            multiple
            hidden
            data-testid={`upload-${m.key}`}
            onChange={(e) => void upload(e.target.files)}
          />
          <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()}>
            {busy ? t('materials.uploading') : t('materials.upload')}
          </Button>
          <Typography.Text type="secondary">{t('materials.types')}</Typography.Text>
        </Space>
      ) : null}
      {files.map((f) => (
        <Space key={f.id} data-testid={`file-${m.key}`}>
          <PaperClipOutlined />
          <a href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
            {f.name}
          </a>
          {!disabled ? (
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('materials.remove')}
              onClick={() => onChange(files.filter((x) => x.id !== f.id))}
            />
          ) : null}
        </Space>
      ))}
    </Space>
  );
}
