/**
 * 新建 / 编辑电子围栏: name, kind (no-fly or stay-inside), shape — a polygon drawn by clicking its
 * points on the map (undo the last, clear), or a circle by a click for its centre and a radius —
 * an optional height band, the owning unit, notes, enabled. Coordinates are WGS-84 as clicked.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Space, Switch, Typography } from 'antd';
import { useT } from '../../../../i18n';
import { useFormSubmit } from '../../../../components/forms';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useOrgs } from '../../../../components/useRefData';
import { type Draft, GeofenceMap } from './GeofenceMap';
import { type GeofenceView, geofencesApi } from './geofencesApi';

interface Values {
  name: string;
  kind: 'no_fly' | 'stay_inside';
  shape: 'polygon' | 'circle';
  radiusM?: number | null;
  minHeightM?: number | null;
  maxHeightM?: number | null;
  orgId?: string;
  notes?: string;
  enabled: boolean;
}

interface Props {
  /** undefined: closed; null: a new zone; a zone: edit it */
  editing: GeofenceView | null | undefined;
  zones: GeofenceView[];
  onClose: () => void;
  onSaved: () => void;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function GeofenceFormModal({ editing, zones, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { orgs } = useOrgs();
  const open = editing !== undefined;
  const [points, setPoints] = useState<[number, number][]>([]);
  const [center, setCenter] = useState<{ lng: number; lat: number } | null>(null);
  const [geometryError, setGeometryError] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) ?? 'no_fly') as Values['kind'];
  const shape = (Form.useWatch('shape', form) ?? 'polygon') as Values['shape'];
  const radiusM = num(Form.useWatch('radiusM', form));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setGeometryError(null);
    setPoints(editing?.polygon ?? []);
    setCenter(editing?.center ?? null);
    form.setFieldsValue(
      editing
        ? {
            name: editing.name,
            kind: editing.kind,
            shape: editing.shape,
            radiusM: editing.radiusM,
            minHeightM: editing.minHeightM,
            maxHeightM: editing.maxHeightM,
            orgId: editing.orgId ?? undefined,
            notes: editing.notes ?? undefined,
            enabled: editing.enabled,
          }
        : { kind: 'no_fly', shape: 'polygon', enabled: true, radiusM: 200 },
    );
  }, [open, editing, form]);

  const pick = useCallback(
    (lng: number, lat: number) => {
      setGeometryError(null);
      if (form.getFieldValue('shape') === 'circle') setCenter({ lng, lat });
      else setPoints((p) => [...p, [lng, lat]]);
    },
    [form],
  );

  const draft: Draft = useMemo(
    () => ({ kind, shape, points, center, radiusM }),
    [kind, shape, points, center, radiusM],
  );
  const others = useMemo(() => zones.filter((z) => z.id !== editing?.id), [zones, editing]);

  const { busy, submit } = useFormSubmit(form, async (v) => {
    if (v.shape === 'polygon' && points.length < 3) return setGeometryError(t('drones.geofences.form.needPoints'));
    if (v.shape === 'circle' && !center) return setGeometryError(t('drones.geofences.form.needCenter'));
    const geometry =
      v.shape === 'polygon'
        ? { shape: 'polygon' as const, polygon: points }
        : { shape: 'circle' as const, center: center!, radiusM: v.radiusM ?? 0 };
    const common = {
      name: v.name.trim(),
      kind: v.kind,
      ...geometry,
      enabled: v.enabled,
      minHeightM: num(v.minHeightM),
      maxHeightM: num(v.maxHeightM),
      orgId: v.orgId ?? null,
      notes: v.notes?.trim() ? v.notes.trim() : null,
    };
    if (editing) await geofencesApi.update(editing.id, common);
    else await geofencesApi.create(common);
    onSaved();
  });

  return (
    <Modal
      open={open}
      title={editing ? t('drones.geofences.edit') : t('drones.geofences.new')}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'geofence-form-submit' }}
      confirmLoading={busy}
      width={900}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="geofence-form">
        <Row gutter={16}>
          <Col span={9}>
            <Form.Item
              name="name"
              label={t('drones.geofences.form.name')}
              rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 60 }]}
            >
              <Input maxLength={60} data-testid="geofence-name" />
            </Form.Item>
            <Form.Item name="kind" label={t('drones.geofences.form.kind')}>
              <Radio.Group data-testid="geofence-kind">
                <Radio.Button value="no_fly">{t('drones.geofences.kind.no_fly')}</Radio.Button>
                <Radio.Button value="stay_inside">{t('drones.geofences.kind.stay_inside')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="shape" label={t('drones.geofences.form.shape')}>
              <Radio.Group data-testid="geofence-shape" onChange={() => setGeometryError(null)}>
                <Radio.Button value="polygon">{t('drones.geofences.shape.polygon')}</Radio.Button>
                <Radio.Button value="circle">{t('drones.geofences.shape.circle')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            {shape === 'circle' ? (
              <Form.Item
                name="radiusM"
                label={t('drones.geofences.form.radius')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber
                  min={10}
                  max={50000}
                  step={10}
                  addonAfter="m"
                  style={{ width: '100%' }}
                  data-testid="geofence-radius"
                />
              </Form.Item>
            ) : null}
            <Form.Item
              label={t('drones.geofences.form.heights')}
              extra={t(
                kind === 'no_fly'
                  ? 'drones.geofences.form.heights.no_fly'
                  : 'drones.geofences.form.heights.stay_inside',
              )}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="minHeightM" noStyle>
                  <InputNumber
                    min={0}
                    max={1500}
                    placeholder={t('drones.geofences.form.min')}
                    style={{ width: '50%' }}
                  />
                </Form.Item>
                <Form.Item name="maxHeightM" noStyle>
                  <InputNumber
                    min={0}
                    max={1500}
                    placeholder={t('drones.geofences.form.max')}
                    style={{ width: '50%' }}
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
            <Form.Item name="orgId" label={t('drones.geofences.form.org')}>
              <OrgTreeSelect orgs={orgs} allowClear />
            </Form.Item>
            <Form.Item name="notes" label={t('drones.geofences.form.notes')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="enabled" label={t('drones.geofences.form.enabled')} valuePropName="checked">
              <Switch data-testid="geofence-enabled" />
            </Form.Item>
          </Col>
          <Col span={15}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {shape === 'polygon'
                ? t('drones.geofences.form.drawPolygon', { n: points.length })
                : t('drones.geofences.form.drawCircle')}
            </Typography.Paragraph>
            <GeofenceMap zones={others} draft={draft} onPick={pick} height={420} testId="geofence-draw-map" />
            <Space style={{ marginTop: 8 }}>
              {shape === 'polygon' ? (
                <>
                  <Button size="small" disabled={!points.length} onClick={() => setPoints((p) => p.slice(0, -1))}>
                    {t('drones.geofences.form.undo')}
                  </Button>
                  <Button size="small" disabled={!points.length} onClick={() => setPoints([])}>
                    {t('drones.geofences.form.clear')}
                  </Button>
                </>
              ) : center ? (
                <Typography.Text type="secondary" data-testid="geofence-center">
                  {center.lng.toFixed(6)}, {center.lat.toFixed(6)}
                </Typography.Text>
              ) : null}
            </Space>
            {geometryError ? <Alert type="error" showIcon message={geometryError} style={{ marginTop: 8 }} /> : null}
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
