/**
 * Live video of a dock and its aircraft (GET/POST /api/drones/devices/:sn/live…): pick a camera from
 * the dock's live_capacity, start and stop the push, quality and lens; plays HLS with hls.js (or the
 * browser's own HLS, Safari), other URLs in a plain <video>, and says plainly when no media gateway
 * is configured or the URL is not one a browser plays (WebRTC, HTTP-FLV: the gateway's own player).
 */
import { useEffect, useRef, useState } from 'react';
import type { Static } from '@sinclair/typebox';
import { Alert, Button, Card, Flex, Select, Space, Tag, Typography, message } from 'antd';
import Hls from 'hls.js';
import { ApiError, api } from '../../../api';
import { useI18n, useT, type MessageKey } from '../../../i18n';
import { inLanguage } from '../../../serverText';
import { useLoad } from '../../../components/useLoad';
import { useAuth } from '../../../auth';
import type { LiveOutcome, LiveStatus } from '../../../../modules/drones/live/live.contract';

type Status = Static<typeof LiveStatus>;
type Source = Status['sources'][number];
const QUALITIES = [0, 1, 2, 3, 4] as const;

export function LivePlayer({ sn }: { sn: string }) {
  const t = useT();
  const canFly = useAuth().can('drones.fly');
  const { lang } = useI18n();
  const status = useLoad((signal) => api.get<Status>(`/api/drones/devices/${sn}/live`, undefined, { signal }), [sn]);
  const [videoId, setVideoId] = useState<string | null>(null);
  const [quality, setQuality] = useState<number>(0);
  const [busy, setBusy] = useState(false);
  const s = status.data;
  const source = s?.sources.find((x) => x.videoId === videoId) ?? s?.sources[0];

  const command = async (what: 'start' | 'stop' | 'quality' | 'lens', body: Record<string, unknown>) => {
    setBusy(true);
    try {
      const r = await api.post<Static<typeof LiveOutcome>>(`/api/drones/devices/${sn}/live/${what}`, body);
      if (what === 'start' && r.attempts > 1) message.info(t('drones.video.retried'));
      status.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? inLanguage(e.message, lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!s) return <Card size="small" loading title={t('drones.video.title')} />;
  return (
    <Card size="small" title={t('drones.video.title')} data-testid="live-player">
      <Flex vertical gap={8}>
        {!s.configured ? <Alert type="info" showIcon message={t('drones.video.noGateway')} /> : null}
        {!s.online ? <Tag color="default">{t('drones.video.offline')}</Tag> : null}
        {s.sources.length === 0 ? (
          <Typography.Text type="secondary">{t('drones.video.noSource')}</Typography.Text>
        ) : (
          <Space wrap>
            <span>{t('drones.video.source')}</span>
            <Select
              size="small"
              style={{ minWidth: 260 }}
              value={source?.videoId}
              onChange={setVideoId}
              options={s.sources.map((x) => ({ value: x.videoId, label: x.videoId }))}
            />
            {source?.pushing ? (
              <Tag color="green">{t('drones.video.pushing')}</Tag>
            ) : (
              <Tag>{t('drones.video.idle')}</Tag>
            )}
          </Space>
        )}
        {source && canFly && s.configured ? (
          <Space wrap>
            <span>{t('drones.video.quality')}</span>
            <Select
              size="small"
              value={source.quality ?? quality}
              onChange={(q) =>
                source.pushing ? void command('quality', { videoId: source.videoId, quality: q }) : setQuality(q)
              }
              options={QUALITIES.map((q) => ({ value: q, label: t(`drones.video.q${q}` as MessageKey) }))}
              disabled={busy}
            />
            {source.switchable.length > 1 ? (
              <>
                <span>{t('drones.video.lens')}</span>
                <Select
                  size="small"
                  value={source.videoType ?? undefined}
                  onChange={(v) => void command('lens', { videoId: source.videoId, videoType: v })}
                  options={source.switchable.map((l) => ({
                    value: l,
                    label: t(`drones.video.lens.${l}` as MessageKey),
                  }))}
                  disabled={busy}
                />
              </>
            ) : null}
            {source.pushing ? (
              <Button
                size="small"
                danger
                loading={busy}
                onClick={() => void command('stop', { videoId: source.videoId })}
              >
                {t('drones.video.stop')}
              </Button>
            ) : (
              <Button
                size="small"
                type="primary"
                loading={busy}
                disabled={!s.online}
                onClick={() => void command('start', { videoId: source.videoId, quality })}
                data-testid="live-start"
              >
                {t('drones.video.start')}
              </Button>
            )}
          </Space>
        ) : null}
        {source?.pushing ? <Screen source={source} /> : null}
      </Flex>
    </Card>
  );
}

function Screen({ source }: { source: Source }) {
  const t = useT();
  if (!source.playUrl) return <Alert type="warning" showIcon message={t('drones.video.noPlayUrl')} />;
  if (source.playKind === 'webrtc' || source.playKind === 'flv')
    return (
      <Alert
        type="info"
        showIcon
        message={t('drones.video.cannotPlay', { kind: source.playKind === 'flv' ? 'HTTP-FLV' : 'WebRTC' })}
        description={
          <Typography.Link href={source.playUrl} target="_blank" rel="noreferrer">
            {source.playUrl}
          </Typography.Link>
        }
      />
    );
  return <Video url={source.playUrl} hls={source.playKind === 'hls'} />;
}

function Video({ url, hls }: { url: string; hls: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    // hls.js where Media Source Extensions exist; Safari plays HLS itself
    if (hls && Hls.isSupported()) {
      const h = new Hls({ liveDurationInfinity: true, lowLatencyMode: true });
      h.loadSource(url);
      h.attachMedia(video);
      return () => h.destroy();
    }
    video.src = url;
    return () => {
      video.removeAttribute('src');
      video.load();
    };
  }, [url, hls]);
  return <video ref={ref} controls autoPlay muted playsInline style={{ width: '100%', background: '#000' }} />;
}
