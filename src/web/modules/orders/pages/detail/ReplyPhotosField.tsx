/**
 * 处置后照片 in the 提交办结 dialog: the hotline form's uploader (each file to POST /api/files at once);
 * the reply carries the returned ids. The server accepts images only and checks each file.
 */
import { Form, type UploadFile } from 'antd';
import { AttachmentsField, MAX_ATTACHMENTS, attachmentIds } from '../hotline/AttachmentsField';
import { useOrderLabels } from '../../components/labels';

export { attachmentIds as photoIds };

/** Why the photos cannot be sent yet (an i18n key), or null. */
export function photosProblem(files: UploadFile[]): 'orders.photos.uploading' | 'orders.photos.failed' | null {
  if (files.some((f) => f.status === 'uploading')) return 'orders.photos.uploading';
  if (files.some((f) => f.status === 'error')) return 'orders.photos.failed';
  return null;
}

export function ReplyPhotosField({ files, onChange }: { files: UploadFile[]; onChange: (f: UploadFile[]) => void }) {
  const { t } = useOrderLabels();
  return (
    <Form.Item
      label={t('orders.photos.field')}
      extra={t('orders.photos.hint', { n: MAX_ATTACHMENTS })}
      data-testid="reply-photos"
    >
      <AttachmentsField files={files} onChange={onChange} />
    </Form.Item>
  );
}
