/**
 * 媒体: the pictures docks uploaded, by flight, dock, place (a community of the street's map) and
 * date, grouped by day as thumbnails (presigned links from the API) with a map of where they were
 * taken; a click opens the viewer. `?flightId=` opens one flight's pictures (the flights page links here).
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { fmtTime, todayShanghai } from '../../../../format';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { useLoad } from '../../../../components/useLoad';
import { useJurisdiction } from '../../components/DroneMap';
import { dronesApi, type MediaView, missionsApi } from '../../components/dronesApi';
import { type MapPoint, PointMap } from '../findings/PointMap';
import { byDay, communitiesOf, inCommunity, shanghaiMidnight } from './mediaFilter';
import { MediaViewer } from './MediaViewer';

/** What the API returns at most per query (media.service). */
const API_CAP = 500;
const DAY = 86_400_000;

export default function MediaPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const flightId = params.get('flightId') ?? undefined;
  const [dockSn, setDockSn] = useState<string | undefined>();
  const [place, setPlace] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    // the last 30 days as Shanghai counts them (the browser may be in another zone)
    const today = dayjs(todayShanghai());
    return [today.subtract(29, 'day'), today];
  });
  const [open, setOpen] = useState<number | null>(null);

  const from = shanghaiMidnight(range[0].format('YYYY-MM-DD'));
  const to = shanghaiMidnight(range[1].format('YYYY-MM-DD')) + DAY;
  // one flight's pictures whatever the dates; otherwise the period (and dock)
  const media = useLoad(
    (signal) => missionsApi.media(flightId ? { flightId } : { dockSn, from, to }, signal),
    [flightId, dockSn, from, to],
  );
  const devices = useLoad((signal) => dronesApi.devices(signal), []);
  const flights = useLoad((signal) => missionsApi.flights({ from, to, dockSn }, signal), [from, to, dockSn]);
  const jurisdiction = useJurisdiction();
  const communities = useMemo(() => communitiesOf(jurisdiction?.layers.communities), [jurisdiction]);

  const docks = useMemo(() => (devices.data?.items ?? []).filter((d) => d.domain === 'dock'), [devices.data]);
  const dockName = (sn: string) => docks.find((d) => d.sn === sn)?.name ?? sn;
  const community = communities.find((c) => c.code === place);
  const shown = useMemo(
    () => (media.data?.items ?? []).filter((m) => inCommunity(m, community)),
    [media.data, community],
  );
  const days = useMemo(() => byDay(shown), [shown]);
  // the viewer steps through the pictures in the order they are shown
  const ordered = useMemo(() => days.flatMap((d) => d.items), [days]);
  const points = useMemo<MapPoint[]>(
    () =>
      ordered
        .filter((m) => m.lng !== null && m.lat !== null)
        .map((m) => ({ lng: m.lng!, lat: m.lat!, id: m.id, label: `${m.name} · ${fmtTime(m.takenAt)}` })),
    [ordered],
  );
  const flightOptions = useMemo(() => {
    const list = (flights.data?.items ?? []).map((f) => ({
      value: f.id,
      label: `${fmtTime(f.executeAt)} ${f.name}${f.mediaCount ? ` (${f.mediaCount})` : ''}`,
    }));
    if (flightId && !list.some((o) => o.value === flightId)) list.unshift({ value: flightId, label: flightId });
    return list;
  }, [flights.data, flightId]);

  const pickFlight = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('flightId', id);
    else next.delete('flightId');
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="drones-media">
      <PageHeader title={t('drones.media.title')} hint={t('drones.media.hint')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('drones.media.flight')}
            value={flightId}
            onChange={pickFlight}
            options={flightOptions}
            style={{ width: 300 }}
            data-testid="media-flight"
          />
          <Select
            allowClear
            placeholder={t('drones.media.dock')}
            value={dockSn}
            onChange={setDockSn}
            options={docks.map((d) => ({ value: d.sn, label: d.name }))}
            style={{ width: 180 }}
            data-testid="media-dock"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('drones.media.place')}
            value={place}
            onChange={setPlace}
            options={communities.map((c) => ({ value: c.code, label: c.name }))}
            style={{ width: 180 }}
            data-testid="media-place"
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabled={!!flightId}
            onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
            style={{ width: 240 }}
            placeholder={[t('drones.media.dates'), t('drones.media.dates')]}
          />
          <Typography.Text type="secondary" data-testid="media-count">
            {t('drones.media.count', { n: shown.length })}
          </Typography.Text>
        </Flex>
        {(media.data?.items.length ?? 0) >= API_CAP ? (
          <Alert type="info" showIcon title={t('drones.media.capped', { n: API_CAP })} style={{ marginTop: 8 }} />
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Spin spinning={media.loading}>
            {days.length === 0 ? (
              <Card size="small">
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drones.media.empty')} />
              </Card>
            ) : (
              <Flex vertical gap={12}>
                {days.map((d) => (
                  <Card key={d.day} size="small" title={`${d.day} · ${t('drones.media.count', { n: d.items.length })}`}>
                    <Flex wrap gap={8}>
                      {d.items.map((m) => (
                        <Thumb key={m.id} m={m} onOpen={() => setOpen(ordered.indexOf(m))} />
                      ))}
                    </Flex>
                  </Card>
                ))}
              </Flex>
            )}
          </Spin>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('drones.media.map')}>
            <PointMap
              points={points}
              height={420}
              zoom={15}
              testId="media-map"
              onPick={(id) => setOpen(ordered.findIndex((m) => m.id === id))}
            />
          </Card>
        </Col>
      </Row>
      <MediaViewer items={ordered} index={open} onIndex={setOpen} dockName={dockName} />
    </div>
  );
}

function Thumb({ m, onOpen }: { m: MediaView; onOpen: () => void }) {
  return (
    <button
      type="button"
      onClick={onOpen}
      title={`${m.name} · ${fmtTime(m.takenAt)}`}
      data-testid={`media-thumb-${m.id}`}
      style={{ padding: 0, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fafafa', cursor: 'zoom-in' }}
    >
      <img
        src={m.url}
        alt={m.name}
        loading="lazy"
        style={{ width: 148, height: 111, objectFit: 'cover', display: 'block', borderRadius: 6 }}
      />
      <div style={{ fontSize: 11, color: '#8c8c8c', padding: '2px 4px', textAlign: 'left' }}>
        {fmtTime(m.takenAt ?? m.createdAt).slice(11)}
      </div>
    </button>
  );
}
