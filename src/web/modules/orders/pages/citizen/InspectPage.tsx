/**
 * 网格巡查上报 (/inspect): a grid inspector on a phone reports what they see — photos (camera),
 * GPS, a description with category suggestions — as a 'grid' channel work order.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { CameraOutlined, EnvironmentOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../../../api';
import { useAuth } from '../../../../auth';
import { useI18n } from '../../../../i18n';
import { useApiError } from '../../../../components/useApiError';
import { LocationPicker, type LocationPickerHandle, type PickedLocation } from './LocationPicker';
import { postIdempotent, uploadFile, uuid } from '../../components/ordersApi';
import { shrinkImage } from './photos';
import { InspectDone } from './InspectDone';
import { InspectPhotos, MAX_PHOTOS, type Photo } from './InspectPhotos';
import '../supervision/ops.css';
import './citizen.css';
import type {
  CategorySuggestion as Suggestion,
  IntakeResult as Created,
  Urgency,
} from '../../../../../modules/orders/contract';

export default function InspectPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const showError = useApiError();
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [suggesting, setSuggesting] = useState(false);
  const [category, setCategory] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const albumRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<LocationPickerHandle>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  // citizens hold orders.create too; what they send is a web report, not a grid inspection
  const channel = me?.user.roles.every((r) => r === 'citizen') ? 'web' : 'grid';

  // Category suggestions while typing (debounced).
  useEffect(() => {
    const text = description.trim();
    if (text.length < 4) {
      setSuggestions([]);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setSuggesting(true);
      api
        .post<{ items: Suggestion[] }>('/api/order-categories/suggest', { text }, { signal: ctl.signal })
        .then((r) => setSuggestions(r.items.filter((x, i) => i === 0 || x.confidence >= 0.05).slice(0, 4)))
        .catch(() => setSuggestions([]))
        .finally(() => setSuggesting(false));
    }, 600);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [description]);

  // Object URLs of the previews are released when the page goes.
  const photosRef = useRef(photos);
  photosRef.current = photos;
  useEffect(() => () => photosRef.current.forEach((p) => URL.revokeObjectURL(p.preview)), []);

  const addFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const room = MAX_PHOTOS - photos.length;
    const list = [...files].slice(0, Math.max(0, room));
    if (files.length > room) setError(t('ops.inspect.tooMany', { n: MAX_PHOTOS }));
    for (const file of list) {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const preview = URL.createObjectURL(file);
      setPhotos((ps) => [...ps, { key, preview, status: 'uploading' }]);
      try {
        const { blob, name } = await shrinkImage(file);
        const up = await uploadFile(blob, name, me?.csrfToken);
        setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, status: 'done', fileId: up.id } : p)));
      } catch (e) {
        const msg = e instanceof ApiError ? e.message : (e as Error).message;
        setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, status: 'error', error: msg } : p)));
      }
    }
  };

  const removePhoto = (key: string) => {
    setPhotos((ps) => {
      const p = ps.find((x) => x.key === key);
      if (p) URL.revokeObjectURL(p.preview);
      return ps.filter((x) => x.key !== key);
    });
  };

  const uploading = photos.some((p) => p.status === 'uploading');
  const descOk = description.trim().length >= 1;

  const submit = async () => {
    if (!descOk) {
      setError(t('ops.inspect.descriptionRequired'));
      return;
    }
    const body = {
      channel,
      description: description.trim(),
      address: address.trim() || undefined,
      location: location ? { lng: location.lng, lat: location.lat, crs: 'WGS84' as const } : undefined,
      categoryCode: category ?? undefined,
      urgency,
      attachments: photos.filter((p) => p.status === 'done' && p.fileId).map((p) => p.fileId as string),
    };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: uuid() };
    setBusy(true);
    setError(null);
    try {
      const res = await postIdempotent<Created>('/api/orders', body, attempt.current.key, me?.csrfToken);
      setCreated(res);
      attempt.current = null;
      window.scrollTo({ top: 0 });
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401 && e.status !== 403)
        setError(e.status === 0 ? t('error.network') : e.message);
      else showError(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    photos.forEach((p) => URL.revokeObjectURL(p.preview));
    setPhotos([]);
    setDescription('');
    setAddress('');
    setUrgency('normal');
    setLocation(null);
    setCategory(null);
    setSuggestions([]);
    setCreated(null);
    setError(null);
  };

  if (created) return <InspectDone created={created} onAgain={reset} />;

  return (
    <div className="inspect-page" data-testid="inspect-page">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('nav.ops.inspect')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('ops.inspect.hint')}
      </Typography.Paragraph>

      <div className="inspect-big-buttons" style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          className="inspect-big-button"
          icon={<CameraOutlined />}
          onClick={() => cameraRef.current?.click()}
          disabled={photos.length >= MAX_PHOTOS}
          data-testid="inspect-camera"
        >
          {t('ops.inspect.camera')}
        </Button>
        <Button
          className="inspect-big-button"
          icon={<EnvironmentOutlined />}
          onClick={() => pickerRef.current?.locate()}
          data-testid="inspect-locate"
        >
          {location ? t('ops.inspect.relocate') : t('ops.inspect.locate')}
        </Button>
      </div>
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={(e) => {
          void addFiles(e.target.files);
          e.target.value = '';
        }}
        data-testid="inspect-file"
      />
      <input
        ref={albumRef}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={(e) => {
          void addFiles(e.target.files);
          e.target.value = '';
        }}
        data-testid="inspect-album-file"
      />

      <InspectPhotos photos={photos} onAlbum={() => albumRef.current?.click()} onRemove={removePhoto} />

      <Card size="small" style={{ marginBottom: 12 }} title={t('ops.inspect.where')}>
        <LocationPicker
          ref={pickerRef}
          value={location}
          onChange={setLocation}
          big
          mapHeight={220}
          autoLocate
          hideButton
        />
        <Input
          size="large"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          maxLength={200}
          placeholder={t('ops.inspect.addressPlaceholder')}
          style={{ marginTop: 10 }}
          data-testid="inspect-address"
        />
      </Card>

      <Card size="small" style={{ marginBottom: 12 }} title={t('ops.inspect.what')}>
        <Form layout="vertical">
          <Form.Item style={{ marginBottom: 24 }}>
            <Input.TextArea
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              rows={4}
              maxLength={4000}
              showCount
              placeholder={t('ops.inspect.descriptionPlaceholder')}
              style={{ fontSize: 16 }}
              data-testid="inspect-description"
            />
          </Form.Item>
          <div style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('ops.inspect.category')} {suggesting ? <Spin size="small" /> : null}
            </Typography.Text>
            <div style={{ marginTop: 6 }} data-testid="inspect-suggestions">
              {suggestions.length === 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ops.inspect.categoryHint')}
                </Typography.Text>
              ) : (
                <>
                  {suggestions.map((s) => (
                    <Tag.CheckableTag
                      key={s.categoryCode}
                      checked={category === s.categoryCode}
                      onChange={(on) => setCategory(on ? s.categoryCode : null)}
                      className="inspect-suggestion"
                      data-testid={`inspect-suggestion-${s.categoryCode}`}
                    >
                      {s.path ?? s.categoryCode} · {Math.round(s.confidence * 100)}%
                    </Tag.CheckableTag>
                  ))}
                  <Tag.CheckableTag
                    checked={category === null}
                    onChange={() => setCategory(null)}
                    className="inspect-suggestion"
                  >
                    {t('ops.inspect.categoryAuto')}
                  </Tag.CheckableTag>
                </>
              )}
            </div>
          </div>
          <Form.Item label={t('ops.inspect.urgency')} style={{ marginBottom: 0 }}>
            <Segmented<Urgency>
              block
              size="large"
              value={urgency}
              onChange={setUrgency}
              options={[
                { value: 'normal', label: t('ops.urgency.normal') },
                { value: 'urgent', label: t('ops.urgency.urgent') },
                {
                  value: 'emergency',
                  label: (
                    <span style={{ color: urgency === 'emergency' ? '#cf1322' : undefined }}>
                      <ExclamationCircleOutlined /> {t('ops.urgency.emergency')}
                    </span>
                  ),
                },
              ]}
              data-testid="inspect-urgency"
            />
          </Form.Item>
        </Form>
      </Card>

      {error ? (
        <Alert
          type="error"
          showIcon
          closable
          title={error}
          onClose={() => setError(null)}
          style={{ marginBottom: 12 }}
          data-testid="inspect-error"
        />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined />}
        className="inspect-submit"
        loading={busy}
        disabled={uploading || !descOk}
        onClick={submit}
        data-testid="inspect-submit"
      >
        {uploading ? t('ops.inspect.waitUpload') : t('ops.inspect.submit')}
      </Button>
    </div>
  );
}
