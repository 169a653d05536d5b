/**
 * A finding's drone picture (GET /api/drones/media?id=…, a presigned link valid for an hour) with
 * the recognised object's box drawn over it. Links are kept for the page's life, at most 50 minutes.
 */
import { useEffect, useState } from 'react';
import { Image, Spin, Typography } from 'antd';
import { useT } from '../../../../i18n';
import { missionsApi, type MediaView } from '../../components/dronesApi';

const KEEP_MS = 50 * 60_000;
const cache = new Map<string, { at: number; media: Promise<MediaView | null> }>();

function mediaOf(id: string): Promise<MediaView | null> {
  const have = cache.get(id);
  if (have && Date.now() - have.at < KEEP_MS) return have.media;
  const media = missionsApi.media({ id }).then(
    (r) => r.items[0] ?? null,
    (e: unknown) => {
      cache.delete(id);
      throw e;
    },
  );
  cache.set(id, { at: Date.now(), media });
  return media;
}

interface Props {
  mediaId: string | null;
  box: number[] | null;
  width: number | string;
  height: number;
  preview?: boolean;
  testId?: string;
}

export function FindingPicture({ mediaId, box, width, height, preview, testId }: Props) {
  const t = useT();
  const [media, setMedia] = useState<MediaView | null | undefined>(mediaId ? undefined : null);
  useEffect(() => {
    if (!mediaId) {
      setMedia(null);
      return;
    }
    let live = true;
    setMedia(undefined);
    mediaOf(mediaId).then(
      (m) => live && setMedia(m),
      () => live && setMedia(null),
    );
    return () => {
      live = false;
    };
  }, [mediaId]);

  const frame: React.CSSProperties = {
    position: 'relative',
    width,
    height,
    background: '#f5f5f5',
    borderRadius: 6,
    overflow: 'hidden',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    flex: 'none',
  };
  if (media === undefined)
    return (
      <div style={frame}>
        <Spin size="small" />
      </div>
    );
  if (!media)
    return (
      <div style={frame} data-testid={testId}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('drones.findings.noPicture')}
        </Typography.Text>
      </div>
    );
  return (
    <div style={frame} data-testid={testId} data-media={media.id}>
      {/* stretched to the frame, so the box's fractions fall on the picture's own axes */}
      <Image
        src={media.url}
        alt={media.name}
        width="100%"
        height={height}
        style={{ objectFit: 'fill', width: '100%', height }}
        preview={preview ? {} : false}
      />
      {box && box.length === 4 ? (
        <div
          data-testid={testId ? `${testId}-box` : undefined}
          style={{
            position: 'absolute',
            left: `${box[0] * 100}%`,
            top: `${box[1] * 100}%`,
            width: `${box[2] * 100}%`,
            height: `${box[3] * 100}%`,
            border: '2px solid #ff4d4f',
            boxShadow: '0 0 0 1px rgba(255,255,255,.8)',
            pointerEvents: 'none',
          }}
        />
      ) : null}
    </div>
  );
}
