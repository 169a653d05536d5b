/** Attachments: each file goes to POST /api/files at once; the order carries the returned ids. */
import { Button, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useAuth } from '../../../../auth';
import { useT } from '../../../../i18n';
import { ApiError } from '../../../../api';
import { uploadFile } from '../../components/ordersApi';

export const MAX_ATTACHMENTS = 9;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,application/pdf,video/mp4';

interface Props {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
}

/** The ids of the uploaded files (the server keeps them in `response.id`). */
export function attachmentIds(files: UploadFile[]): string[] {
  return files
    .filter((f) => f.status === 'done' && (f.response as { id?: string } | undefined)?.id)
    .map((f) => (f.response as { id: string }).id);
}

export function AttachmentsField({ files, onChange }: Props) {
  const t = useT();
  const { me } = useAuth();
  return (
    <Upload
      multiple
      accept={ACCEPT}
      listType="picture"
      fileList={files}
      maxCount={MAX_ATTACHMENTS}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError, filename }) => {
        const f = file as File;
        uploadFile(f, f.name || filename || 'file', me?.csrfToken).then(
          (r) => onSuccess?.({ ...r, url: r.url }),
          (e: unknown) => {
            const err = new Error(e instanceof ApiError ? e.message : String(e));
            onError?.(err);
          },
        );
      }}
      itemRender={(node, file) => (
        <div title={file.status === 'error' ? String((file.error as Error | undefined)?.message ?? '') : undefined}>
          {node}
        </div>
      )}
    >
      <Button icon={<PaperClipOutlined />} disabled={files.length >= MAX_ATTACHMENTS} data-testid="hotline-attach">
        {t('orders.hotline.attach', { n: MAX_ATTACHMENTS })}
      </Button>
    </Upload>
  );
}
