/** The report's photos: thumbnails with their upload state, a remove button, and the album picker. */
import { Button, Card, Spin, Typography } from 'antd';
import { CloseCircleFilled, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../i18n';

export const MAX_PHOTOS = 9;

export interface Photo {
  key: string;
  preview: string;
  status: 'uploading' | 'done' | 'error';
  fileId?: string;
  error?: string;
}

export function InspectPhotos(props: { photos: Photo[]; onAlbum: () => void; onRemove: (key: string) => void }) {
  const { t } = useI18n();
  const photos = props.photos;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('ops.inspect.photos', { n: photos.length, max: MAX_PHOTOS })}
      extra={
        <Button
          type="link"
          size="small"
          icon={<PictureOutlined />}
          onClick={props.onAlbum}
          disabled={photos.length >= MAX_PHOTOS}
        >
          {t('ops.inspect.album')}
        </Button>
      }
    >
      {photos.length === 0 ? (
        <Typography.Text type="secondary">{t('ops.inspect.noPhotos')}</Typography.Text>
      ) : (
        <div className="inspect-photos" data-testid="inspect-photos">
          {photos.map((p) => (
            <div className="inspect-photo" key={p.key} title={p.error}>
              <img src={p.preview} alt="" />
              {p.status === 'uploading' ? (
                <div className="state">
                  <Spin />
                </div>
              ) : p.status === 'error' ? (
                <div
                  className="state"
                  style={{ flexDirection: 'column', color: '#cf1322', fontSize: 12, padding: 4, textAlign: 'center' }}
                >
                  <CloseCircleFilled style={{ fontSize: 20 }} />
                  {t('ops.inspect.uploadFailed')}
                </div>
              ) : null}
              <Button
                className="remove"
                size="small"
                shape="circle"
                icon={<DeleteOutlined />}
                onClick={() => props.onRemove(p.key)}
                aria-label={t('ops.inspect.remove')}
              />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
