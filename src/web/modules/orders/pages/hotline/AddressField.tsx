/**
 * The hotline form's place: the address box (an AutoComplete over the 地名库 — picking a place sets
 * the pin and so the community), the pin's line under it, the community check (the pin's community
 * against the one the address text or the picked place names), and the map card beside the form.
 * `useHotlineLocation` holds the state both share; HotlinePage only wires them together.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Flex, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { useAuth } from '../../../../auth';
import { api } from '../../../../api';
import { PointMap, useMapLayers, type LngLat } from '../../components/maps';
import { ordersApi } from '../../components/ordersApi';
import { normaliseAddress } from '../../../../../modules/geography/address.contract';
import type { GazetteerPlace } from '../../../../../modules/geography/gazetteer.contract';

export interface PinPlace {
  communityCode: string | null;
  community: string | null;
  grid: string | null;
  inStreet: boolean;
}

export interface AreaName {
  code: string;
  name: string;
}

/** The community whose full name (…社区) the address text contains; the longest name wins (千灯湖社区 over 灯湖社区). */
export function namedCommunity(text: string | undefined, communities: readonly AreaName[]): AreaName | null {
  const key = normaliseAddress(text);
  if (!key) return null;
  let best: AreaName | null = null;
  let bestLength = 0;
  for (const c of communities) {
    const k = normaliseAddress(c.name);
    if (k.length > bestLength && key.includes(k)) {
      best = c;
      bestLength = k.length;
    }
  }
  return best;
}

/** What goes into the address box when a place is picked. */
export const placeText = (p: GazetteerPlace) =>
  p.address && p.address !== p.name && !p.name.includes(p.address) ? `${p.name}（${p.address}）` : p.name;

/** The place state of the hotline form: the pin, where it lies, the picked gazetteer entry. */
export function useHotlineLocation() {
  const [point, setPointState] = useState<LngLat | null>(null);
  const [place, setPlace] = useState<PinPlace | null>(null);
  const [picked, setPicked] = useState<GazetteerPlace | null>(null);
  const [focus, setFocus] = useState<LngLat | null>(null);

  // Where the pin lies (community / grid), as the server will locate it.
  useEffect(() => {
    if (!point) {
      setPlace(null);
      return;
    }
    const ctl = new AbortController();
    ordersApi.lookup(point.lng, point.lat, ctl.signal).then(
      (r) =>
        !ctl.signal.aborted &&
        setPlace({
          communityCode: r.community?.code ?? null,
          community: r.community?.name ?? null,
          grid: r.grid?.name ?? null,
          inStreet: r.inStreet,
        }),
      () => undefined,
    );
    return () => ctl.abort();
  }, [point]);

  return {
    point,
    place,
    picked,
    focus,
    /** A click on the map: the pin moves, the picked place stays (the check compares them). */
    setPoint: (p: LngLat | null) => setPointState(p),
    pick: (p: GazetteerPlace) => {
      const at = { lng: p.lng, lat: p.lat };
      setPicked(p);
      setPointState(at);
      setFocus(at);
    },
    unpick: () => setPicked(null),
    reset: () => {
      setPointState(null);
      setPicked(null);
      setFocus(null);
    },
  };
}
export type HotlineLocation = ReturnType<typeof useHotlineLocation>;

/** Gazetteer hits for what is typed (debounced; none without the search permission). */
function usePlaceSearch(text: string, allowed: boolean) {
  const [hits, setHits] = useState<GazetteerPlace[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const q = text.trim();
    if (!allowed || !normaliseAddress(q)) {
      setHits([]);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .get<{ items: GazetteerPlace[] }>(
          '/api/geo/gazetteer',
          { q: q.slice(0, 100), limit: 8 },
          { signal: ctl.signal },
        )
        .then(
          (r) => {
            if (ctl.signal.aborted) return;
            setHits(r.items);
            setLoading(false);
          },
          () => !ctl.signal.aborted && setLoading(false),
        );
    }, 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text, allowed]);
  return { hits, loading };
}

export function AddressField({ loc }: { loc: HotlineLocation }) {
  const t = useT();
  const { can } = useAuth();
  const form = Form.useFormInstance();
  const address: string | undefined = Form.useWatch('address', form);
  const [typed, setTyped] = useState('');
  const { hits, loading } = usePlaceSearch(typed, can('geo.gazetteer.search'));
  const layers = useMapLayers();
  const communities = useMemo<AreaName[]>(
    () =>
      (layers?.layers.communities?.features ?? []).map((f) => ({
        code: String(f.properties?.code ?? ''),
        name: String(f.properties?.name ?? ''),
      })),
    [layers],
  );
  const byValue = useRef(new Map<string, GazetteerPlace>());

  const options = hits.map((p) => {
    const value = placeText(p);
    byValue.current.set(value, p);
    return {
      value,
      label: (
        <Flex justify="space-between" gap={8} data-testid={`address-option-${p.name}`}>
          <span>
            <Typography.Text strong>{p.name}</Typography.Text>
            {p.address && p.address !== p.name ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                {p.address}
              </Typography.Text>
            ) : null}
          </span>
          <Space size={4}>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`geo.kind.${p.kind}`)}</Tag>
            {p.communityName ? <Typography.Text type="secondary">{p.communityName}</Typography.Text> : null}
          </Space>
        </Flex>
      ),
    };
  });

  // the community the address should be in: the picked place's, else the one its text names
  const expected = loc.picked?.communityCode
    ? {
        code: loc.picked.communityCode,
        name: loc.picked.communityName ?? loc.picked.communityCode,
        source: 'place' as const,
      }
    : (() => {
        const c = namedCommunity(address, communities);
        return c ? { ...c, source: 'text' as const } : null;
      })();
  const mismatch =
    loc.point && loc.place?.communityCode && expected && expected.code !== loc.place.communityCode ? expected : null;

  const pointLine = (
    <Flex align="center" gap={8} wrap style={{ minHeight: 24 }}>
      <AimOutlined />
      {loc.point ? (
        <>
          <Typography.Text data-testid="hotline-point">
            {loc.point.lng.toFixed(6)}, {loc.point.lat.toFixed(6)}
          </Typography.Text>
          {loc.place ? (
            loc.place.inStreet ? (
              <Typography.Text type="secondary" data-testid="hotline-point-community">
                {[loc.place.community, loc.place.grid].filter(Boolean).join(' · ') || '—'}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning">{t('orders.hotline.outside')}</Typography.Text>
            )
          ) : null}
          <Tooltip title={t('common.clear')}>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              onClick={() => loc.setPoint(null)}
              tabIndex={-1}
            />
          </Tooltip>
        </>
      ) : (
        <Typography.Text type="secondary">{t('orders.hotline.noPoint')}</Typography.Text>
      )}
      {loc.picked ? (
        <Tag color="blue" data-testid="hotline-picked-place">
          {t('orders.address.picked', { name: loc.picked.name })}
        </Tag>
      ) : null}
    </Flex>
  );

  return (
    <>
      <Form.Item name="address" label={t('orders.field.address')} extra={pointLine}>
        <AutoComplete
          options={options}
          onSearch={setTyped}
          onChange={(v: string) => {
            // the text no longer says the picked place: the check goes by the text again
            if (loc.picked && v !== placeText(loc.picked)) loc.unpick();
          }}
          onSelect={(value: string) => {
            const p = byValue.current.get(value);
            if (p) loc.pick(p);
          }}
          notFoundContent={
            typed.trim() && can('geo.gazetteer.search')
              ? loading
                ? t('orders.address.searching')
                : t('orders.address.noMatch')
              : null
          }
          popupMatchSelectWidth
        >
          <Input
            placeholder={t('orders.address.placeholder')}
            maxLength={200}
            autoComplete="off"
            data-testid="hotline-address"
          />
        </AutoComplete>
      </Form.Item>
      {mismatch && loc.place?.community ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: -8, marginBottom: 16 }}
          data-testid="address-community-mismatch"
          title={t('orders.address.mismatch', {
            pin: loc.place.community,
            named: mismatch.name,
            source: t(mismatch.source === 'place' ? 'orders.address.source.place' : 'orders.address.source.text'),
          })}
        />
      ) : null}
    </>
  );
}

/** The map beside the form: a click sets the pin; a picked place centres it. */
export function HotlineMapCard({ loc }: { loc: HotlineLocation }) {
  const t = useT();
  return (
    <Card size="small" title={t('orders.hotline.place')} style={{ marginTop: 16 }}>
      <PointMap value={loc.point} onChange={loc.setPoint} focus={loc.focus} height={460} testId="hotline-map" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('orders.hotline.pickPoint')}
      </Typography.Text>
    </Card>
  );
}
